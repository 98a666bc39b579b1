import ClinicalData
import FigureCore
import SurvivalFigures

extension SwimmerInput {
  /// The figure of these lanes as `request` describes it.
  public func figure(_ request: SwimmerRequest) -> SwimmerFigure {
    let theme = FigureTheme.styled(
      width: request.output.widthMillimetres.millimetres, fontSize: request.output.fontSize,
      fontFamily: request.output.fontFamily,
      lineWidth: nil, palette: request.output.palette, minimumFontSize: request.output.minimumFontSize)
    var options = SwimmerFigureOptions(
      width: request.output.widthMillimetres.millimetres,
      height: request.output.heightMillimetres.map { $0.millimetres }, theme: theme)
    options.title = request.output.title.map { StyledText($0) }
    let unit = request.displayTimeUnit ?? request.dataTimeUnit
    options.xTitle = StyledText(request.xTitle ?? unit.map { "Time (\($0.rawValue))" } ?? "Time")
    options.yTitle = StyledText(request.yTitle ?? "Patients")
    options.breakSteps = request.breakSteps
    options.xMax = request.xMax
    options.order = request.order
    options.labelsLanesByIdentifier = request.showsIdentifiers
    options.legendTitle = request.legendTitle
    options.lineWidth = request.output.lineWidth
    return SwimmerFigure(lanes: lanes, groups: groups, eventKinds: eventKinds, options: options)
  }
}
