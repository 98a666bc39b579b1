import FigureCore
import Testing

@testable import SurvivalFigures

/// Step-curve figures other than one survival curve per group: several curves per group with
/// the risk table's groups given apart, and stacked areas.
@Suite("Step-curve figures: table groups and stacked areas")
struct StepCurveLayoutTests {
  let measurer = MonospaceTextMeasurer()

  typealias Row = KaplanMeierCurveData.Row

  /// Rising curves of two causes in one group of 6.
  static func causes() -> [KaplanMeierCurveData] {
    let times = [2.0, 4, 6, 8]
    let first = [1.0 / 6, 1.0 / 6, 2.0 / 6, 2.0 / 6]
    let second = [0.0, 1.0 / 6, 1.0 / 6, 2.0 / 6]
    func rows(_ values: [Double]) -> [Row] {
      times.indices.map { Row(time: times[$0], atRisk: 6 - $0, events: 1, censored: 0, value: values[$0]) }
    }
    return [
      KaplanMeierCurveData(label: "Relapse", total: 6, rows: rows(first), initialValue: 0),
      KaplanMeierCurveData(label: "Death", total: 6, rows: rows(zip(first, second).map { $0 + $1 }), initialValue: 0),
    ]
  }

  static func group() -> KaplanMeierCurveData {
    KaplanMeierCurveData(
      label: "All", total: 6,
      rows: [2.0, 4, 6, 8].enumerated().map { Row(time: $1, atRisk: 6 - $0, events: 0, censored: 0, value: 0) },
      initialValue: 0)
  }

  @Test("the risk table has a row per table group, not per curve, and a legend that leaves the plot goes above it")
  func tableGroups() throws {
    var options = KaplanMeierFigureOptions(xBreaks: [0, 4, 8])
    options.legend = .riskTable
    let figure = KaplanMeierFigure(curves: Self.causes(), options: options, tableCurves: [Self.group()])
    let layout = figure.layout(measurer: measurer)
    let table = try #require(layout.riskTable)
    #expect(table.rows.map(\.group) == ["All"])
    #expect(table.rows.map(\.counts) == [[6, 5, 3]])
    #expect(layout.legendPlacement == .top)
  }

  @Test("stacked areas: each filled from the curve below, legend top down and above the stack")
  func stackedAreas() throws {
    var options = KaplanMeierFigureOptions(xBreaks: [0, 4, 8])
    options.stacksAreas = true
    options.annotations = ["At 8: 33.3%"]
    let figure = KaplanMeierFigure(curves: Self.causes(), options: options, tableCurves: [Self.group()])
    let layout = figure.layout(measurer: measurer)
    let curves = layout.scene.group(named: "curves") ?? []
    let fills = curves.flatMap { command -> [DrawCommand] in
      if case .clip(_, let children) = command { return children }
      return [command]
    }.compactMap { command -> String? in
      if case .group(let name, _) = command, name.hasPrefix("area:") { return name }
      return nil
    }
    #expect(fills == ["area:Relapse", "area:Death"])
    let legend = (layout.scene.group(named: "legend") ?? []).flatMap(\.texts).map { $0.0.text.plainText }
    #expect(legend == ["Death", "Relapse"])
    // Nothing sits on the filled stack: legend and inset lie above the top curve (y up to 2/3).
    let top = layout.yScale.map(4.0 / 6)
    for rect in [layout.legendRect, layout.annotationRect].compactMap({ $0 }) where layout.plotRect.contains(rect) {
      #expect(rect.maxY <= top + 1e-9 || rect.minX >= layout.xScale.map(8), "\(rect) overlaps the stack")
    }
  }
}
