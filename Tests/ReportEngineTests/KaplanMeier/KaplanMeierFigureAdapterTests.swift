import ClinicalCSV
import Foundation
import SurvivalFigures
import Testing

@testable import ReportEngine

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
    #expect(options.annotations.map(\.plainText).first == "Log-rank P = " + JournalFormat.pValue(analysis.logRank?.chiSquare?.pValue ?? .nan))
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
}
