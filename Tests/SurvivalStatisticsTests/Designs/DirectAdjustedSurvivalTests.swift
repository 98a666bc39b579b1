import Foundation
import SurvivalStatistics
import Testing

/// Directly adjusted curves: the refusals (values against R are checked through `km
/// --adjust-curves` in the command-line tests, `DesignCommandTests`).
@Suite("Directly adjusted survival curves")
struct DirectAdjustedSurvivalTests {
  static let data = ModelData(columns: [
    "time": .numeric([5, 8, 3, 12, 7, 9, 2, 11, 6, 4, 10, 13]),
    "status": .numeric([1, 1, 0, 1, 1, 0, 1, 1, 0, 1, 1, 0]),
    "g": .categorical(["A", "B", "A", "B", "A", "B", "A", "B", "A", "B", "A", "B"], levels: nil),
    "x": .numeric([0.3, -1.2, 0.8, 1.5, -0.4, 0.1, -0.9, 2.2, -1.7, 0.6, 0.2, -0.3]),
    "s": .categorical(["1", "1", "1", "1", "1", "1", "2", "2", "2", "2", "2", "2"], levels: nil),
  ])

  @Test("curves start at 1, fall, stay in [0, 1], and a level without effect matches the other")
  func shape() throws {
    let fit = try CoxRegression(formula: "Surv(time, status) ~ g + x", data: Self.data)
    let curves = try DirectAdjustedSurvival(fit, term: "g", levels: ["A", "B"])
    #expect(curves.times == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    for curve in curves.survival {
      #expect(curve.allSatisfy { $0 >= 0 && $0 <= 1 })
      #expect(zip(curve, curve.dropFirst()).allSatisfy { $0 >= $1 })
    }
    // Group B's hazard ratio above 1 puts its curve below A's.
    let ratio = try #require(fit.coefficients.first).hazardRatio
    #expect((curves.survival[1][5] < curves.survival[0][5]) == (ratio > 1))
  }

  @Test("strata, an interaction with the group and exact ties are refused")
  func refusals() throws {
    let stratified = try CoxRegression(formula: "Surv(time, status) ~ g + x + strata(s)", data: Self.data)
    #expect(throws: DirectAdjustedSurvival.Error.stratified) {
      try DirectAdjustedSurvival(stratified, term: "g", levels: ["A", "B"])
    }
    let interaction = try CoxRegression(formula: "Surv(time, status) ~ g * x", data: Self.data)
    #expect(throws: DirectAdjustedSurvival.Error.factorNotAMainEffect("g")) {
      try DirectAdjustedSurvival(interaction, term: "g", levels: ["A", "B"])
    }
    let exact = try CoxRegression(
      formula: "Surv(time, status) ~ g + x", data: Self.data, options: CoxRegressionOptions(ties: .exact))
    #expect(throws: DirectAdjustedSurvival.Error.exactTies) {
      try DirectAdjustedSurvival(exact, term: "g", levels: ["A", "B"])
    }
  }
}
