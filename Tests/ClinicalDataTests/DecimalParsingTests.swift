import Testing

@testable import ClinicalData

@Suite("Decimal number parsing")
struct DecimalParsingTests {
  func parse(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { buffer in
      buffer.baseAddress.flatMap { _parseDecimal($0, count: buffer.count) }
    }
  }

  /// Both nil, both NaN, or bit-identical (so -0.0 and 0.0 differ).
  func same(_ a: Double?, _ b: Double?) -> Bool {
    switch (a, b) {
    case (nil, nil): true
    case (let x?, let y?): x.isNaN ? y.isNaN : x.bitPattern == y.bitPattern
    default: false
    }
  }

  @Test(
    "Typical values and edge cases agree with Double(String)",
    arguments: [
      "0", "-0", "+0", "306", "12.5", "-0.0274", "1e-3", "1E3", "+7", ".5", "5.", "-.5",
      "0.1", "0.2", "0.3", "123456789012345678", "1234567890123456789012345",
      "9007199254740993", "9007199254740992", "0.000001234", "1e22", "1e23", "1e-22", "1e-23",
      "4.9e-324", "2.4703282292062327e-324", "1.7976931348623157e308", "1.8e308", "1e-400",
      "0.30000000000000004", "3.141592653589793238462643383279", "00012.5000", "1e0000000000000",
      "123.456e-10", "1e+5", "-1E-5", "100000000000000000000000000000e-30",
      "0.000000000000000000000000000000000001",
    ])
  func agreesWithStandardLibrary(_ text: String) throws {
    let expected = try #require(Double(text))
    #expect(same(parse(text), expected), "\(text)")
  }

  @Test("Infinity and NaN as R writes them, in any letter case")
  func specialValues() {
    #expect(parse("Inf") == .infinity)
    #expect(parse("-Inf") == -.infinity)
    #expect(parse("+inf") == .infinity)
    #expect(parse("INFINITY") == .infinity)
    #expect(parse("NaN")?.isNaN == true)
    #expect(parse("nan")?.isNaN == true)
  }

  @Test(
    "Not numbers",
    arguments: [
      "", "-", "+", ".", "-.", "e5", "1e", "1e+", "1.2.3", "1,5", "abc", " 1", "1 ", "0x1A",
      "1_000",
      "--1", "+-1", "1e5.5", "Infx", "in", "nana", "1d5", "١٢",
    ])
  func rejects(_ text: String) {
    #expect(parse(text) == nil, "\(text)")
  }

  @Test("Random decimal strings agree bit for bit with Double(String)")
  func randomDecimals() throws {
    var generator = SeededGenerator(seed: 20_241_122)
    for _ in 0..<100_000 {
      let text = randomDecimal(using: &generator)
      let expected = try #require(Double(text), "\(text)")
      let parsed = parse(text)
      if !same(parsed, expected) {
        Issue.record("\(text): parsed \(String(describing: parsed)), expected \(expected)")
        return
      }
    }
  }

  /// A decimal string: optional sign (including '+'), 0–25 integer digits (sometimes with
  /// leading zeros), optional fraction of 0–25 digits, optional exponent in -350…350.
  func randomDecimal(using generator: inout SeededGenerator) -> String {
    func digits(_ count: Int) -> String {
      String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &generator))) })
    }
    var text = ["", "", "-", "+"].pick(using: &generator)
    let shape = Int.random(in: 0..<10, using: &generator)
    let integerDigits =
      shape < 6
      ? Int.random(in: 0...4, using: &generator) : Int.random(in: 0...25, using: &generator)
    let fractionDigits =
      shape < 6
      ? Int.random(in: 0...4, using: &generator) : Int.random(in: 0...25, using: &generator)
    let integer = digits(integerDigits)
    text += integer
    if fractionDigits > 0 || integer.isEmpty || Bool.random(using: &generator) {
      text += "." + digits(integer.isEmpty ? max(1, fractionDigits) : fractionDigits)
    }
    if Int.random(in: 0..<4, using: &generator) == 0 {
      text += ["e", "E"].pick(using: &generator)
      text += ["", "-", "+"].pick(using: &generator)
      let limit = Bool.random(using: &generator) ? 25 : 350
      text += String(Int.random(in: 0...limit, using: &generator))
    }
    return text
  }
}

@Suite("CSVNumber")
struct CSVNumberTests {
  @Test("Parses strings with the cell grammar")
  func parse() {
    #expect(CSVNumber.parse("2") == 2)
    #expect(CSVNumber.parse("-1.5e2") == -150)
    #expect(CSVNumber.parse("Inf") == .infinity)
    #expect(CSVNumber.parse("") == nil)
    #expect(CSVNumber.parse(" 2") == nil)
    #expect(CSVNumber.parse("0x10") == nil)
  }
}
