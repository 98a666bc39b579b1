import ClinicalData
import FigureCore
import Foundation
import SurvivalFigures
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Kaplan–Meier analysis to figure")
struct KaplanMeierFigureAdapterTests {
  /// Two groups; days.
  static let csv = """
    days,dead,arm
    30,1,A
    61,0,A
    91,1,A
    122,1,B
    152,0,B
    183,1,B
    365,1,B

    """

  func analysis(_ configure: (inout KaplanMeierRequest) -> Void = { _ in }) throws
    -> (KaplanMeierAnalysis, KaplanMeierRequest)
  {
    let table = try DataTable(bytes: Array(Self.csv.utf8), file: "arms.csv")
    var request = KaplanMeierRequest(
      dataPath: "arms.csv", timeColumn: "days", eventColumn: "dead", groupColumn: "arm")
    configure(&request)
    return (try KaplanMeierAnalysis(table: table, request: request), request)
  }

  @Test("times are converted to the display unit, labels mapped, medians scaled")
  func timeUnits() throws {
    let (analysis, request) = try analysis {
      $0.figure.dataTimeUnit = .days
      $0.figure.displayTimeUnit = .months
    }
    let figure = analysis.figure(request.figure, groupLabels: ["A": "Arm A"])
    #expect(figure.curves.map(\.label) == ["Arm A", "B"])
    let a = figure.curves[0]
    #expect(abs(a.rows[0].time - 30 / 30.4375) < 1e-12)
    // Group B: S drops to 3/4 at 122, 3/4·2/3 = 1/2 at 183 → median 183 days.
    #expect(abs((figure.curves[1].median ?? 0) - 183 / 30.4375) < 1e-12)
    #expect(figure.options.xTitle.plainText == "Time (months)")
  }

  @Test("event curves plot 1 − S with swapped limits; cumulative hazard plots Nelson–Aalen")
  func functions() throws {
    let (analysis, request) = try analysis()
    var eventRequest = request.figure
    eventRequest.function = .event
    let events = analysis.figure(eventRequest).curves[0]
    let survival = analysis.estimates[0].rows
    #expect(events.initialValue == 0)
    for (row, s) in zip(events.rows, survival) {
      #expect(abs(row.value - (1 - s.survival)) < 1e-15)
      #expect(row.lower.map { abs($0 - (1 - (s.upper ?? .nan))) < 1e-15 } ?? (s.upper == nil))
    }
    var hazardRequest = request.figure
    hazardRequest.function = .cumhaz
    let hazard = analysis.figure(hazardRequest)
    // Group A: Nelson–Aalen 1/3 at day 30, + 1/1 at day 91.
    #expect(abs(hazard.curves[0].rows[2].value - (1.0 / 3 + 1)) < 1e-15)
    #expect(hazard.options.yAxis == .value)
    #expect(hazard.options.yTitle.plainText == "Cumulative hazard")
  }

  @Test("the cumulative-hazard band is Nelson–Aalen ∓ z·std.chaz, as R's plot(fit, fun = \"cumhaz\") draws it")
  func cumulativeHazardBand() throws {
    let table = try DataTable(bytes: Array(TemplateFolder.aml.utf8), file: "aml.csv")
    var request = KaplanMeierRequest(dataPath: "aml.csv", timeColumn: "time", eventColumn: "status", groupColumn: "x")
    request.figure.function = .cumhaz
    request.figure.showsConfidenceBands = true
    let maintained = try KaplanMeierAnalysis(table: table, request: request).figure(request.figure).curves[0]
    // fit <- survfit(Surv(time, status) ~ x, data = aml)
    // ci <- survival:::survfit_confint(fit$cumhaz, fit$std.chaz, logse = FALSE, "plain", 0.95, ulimit = FALSE)
    // sprintf("%.17g", ci$lower[1:10]); sprintf("%.17g", ci$upper[1:10])  (x = 1, Maintained)
    let lower = [
      0, 0, 0, 0.0020583461297068451, 0.0020583461297068451, 0.056902090078321921,
      0.13266596720877011, 0.13266596720877011, 0.15868770466332305, 0.15868770466332305,
    ]
    let upper = [
      0.26908763495818666, 0.45579053942218856, 0.67672064260850995, 0.91547412140276063,
      0.91547412140276063, 1.2606303774541456, 1.6848665003236976, 1.6848665003236976,
      2.658844762869145, 2.658844762869145,
    ]
    #expect(maintained.rows.count == 10)
    for (row, (l, u)) in zip(maintained.rows, zip(lower, upper)) {
      #expect(abs((row.lower ?? .nan) - l) <= 1e-12 * max(l, 1e-3))
      #expect(abs((row.upper ?? .nan) - u) <= 1e-12 * u)
    }
  }

