import Analyses
import CairoRendering
import Foundation
import ReportTemplates

extension ReportBuilder {
  /// The files the build writes, in the order it writes them: each figure's formats and sidecar,
  /// each table's formats and sidecar, the report PDF and the manuscript files (for a full build: ``manuscriptOutputs``) and the dependency file.
  var plannedOutputs: [String] {
    let folder = options.outputFolder
    let (figures, tables) = selection
    var paths: [String] = []
    for figure in figures {
      paths += figure.formats.map { "\(folder)/\(figure.id).\($0.fileExtension)" } + ["\(folder)/\(figure.id).json"]
    }
    for table in tables {
      paths += table.formats.map { "\(folder)/\(table.id).\($0.rawValue)" } + ["\(folder)/\(table.id).json"]
    }
    if options.only == nil { paths += ["\(folder)/\(reportName).pdf"] + manuscriptOutputs }
    if let depfile = options.depfile { paths.append(depfile) }
    return paths
  }

  /// How an error message names the template's title: `'title' in report.yaml`.
  var titleOption: String { "'title' in \(template.file)" }

  /// Checks before any work that every output can be written (the output folder is created
  /// when missing) and that make can read every path the dependency file would name.
  func checkOutputs() throws {
    try OutputStage.check(plannedOutputs, creatingFolders: [options.outputFolder])
    guard let depfile = options.depfile else { return }
    let (figures, tables) = selection
    let named =
      [template.file] + figures.flatMap(\.dataFiles) + tables.flatMap(\.request.dataFiles)
      + plannedOutputs.dropLast() + (options.executable.map { [$0] } ?? [])
    for path in named {
      if let character = Self.unnameableCharacter(in: path) {
        throw OutputError.unnameableInDependencyFile(depfile: depfile, path: path, character: character)
      }
    }
  }
}
