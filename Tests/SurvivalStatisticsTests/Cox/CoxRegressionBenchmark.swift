import Foundation
import SurvivalStatistics
import Testing

/// Timing of an Efron fit on a large synthetic cohort. Runs only when `SURVFIG_COX_BENCHMARK`
/// gives the number of rows (e.g. 1000000), preferably with `swift test -c release`; it prints
/// the times and peak memory and asserts nothing about them.
@Suite("Cox benchmark")
struct CoxRegressionBenchmark {
  @Test(
    "Efron fit with 5 covariates (one a 3-level factor) on a large cohort",
    .enabled(if: ProcessInfo.processInfo.environment["SURVFIG_COX_BENCHMARK"] != nil))
  func largeCohort() throws {
    let rows = Int(ProcessInfo.processInfo.environment["SURVFIG_COX_BENCHMARK"] ?? "") ?? 1_000_000
    let data = SyntheticCohort.make(rows: rows, seed: 20_261_122)
    let clock = ContinuousClock()
    let start = clock.now
    let formula = try ModelFormula(parsing: "Surv(time, status) ~ age + sex + factor(grade) + x1 + x2")
    let frame = try ModelFrame(formula: formula, data: data)
    let framed = clock.now
    let fit = try CoxRegression(frame: frame)
    let fitted = clock.now
    let zph = ProportionalHazardsTest(fit)
    let tested = clock.now
    var peak = "unknown"
    if let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) {
      peak = status.split(separator: "\n").first { $0.hasPrefix("VmHWM") }.map(String.init) ?? peak
    }
    print(
      """
      rows \(rows), events \(fit.eventCount), iterations \(fit.iterations)
      model frame \(framed - start), fit incl. concordance \(fitted - framed), cox.zph \(tested - fitted)
      coef \(fit.coefficients.map { "\($0.name)=\($0.estimate)" }.joined(separator: " "))
      concordance \(fit.concordance?.concordance ?? .nan) se \(fit.concordance?.standardError ?? .nan)
      zph global \(zph.global.statistic); peak memory \(peak)
      """)
    #expect(fit.isConverged)
  }
}
