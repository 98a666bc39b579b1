import Testing

@testable import SurvivalStatistics

@Suite("Fisher's exact test")
struct FisherExactTestTests {
  @Test("P values match R's fisher.test for 2 × 2 to 2 × 5 tables, N up to 10 000")
  func matchesR() throws {
    for r in ResponseReference.fisher {
      let test = try FisherExactTest(r.table)
      expectClose(test.pValue, r.p, relativeTolerance: 1e-9, "\(r.table)")
    }
  }

  @Test("the P value does not depend on the order of the columns or the rows (seeded)")
  func permutationInvariance() throws {
    var generator = SplitMix64(seed: 7)
    for _ in 0..<40 {
      let k = Int.random(in: 2...4, using: &generator)
      let top = (0..<k).map { _ in Int.random(in: 0...12, using: &generator) }
      let bottom = (0..<k).map { _ in Int.random(in: 0...12, using: &generator) }
      let p = try FisherExactTest([top, bottom]).pValue
      let order = (0..<k).shuffled(using: &generator)
      let shuffled = try FisherExactTest([order.map { top[$0] }, order.map { bottom[$0] }]).pValue
      let swapped = try FisherExactTest([bottom, top]).pValue
      #expect(abs(p - shuffled) <= 1e-12 * max(p, 1e-300) + 1e-15)
      #expect(abs(p - swapped) <= 1e-12 * max(p, 1e-300) + 1e-15)
      #expect(p > 0 && p <= 1)
    }
  }

  @Test("a 2 × 2 hypergeometric closed form: P(observed) of [[0, 5], [5, 0]] is 1/252")
  func closedForm() throws {
    let test = try FisherExactTest([[0, 5], [5, 0]])
    #expect(abs(test.observedProbability - 1.0 / 252) < 1e-15)
    #expect(abs(test.pValue - 2.0 / 252) < 1e-15)
  }

  @Test("malformed tables throw with a message; a single column has P = 1")
  func invalidTables() throws {
    #expect(try FisherExactTest([[1], [2], [3]]).pValue == 1)
    #expect(throws: GroupComparisonError.invalidTable("rows of 2, 1 counts")) {
      try FisherExactTest([[1, 2], [3]])
    }
    #expect(throws: GroupComparisonError.invalidTable("no counts given")) { try FisherExactTest([]) }
    #expect(
      GroupComparisonError.invalidTable("a count is negative").description
        == "a contingency table needs rows of equal length with counts ≥ 0: a count is negative")
  }
}
