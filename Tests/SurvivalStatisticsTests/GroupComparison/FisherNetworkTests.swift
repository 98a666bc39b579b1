import Foundation
import Testing

@testable import SurvivalStatistics

// R 4.2.2: for each table t, sprintf("%.17g", fisher.test(t, workspace = 2e8)$p.value), with
//   tabs <- list(
//    matrix(c(1,2,1,0, 3,3,6,1, 10,10,14,9, 6,7,12,11), 4, 4),          # R's ?fisher.test Job
//    matrix(c(20,15,5,2, 30,10,8,1, 25,20,3,4), 4, 3),
//    matrix(c(3,0,2, 1,4,0, 0,1,5), 3, 3),
//    matrix(c(2,0,0,1,0, 0,3,1,0,0, 1,0,4,0,2), 5, 3))
//   and the veteran (celltype × cut(karno, c(0, 40, 60, 100))) and lung
//   (ph.ecog × cut(age, c(0, 55, 65, 100))) tables.

@Suite("Fisher's exact test of r × c tables")
struct FisherNetworkTests {
  static let reference: [(table: [[Int]], p: Double)] = [
    ([[1, 3, 10, 6], [2, 3, 10, 7], [1, 6, 14, 12], [0, 1, 9, 11]], 0.78268493896569258),
    ([[20, 30, 25], [15, 10, 20], [5, 8, 3], [2, 1, 4]], 0.20322726042243644),
    ([[3, 1, 0], [0, 4, 1], [2, 0, 5]], 0.0042596292596292547),
    ([[2, 0, 1], [0, 3, 0], [0, 1, 4], [1, 0, 0], [0, 0, 2]], 0.0076257076257076305),
    ([[7, 11, 17], [18, 15, 15], [9, 7, 11], [4, 8, 15]], 0.28818950477209265),
    ([[14, 29, 20], [30, 41, 42], [5, 16, 29], [0, 0, 1]], 0.028078956979658096),
  ]

  @Test("P values match R's fisher.test (FEXACT) for 3 × 3 to 5 × 3 and 4 × 4 tables, N up to 227")
  func matchesR() throws {
    for r in Self.reference {
      expectClose(try FisherExactTest(r.table).pValue, r.p, relativeTolerance: 1e-8, "\(r.table)")
    }
  }

  @Test("transposing the table or permuting its rows and columns changes nothing (seeded)")
  func invariance() throws {
    var generator = SplitMix64(seed: 11)
    for _ in 0..<8 {
      let rows = Int.random(in: 3...4, using: &generator)
      let columns = Int.random(in: 3...4, using: &generator)
      let table = (0..<rows).map { _ in
        (0..<columns).map { _ in Int.random(in: 0...5, using: &generator) }
      }
      let p = try FisherExactTest(table).pValue
      let transposed = (0..<columns).map { j in table.map { $0[j] } }
      let shuffled = table.shuffled(using: &generator).map { row in row.reversed() as [Int] }
      #expect(abs(try FisherExactTest(transposed).pValue - p) <= 1e-10 * p)
      #expect(abs(try FisherExactTest(shuffled).pValue - p) <= 1e-10 * p)
      #expect(p > 0 && p <= 1 + 1e-12)
    }
  }

  @Test("a small table against the sum over every table with its margins")
  func bruteForce() throws {
    // 3 × 3 with margins rows (3, 3, 3), columns (3, 3, 3): every table enumerated directly.
    let observed = [[3, 0, 0], [0, 2, 1], [0, 1, 2]]
    func logProbability(_ t: [[Int]]) -> Double {
      func lf(_ n: Int) -> Double { (1...max(n, 1)).reduce(0.0) { $0 + log(Double($1)) } }
      return 6 * lf(3) - lf(9) - t.joined().reduce(0.0) { $0 + lf($1) }
    }
    let threshold = logProbability(observed) + log1p(1e-7)
    var total = 0.0
    for a in 0...3 {
      for b in 0...(3 - a) {
        for c in 0...3 {
          for d in 0...(3 - c) {
            let first = [a, b, 3 - a - b]
            let second = [c, d, 3 - c - d]
            let third = (0..<3).map { 3 - first[$0] - second[$0] }
            guard third.allSatisfy({ $0 >= 0 }), third.reduce(0, +) == 3 else { continue }
            let lp = logProbability([first, second, third])
            if lp <= threshold { total += exp(lp) }
          }
        }
      }
    }
    expectClose(
      try FisherExactTest(observed).pValue, total, relativeTolerance: 1e-12, "brute force")
  }

  @Test("a table beyond the work limit is refused with a message, not computed for minutes")
  func workLimit() {
    // R's fisher.test(matrix(c(40,30,20,10, 35,25,15,5, 20,22,12,8, 5,7,4,4), 4, 4),
    // workspace = 2e8) takes 14 s for this table of 262 patients (P = 0.70036806445694733).
    let large = [[40, 35, 20, 5], [30, 25, 22, 7], [20, 15, 12, 4], [10, 5, 8, 4]]
    #expect(throws: GroupComparisonError.exactTestTooLarge(rows: 4, columns: 4, total: 262)) {
      try FisherExactTest(large, workLimit: 100_000)
    }
    #expect(
      GroupComparisonError.exactTestTooLarge(rows: 4, columns: 4, total: 262).description
        == "Fisher's exact test of this 4 × 4 table of 262 patients needs more work than its limit; use the chi-square test instead"
    )
  }
}
