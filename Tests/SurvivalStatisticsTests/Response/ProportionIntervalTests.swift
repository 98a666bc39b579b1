import Testing

@testable import SurvivalStatistics

@Suite("Proportion intervals")
struct ProportionIntervalTests {
  @Test("Clopper–Pearson limits match R's binom.test, 0/n to n/n and n = 10 000")
  func clopperPearsonMatchesR() throws {
    for r in ResponseReference.clopperPearson {
      let ci = try ProportionInterval(successes: r.successes, trials: r.trials, level: r.level)
      let what = "\(r.successes)/\(r.trials) at \(r.level)"
      expectClose(ci.lower, r.lower, relativeTolerance: 1e-12, "lower \(what)")
      expectClose(ci.upper, r.upper, relativeTolerance: 1e-12, "upper \(what)")
      #expect(ci.estimate == Double(r.successes) / Double(r.trials))
    }
  }

  @Test("Wilson limits match R's prop.test without continuity correction")
  func wilsonMatchesR() throws {
    for r in ResponseReference.wilson {
      let ci = try ProportionInterval(
        successes: r.successes, trials: r.trials, level: r.level, method: .wilson)
      let what = "\(r.successes)/\(r.trials) at \(r.level)"
      expectClose(ci.lower, r.lower, relativeTolerance: 1e-12, absoluteTolerance: 1e-16, "lower \(what)")
      expectClose(ci.upper, r.upper, relativeTolerance: 1e-12, "upper \(what)")
    }
  }

  @Test(
    "the IMT study's response rates print as published",
    arguments: [
      (10, 21, "47.6 (25.7–70.2)"), (2, 4, "50.0 (6.8–93.2)"), (7, 13, "53.8 (25.1–80.8)"),
      (5, 9, "55.6 (21.2–86.3)"), (8, 17, "47.1 (23.0–72.2)"),
    ])
  func seedNumbers(successes: Int, trials: Int, printed: String) throws {
    let ci = try ProportionInterval(successes: successes, trials: trials)
    func f(_ v: Double) -> String {
      let tenths = (v * 1000).rounded() / 10
      return String(format: "%.1f", tenths)
    }
    #expect("\(f(ci.estimate)) (\(f(ci.lower))–\(f(ci.upper)))" == printed)
  }

  @Test("Clopper–Pearson is symmetric: the limits of x/n mirror those of (n − x)/n (seeded)")
  func symmetry() throws {
    var generator = SplitMix64(seed: 20_240_605)
    for _ in 0..<200 {
      let n = Int.random(in: 1...2_000, using: &generator)
      let x = Int.random(in: 0...n, using: &generator)
      let level = [0.8, 0.9, 0.95, 0.99][Int.random(in: 0..<4, using: &generator)]
      for method in ProportionInterval.Method.allCases {
        let a = try ProportionInterval(successes: x, trials: n, level: level, method: method)
        let b = try ProportionInterval(successes: n - x, trials: n, level: level, method: method)
        #expect(abs(a.lower - (1 - b.upper)) < 1e-12, "\(method) \(x)/\(n)")
        #expect(a.lower <= a.estimate && a.estimate <= a.upper)
      }
    }
  }

  @Test("at 0/n the exact interval is wider than the Wilson interval for small n")
  func exactIsConservative() throws {
    for n in [1, 5, 10, 30] {
      let exact = try ProportionInterval(successes: 0, trials: n)
      let wilson = try ProportionInterval(successes: 0, trials: n, method: .wilson)
      #expect(exact.lower == 0 && wilson.lower == 0)
      #expect(exact.upper > wilson.upper)
    }
  }

  @Test("no trials give NaN; invalid counts and levels throw with their messages")
  func invalidInput() throws {
    let empty = try ProportionInterval(successes: 0, trials: 0)
    #expect(empty.estimate.isNaN && empty.lower.isNaN && empty.upper.isNaN)
    #expect(throws: ResponseStatisticsError.invalidCounts(successes: 5, trials: 3)) {
      try ProportionInterval(successes: 5, trials: 3)
    }
    #expect(
      ResponseStatisticsError.invalidCounts(successes: 5, trials: 3).description
        == "5 successes out of 3 trials: the trials must be at least 0 and the successes between 0 and the trials"
    )
    #expect(throws: ResponseStatisticsError.confidenceLevelOutOfRange(1)) {
      try ProportionInterval(successes: 1, trials: 3, level: 1)
    }
    #expect(
      ResponseStatisticsError.confidenceLevelOutOfRange(95).description
        == "confidence level '95.0' must be strictly between 0 and 1 (for example 0.95)")
  }
}

#if canImport(Foundation)
  import Foundation
#endif
