import Analyses
import ArgumentParser

/// The options every figure command takes (files, size, resolution, title, type), with the
/// help of `Kind`'s declarations.
struct FigureOutputOptions<Kind: FigureKind>: ParsableArguments {
  @Option(name: .customLong("out"), help: Kind.options.help("out")) var out: [String] = []
  @Option(help: Kind.options.help("journal")) var journal: String?
  @Option(help: Kind.options.help("width")) var width: String?
  @Option(help: Kind.options.help("height")) var height: String?
  @Option(help: Kind.options.help("dpi")) var dpi: String?
  @Option(help: Kind.options.help("color")) var color: String?
  @Option(help: Kind.options.help("svg-text")) var svgText: String?
  @Option(help: Kind.options.help("title")) var title: String?
  @Option(help: Kind.options.help("palette")) var palette: String?
  @Option(help: Kind.options.help("font")) var font: String?
  @Option(help: Kind.options.help("font-size")) var fontSize: String?
  @Option(help: Kind.options.help("line-width")) var lineWidth: String?
  @Flag(help: Kind.options.help("allow-lint")) var allowLint = false

  init() {}
}
