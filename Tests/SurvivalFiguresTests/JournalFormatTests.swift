import Testing

@testable import SurvivalFigures

@Suite("Journal number formatting")
struct JournalFormatTests {
  @Test func pValues() {
    #expect(JournalFormat.pValue(0.00049) == "<0.001")
    #expect(JournalFormat.pValue(0.0083) == "0.008")
    #expect(JournalFormat.pValue(0.0435) == "0.044")
    #expect(JournalFormat.pValue(0.1234) == "0.12")
    #expect(JournalFormat.pValue(0.995) == ">0.99")
    #expect(JournalFormat.pValueText(0.0002, label: "Log-rank ").plainText == "Log-rank P < 0.001")
  }

  @Test func fixedAndTicks() {
    #expect(JournalFormat.fixed(0.125, decimals: 2) == "0.13")
    #expect(JournalFormat.fixed(-1.5, decimals: 0) == "−2")
    #expect(JournalFormat.fixed(-0.0001, decimals: 2) == "0.00")
    #expect(JournalFormat.tick(0.30000000000000004) == "0.3")
    #expect(JournalFormat.tick(250) == "250")
    // From 10¹⁰ on, R's scientific form: labels of hundreds of digits fit no axis or table.
    #expect(JournalFormat.tick(2.5e12) == "2.5e+12")
    #expect(JournalFormat.tick(1e308) == "1e+308")
    #expect(JournalFormat.fixed(6.636908531e10, decimals: 2) == "6.64e+10")
    #expect(JournalFormat.fixed(-1e11, decimals: 0) == "−1e+11")
    #expect(JournalFormat.fixed(9.9e9, decimals: 0) == "9900000000")
    #expect(JournalFormat.estimate(0.28, lower: 0.11, upper: 0.74, decimals: 2) == "0.28 (0.11–0.74)")
    #expect(JournalFormat.estimate(12.3, lower: 8.1, upper: nil, decimals: 1) == "12.3 (8.1–NR)")
  }

  @Test("percentages keep two significant digits near 0 and 100")
  func percentages() {
    #expect(JournalFormat.percent(47.619) == "47.6")
    #expect(JournalFormat.percent(0) == "0.0")
    #expect(JournalFormat.percent(100) == "100.0")
    // binom.test(0, 10000)$conf.int[2] * 100 = 0.036881...
    #expect(JournalFormat.percent(0.036881) == "0.037")
    #expect(JournalFormat.percent(0.01) == "0.010")
    #expect(JournalFormat.percent(0.0099) == "0.0099")
    #expect(JournalFormat.percent(0.06) == "0.1")
    #expect(JournalFormat.percent(99.963119) == "99.963")
  }

  @Test func niceBreaks() {
    #expect(NiceBreaks.breaks(covering: 0, 1022, target: 6) == [0, 250, 500, 750, 1000, 1250])
    #expect(NiceBreaks.breaks(covering: 0, 60, target: 6) == [0, 20, 40, 60])
    #expect(NiceBreaks.breaks(covering: 0, 0.7, target: 8) == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    #expect(NiceBreaks.niceStep(for: 3.1) == 5)
  }
}
