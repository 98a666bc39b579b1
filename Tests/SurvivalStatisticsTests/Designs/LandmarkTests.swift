import Foundation
import SurvivalStatistics
import Testing

/// Landmark analysis helpers against R's `survfit(..., start.time = s)` and `survdiff` on the
/// subjects still under observation at s (fixture `LandmarkReference.swift`).
@Suite("Landmark analysis vs survfit(start.time =)")
struct LandmarkTests {
  private var sample: GroupedSample {
    get throws {
      let d = DesignReferenceData.pbc
      return try GroupedSample(
        times: FixtureColumns.numbers(d, "time"),
        events: FixtureColumns.numbers(d, "status").map { $0 == 2 },
        groups: FixtureColumns.labels(d, "trt").map { $0! })
    }
  }

  @Test("conditional curves at s = 1000 as survfit(start.time = 1000), on both time scales")
  func curves() throws {
    let landmarked = try #require(try sample.landmark(at: 1000))
    let reset = try #require(try sample.landmark(at: 1000, resettingOrigin: true))
    let curves = KaplanMeierEstimate.byGroup(landmarked)
    let resetCurves = KaplanMeierEstimate.byGroup(reset)
    #expect(curves.count == landmarkCurves.count)
    for (k, expected) in landmarkCurves.enumerated() {
      #expect(curves[k].times == expected[0])
      #expect(curves[k].atRisk.map(Double.init) == expected[1])
      CoxCheck.close(curves[k].survival, expected[2], relative: 1e-14, "surv")
      CoxCheck.close(curves[k].standardErrorOfLogSurvival, expected[3], relative: 1e-14, "std.err")
      #expect(resetCurves[k].times == expected[0].map { $0 - 1000 })
      #expect(resetCurves[k].survival == curves[k].survival)
    }
    #expect(landmarkResetEqual)
    let test = try LogRankTest(reset)
    CoxCheck.close(
      try #require(test.chiSquare).statistic, landmarkLogRank, relative: 1e-12, "log-rank")
  }

  @Test("a landmark beyond all follow-up leaves nothing; a negative landmark is refused")
  func edges() throws {
    #expect(try sample.landmark(at: 1e6) == nil)
    #expect(throws: SurvivalOptionError.invalidTime(-1)) { try sample.landmark(at: -1) }
    let pooled = try sample.pooled
    let early = try #require(try pooled.landmark(at: 0))
    #expect(early == pooled)
  }
}
