import Foundation
import Testing

@testable import SurvivalStatistics

/// The simulator's random stream: reference sequence, portable arithmetic, variate laws.
@Suite("Simulation random numbers")
struct RandomGeneratorTests {
  // Reference: an independent Python implementation of SplitMix64 seeding and xoshiro256**
  // (Blackman & Vigna's reference C code transcribed); SplitMix64(0)'s first output is the
  // published 0xE220A8397B1DCDAF.
  @Test("xoshiro256** seeded by SplitMix64 gives the reference sequence")
  func referenceSequence() {
    var zero = Xoshiro256StarStar(seed: 0)
    #expect(
      (0..<5).map { _ in zero.next() } == [
        0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0, 0x6AA5_94F1_262D_2D2C,
        0xBBA5_AD4A_1F84_2E59,
      ])
    var fortyTwo = Xoshiro256StarStar(seed: 42)
    #expect(
      (0..<5).map { _ in fortyTwo.next() } == [
        0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1, 0xECB8_AD47_03B3_60A1,
        0xFDE6_DC7F_E2EC_5E64,
      ])
    var uniform = Xoshiro256StarStar(seed: 42)
    #expect(uniform.nextUniform() == 0.08386297105988222)
  }

  @Test("uniforms stay strictly inside (0, 1); bounded integers cover their range")
  func ranges() {
    var g = Xoshiro256StarStar(seed: 7)
    var seen = Set<Int>()
    for _ in 0..<10_000 {
      let u = g.nextUniform()
      #expect(u > 0 && u < 1)
      seen.insert(g.nextIndex(below: 7))
    }
    #expect(seen == Set(0..<7))
  }

  @Test("portable log and exp agree with the C library to a few units in the last place")
  func portableMath() {
    var g = Xoshiro256StarStar(seed: 3)
    for _ in 0..<5000 {
      let x = _PortableMath.exp(60 * g.nextUniform() - 30) * g.nextUniform()
      let log = _PortableMath.log(x)
      #expect(abs(log - Foundation.log(x)) <= 4 * Foundation.log(x).ulp.magnitude + 1e-300)
      let y = 1400 * g.nextUniform() - 700
      let exp = _PortableMath.exp(y)
      #expect(abs(exp - Foundation.exp(y)) <= 4 * Foundation.exp(y).ulp)
    }
    #expect(_PortableMath.log(1) == 0)
    #expect(_PortableMath.exp(0) == 1)
    #expect(_PortableMath.log(0) == -.infinity)
    #expect(_PortableMath.log(-1).isNaN)
  }

  @Test("exponential, normal and category draws follow their laws (seeded, n = 40 000)")
  func variates() {
    var g = Xoshiro256StarStar(seed: 11)
    let n = 40_000
    let exponentials = (0..<n).map { _ in g.nextExponential(rate: log(2) / 10) }.sorted()
    #expect(abs(exponentials[n / 2] - 10) < 0.3)  // median 10; SE ≈ 0.1
    let normals = (0..<n).map { _ in g.nextStandardNormal() }
    let mean = normals.reduce(0, +) / Double(n)
    let variance = normals.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(n - 1)
    #expect(abs(mean) < 0.02)
    #expect(abs(variance - 1) < 0.03)
    var counts = [0, 0, 0]
    for _ in 0..<n { counts[g.nextCategory(probabilities: [0.2, 0.5, 0.3])] += 1 }
    #expect(abs(Double(counts[1]) / Double(n) - 0.5) < 0.01)
  }

  @Test("shuffles are permutations and depend only on the seed")
  func shuffle() {
    var a = Xoshiro256StarStar(seed: 5)
    var b = Xoshiro256StarStar(seed: 5)
    var x = Array(0..<50)
    var y = Array(0..<50)
    a.shuffle(&x)
    b.shuffle(&y)
    #expect(x == y)
    #expect(x.sorted() == Array(0..<50))
    #expect(x != Array(0..<50))
  }

  @Test("calendar dates round-trip through day numbers")
  func calendarDates() throws {
    let date = try #require(CalendarDate(iso: "2000-02-29"))
    #expect(date.daysSinceEpoch == 11_016)
    #expect(date.adding(days: 1).description == "2000-03-01")
    #expect(CalendarDate(daysSinceEpoch: 0).description == "1970-01-01")
    #expect(CalendarDate(iso: "2001-02-29") == nil)
    for day in stride(from: -100_000, to: 100_000, by: 997) {
      #expect(CalendarDate(daysSinceEpoch: day).daysSinceEpoch == day)
    }
  }
}