  @Test("median lines on an event curve run at 0.5 (50 %) to the median time")
  func medianLinesOnEventCurves() throws {
    let (analysis, request) = try analysis()
    for percent in [false, true] {
      var figure = request.figure
      figure.function = .event
      figure.showsMedianLines = true
      figure.percent = percent
      let drawn = analysis.figure(figure)
      #expect(drawn.options.showsMedianLines)
      let layout = drawn.layout(measurer: MonospaceTextMeasurer())
      let lines = try #require(layout.scene.group(named: "median-lines"))
      // Group B's median is day 183 (A's, day 91, too); each line ends on the axis below its median.
      #expect(lines.count == 2)
      let y = layout.yScale.map(percent ? 50 : 0.5)
      for command in lines {
        guard case .stroke(let path, _) = command else {
          Issue.record("expected a stroked median line")
          continue
        }
        let points = path.elements.compactMap { element -> Point? in
          switch element {
          case .move(let p), .line(let p): return p
          default: return nil
          }
        }
        #expect(abs(points[0].y - y) < 1e-9)
        let medianX = [91.0, 183].map { layout.xScale.map($0) }
        #expect(points.contains { p in medianX.contains { abs(p.x - $0) < 1e-9 } })
      }
    }
  }

  @Test("percent axes plot probabilities × 100, for survival and cumulative incidence")
  func percent() throws {
    let (analysis, request) = try analysis()
    var figure = request.figure
    figure.percent = true
    let survival = analysis.figure(figure)
    #expect(survival.options.yAxis == .percent)
    #expect(survival.curves[0].initialValue == 100)
    #expect(abs(survival.curves[0].rows[0].value - 100 * 2 / 3) < 1e-12)
    figure.function = .event
    let events = analysis.figure(figure)
    #expect(events.options.yTitle.plainText == "1 − Kaplan–Meier estimate (%)")
    #expect(events.curves[0].initialValue == 0)
    #expect(abs(events.curves[0].rows[0].value - 100 / 3) < 1e-12)
  }

  @Test("the inset gives the log-rank P value and each group's median with its interval")
  func annotations() throws {
    let (analysis, request) = try analysis()
    let lines = analysis.figure(request.figure).options.annotations.map(\.plainText)
    let p = try #require(analysis.logRank?.chiSquare?.pValue)
    #expect(lines[0] == "Log-rank P = " + JournalFormat.pValue(p))
    #expect(lines[1] == "Median (95% CI)")
    #expect(lines[2].hasPrefix("A: 91 ("))
    #expect(lines[3].hasPrefix("B: 183 ("))
  }

  @Test("x breaks every step up to the first break past the end of follow-up, or to --x-max")
  func breaksEvery() throws {
    let (analysis, request) = try analysis { $0.figure.xBreakEvery = 100 }
    #expect(analysis.figure(request.figure).options.xBreaks == [0, 100, 200, 300, 400])
    let (limited, limitedRequest) = try self.analysis {
      $0.figure.xBreakEvery = 100
      $0.figure.xMax = 200
    }
    #expect(limited.figure(limitedRequest.figure).options.xBreaks == [0, 100, 200])
  }

