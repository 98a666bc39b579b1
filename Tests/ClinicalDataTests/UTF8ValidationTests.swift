import Testing

@testable import ClinicalData

@Suite("UTF-8 validation of CSV text")
struct UTF8ValidationTests {
  /// The first invalid offset as Swift's own decoder finds it: the end of the longest prefix
  /// it accepts (once a sequence is ill-formed, no longer prefix is valid).
  static func reference(_ bytes: [UInt8]) -> Int? {
    guard String(validating: bytes, as: UTF8.self) == nil else { return nil }
    return (0...bytes.count).last { String(validating: bytes[..<$0], as: UTF8.self) != nil }
  }

  @Test("known sequences: overlong forms, surrogates, beyond U+10FFFF, truncated and stray bytes")
  func knownSequences() {
    let cases: [([UInt8], Int?)] = [
      (Array("plain ASCII, long enough to use whole words".utf8), nil),
      (Array("Müller, 北京, 😀".utf8), nil),
      ([0x41, 0xC0, 0x80], 1),  // overlong NUL
      ([0x41, 0x42, 0xE0, 0x80, 0x80], 2),  // overlong three-byte form
      ([0xED, 0xA0, 0x80], 0),  // a UTF-16 surrogate
      ([0xF4, 0x90, 0x80, 0x80], 0),  // above U+10FFFF
      ([0xF5, 0x80, 0x80, 0x80], 0),
      (Array("abcdefgh".utf8) + [0xE2, 0x82], 8),  // cut short at the end
      ([0x80], 0),  // a continuation byte alone
      (Array("Caf".utf8) + [0xE9, 0x20, 0x61], 3),  // Latin-1 é
    ]
    for (bytes, expected) in cases {
      let found = bytes.withUnsafeBufferPointer { _firstInvalidUTF8($0) }
      #expect(found == expected, "\(bytes)")
    }
  }

  @Test("seeded random byte strings: the same first invalid offset as Swift's decoder")
  func randomBytes() {
    var generator = SplitMix64(seed: 20_261_204)
    for _ in 0..<20_000 {
      let count = Int(generator.next() % 24)
      var bytes: [UInt8] = []
      for _ in 0..<count {
        // Mostly ASCII and lead/continuation bytes, as text is.
        let r = generator.next()
        bytes.append(r % 3 == 0 ? UInt8(truncatingIfNeeded: r >> 8) | 0x80 : UInt8(truncatingIfNeeded: r >> 8) & 0x7F)
      }
      let found = bytes.withUnsafeBufferPointer { _firstInvalidUTF8($0) }
      #expect((found == nil) == (String(validating: bytes, as: UTF8.self) != nil), "\(bytes)")
      if let found { #expect(found == Self.reference(bytes), "\(bytes)") }
    }
  }

  @Test("cells and column names that are not UTF-8 are errors at their place")
  func tableErrors() throws {
    var bytes = Array("a,b\n1,\"x,".utf8) + [0xFF] + Array("\"\n".utf8)
    #expect {
      try DataTable(bytes: bytes, file: "t.csv")
    } throws: { error in
      "\(error)".hasPrefix("t.csv:2:2: column 'b' has text that is not UTF-8, 'x,\\xFF'")
    }
    bytes = Array("a,".utf8) + [0xE9] + Array("\n1,2\n".utf8)
    #expect {
      try DataTable(bytes: bytes, file: "t.csv")
    } throws: { error in
      "\(error)".hasPrefix("t.csv:1:2: the column name '\\xE9' is not UTF-8")
    }
  }
}

/// A small seeded generator (SplitMix64), the same on every platform.
private struct SplitMix64 {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
