import FigureCore
import Testing

@testable import SurvivalFigures

/// Long group labels and inset lines wrap to the page instead of running off it; a KMunicate
/// table says what it lists.
@Suite("Kaplan–Meier figures wrap long labels and inset lines")
struct KaplanMeierWrappingTests {
  let measurer = MonospaceTextMeasurer()

  func curves(_ count: Int, label: (Int) -> String) -> [KaplanMeierCurveData] {
    typealias Row = KaplanMeierCurveData.Row
    return (0..<count).map { g in
      KaplanMeierCurveData(
        label: label(g), total: 10,
        rows: [
          Row(time: 2 + Double(g), atRisk: 10, events: 3, censored: 0, value: 0.7, lower: 0.5, upper: 0.9),
          Row(time: 8 + Double(g), atRisk: 7, events: 2, censored: 1, value: 0.5, lower: 0.3, upper: 0.7),
          Row(time: 20 + Double(g), atRisk: 4, events: 1, censored: 3, value: 0.375, lower: 0.2, upper: 0.6),
        ], median: 8 + Double(g))
    }
  }

  static let long = "pembrolizumab plus platinum-based chemotherapy in cohort"

  @Test(
    "inset lines and risk-table group labels wider than the page wrap, and every text stays on it",
    arguments: [60.0, 89])
  func wraps(width: Double) throws {
    var options = KaplanMeierFigureOptions(size: .millimetres(width: width, height: 120))
    options.growsToFit = true
    options.annotations =
      ["Log-rank P = 0.002", "HR (95% CI) vs Arm 1"]
      + (2...4).map { StyledText("Arm \($0): \(Self.long) \($0): 0.69 (0.42–1.15), ") + .italic("P") + " = 0.16" }
    options.annotationHeadings = [1]
    let figure = KaplanMeierFigure(curves: curves(4) { "Arm \($0 + 1): \(Self.long) \($0 + 1)" }, options: options)
    let layout = figure.layout(measurer: measurer)
    let page = Rect(origin: .zero, size: layout.scene.size)
    for (run, at) in layout.scene.texts {
      #expect(
        page.contains(measurer.bounds(of: run, at: at), tolerance: 0.25), "'\(run.text.plainText)' leaves the page")
    }
    #expect(layout.scene.lint(measurer: measurer, minimumFontSize: 6).isEmpty)
    // Nothing is lost: the words of every inset line and group label are printed, in order.
    let printed = layout.scene.texts.map { $0.0.text.plainText }.joined(separator: " ")
    for g in 1...4 { #expect(printed.contains("Arm \(g): \(Self.long) \(g)")) }
    #expect(printed.contains("Arm 3: \(Self.long) 3: 0.69 (0.42–1.15), P = 0.16"))
  }

  @Test("a KMunicate table is titled for the numbers at risk, censored and with an event; a plain one 'Number at risk'")
  func kmunicateTitle() throws {
    for (style, title) in [
      (RiskTableStyle.kmunicate, "Number at risk, censored and with an event"), (.numberAtRisk, "Number at risk"),
    ] {
      var options = KaplanMeierFigureOptions(size: .millimetres(width: 170, height: 140))
      options.riskTable = style
      let layout = KaplanMeierFigure(curves: curves(2) { "Arm \($0 + 1)" }, options: options).layout(measurer: measurer)
      let table = try #require(layout.scene.group(named: "risk-table"))
      #expect(table.flatMap(\.texts).first?.0.text.plainText == title)
    }
  }
}