  @Test("the inset's headings are marked, so that a compacted inset keeps each with its lines")
  func annotationHeadings() throws {
    let (analysis, request) = try analysis { $0.estimatesHazardRatios = true }
    let options = analysis.figure(request.figure).options
    #expect(
      options.annotations.map(\.plainText).first == "Log-rank P = "
        + JournalFormat.pValue(analysis.logRank?.chiSquare?.pValue ?? .nan))
    let headings = options.annotationHeadings.sorted().map { options.annotations[$0].plainText }
    #expect(headings == ["HR (95% CI) vs A", "Median (95% CI)"])
  }

  /// Group A has no event: the Cox model's likelihood is monotone in B's coefficient, which
  /// runs off towards infinity, so its hazard ratio is not estimable.
  @Test("a hazard ratio that is not estimable reads NE in the inset, as in forest plots, and the model warns")
  func hazardRatioNotEstimable() throws {
    let csv = "days,dead,arm\n10,0,A\n20,0,A\n30,0,A\n40,0,A\n5,1,B\n15,1,B\n25,1,B\n35,0,B\n"
    let table = try DataTable(bytes: Array(csv.utf8), file: "separated.csv")
    var request = KaplanMeierRequest(
      dataPath: "separated.csv", timeColumn: "days", eventColumn: "dead", groupColumn: "arm")
    request.estimatesHazardRatios = true
    let analysis = try KaplanMeierAnalysis(table: table, request: request)
    let lines = analysis.figure(request.figure).options.annotations.map(\.plainText)
    #expect(lines.contains("B: NE"))
    #expect(!lines.contains { $0.contains("∞") })
    #expect(analysis.warnings.contains { $0.hasPrefix("hazard-ratio model: ") })
  }

  /// R: `d <- data.frame(time = c(1:10, 1:10), status = c(rep(0, 10), 1, 1, 1, 0, 1, rep(0, 5)),
  /// g = rep(1:2, each = 10)); quantile(survfit(Surv(time, status) ~ g, d), 0.5)`: group 1 (no
  /// events) NA, NA, NA; group 2 estimate NA, lower 3, upper NA — the lower confidence curve
  /// reaches 0.5 at 3 while the curve itself stops at 0.58.
  @Test("a median not reached reads 'NR' alone without limits, 'NR (3.0–NR)' when R has a lower limit")
  func medianNotReached() throws {
    var csv = "time,status,g\n"
    for t in 1...10 { csv += "\(t),0,1\n" }
    for (t, e) in zip(1...10, [1, 1, 1, 0, 1, 0, 0, 0, 0, 0]) { csv += "\(t),\(e),2\n" }
    let table = try DataTable(bytes: Array(csv.utf8), file: "nr.csv")
    let request = KaplanMeierRequest(dataPath: "nr.csv", timeColumn: "time", eventColumn: "status", groupColumn: "g")
    let analysis = try KaplanMeierAnalysis(table: table, request: request)
    let medians = analysis.quantiles.map { $0.first { $0.probability == 0.5 } }
    #expect(medians[0]?.estimate == nil && medians[0]?.lower == nil && medians[0]?.upper == nil)
    #expect(medians[1]?.estimate == nil && medians[1]?.lower == 3 && medians[1]?.upper == nil)

    let lines = analysis.figure(request.figure).options.annotations.map(\.plainText)
    #expect(Array(lines.suffix(3)) == ["Median (95% CI)", "1: NR", "2: NR (3.0–NR)"])
    let summary = analysis.summaryTable(request, title: nil)
    #expect(summary.rows.map { $0.cells[3] } == ["NR", "NR (3.0–NR)"])
    let groups = try #require(analysis.captionContext(request)["groups"] as? [[String: Any]])
    #expect(groups.map { $0["median_text"] as? String } == ["NR", "NR (95% CI 3.0–NR)"])
  }
}
