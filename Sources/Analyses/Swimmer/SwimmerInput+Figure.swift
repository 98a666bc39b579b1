import FigureCore
import SurvivalFigures
import ClinicalCSV

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
