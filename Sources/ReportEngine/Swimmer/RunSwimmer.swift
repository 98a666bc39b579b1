import ClinicalCSV
import FigureCore
import SurvivalFigures

extension SwimmerInput {
  /// The figure of these lanes as `request` describes it.
  public func figure(_ request: SwimmerRequest) -> SwimmerFigure {
    let theme = FigureTheme.styled(
      width: request.widthMillimetres.millimetres, fontSize: request.fontSize, fontFamily: request.fontFamily,
      lineWidth: nil, palette: request.palette)
    var options = SwimmerFigureOptions(
      width: request.widthMillimetres.millimetres,
      height: request.heightMillimetres.map { $0.millimetres }, theme: theme)
    options.title = request.title.map { StyledText($0) }
    let unit = request.displayTimeUnit ?? request.dataTimeUnit
    options.xTitle = StyledText(request.xTitle ?? unit.map { "Time (\($0.rawValue))" } ?? "Time")
    options.yTitle = StyledText(request.yTitle ?? "Patients")
    options.breakSteps = request.breakSteps
    options.xMax = request.xMax
    options.order = request.order
    options.showsIdentifiers = request.showsIdentifiers
    options.legendTitle = request.legendTitle
    options.lineWidth = request.lineWidth
    return SwimmerFigure(lanes: lanes, groups: groups, eventKinds: eventKinds, options: options)
  }
}

/// Reads the patients (and events) and writes the swimmer plot to every output.
///
/// Output paths are checked before any work is done and every file is written atomically: on an
/// error no new or partial file is left behind.
/// - Returns: the lanes read, for reporting.
@discardableResult
public func runSwimmer(_ request: SwimmerRequest) throws -> SwimmerInput {
  let writer = try FigureWriter(paths: request.outputs, dpi: request.dpi, title: request.title)
  let patients = try DataTable(contentsOfFile: request.dataPath)
  let events = try request.eventsPath.map { path throws(CSVReadError) in try DataTable(contentsOfFile: path) }
  let input = try SwimmerInput(patients: patients, events: events, request: request)
  let figure = input.figure(request)
  try writer.write { measurer in figure.layout(measurer: measurer).scene }
  return input
}
