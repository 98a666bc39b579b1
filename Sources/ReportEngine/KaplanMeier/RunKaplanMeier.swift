import ClinicalCSV

/// What a Kaplan–Meier run produced.
public struct KaplanMeierRun: Sendable {
  public var analysis: KaplanMeierAnalysis
  /// The statistics as the `km --json` contract lists them.
  public var json: JSONValue { analysis.json }
  public var warnings: [String] { analysis.warnings }
  /// The figure files written.
  public var writtenFiles: [String]
}

/// Reads the data, computes the statistics and writes the figure to every output of
/// `request.figure`.
///
/// Output paths are checked before any work is done, and every file is written atomically:
/// on an error no new or partial file is left behind.
public func runKaplanMeier(_ request: KaplanMeierRequest) throws -> KaplanMeierRun {
  let outputs = request.figure.outputs
  let writer = try FigureWriter(paths: outputs, dpi: request.figure.dpi, title: request.figure.title)
  let table = try DataTable(contentsOfFile: request.dataPath)
  let analysis = try KaplanMeierAnalysis(table: table, request: request)
  if !outputs.isEmpty {
    let figure = analysis.figure(request.figure, groupLabels: request.groupLabels)
    try writer.write { measurer in figure.layout(measurer: measurer).scene }
  }
  return KaplanMeierRun(analysis: analysis, writtenFiles: outputs)
}
