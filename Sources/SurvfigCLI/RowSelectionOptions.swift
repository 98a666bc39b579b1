import Analyses
import ArgumentParser
import OptionSchema

/// The rows every command reads: `--param`, `--population`, `--where`.
struct RowSelectionOptions: ParsableArguments {
  static let options = OptionTable<RowSelection>(RowSelection.declarations(\RowSelection.self))

  @Option(help: Self.options.help("param")) var param: String?
  @Option(help: Self.options.help("population")) var population: String?
  @Option(help: Self.options.help("where")) var `where`: String?

  init() {}
}
