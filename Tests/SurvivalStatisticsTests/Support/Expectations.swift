import Foundation
import Testing

/// Whether `actual` is within `relativeTolerance` of `expected` (relative to |expected|), or
/// within `absoluteTolerance` (for expected values at or near 0). Infinities must match exactly.
func isClose(
  _ actual: Double, _ expected: Double, relativeTolerance: Double, absoluteTolerance: Double = 0
) -> Bool {
  if expected.isInfinite || actual.isInfinite { return actual == expected }
  if expected.isNaN || actual.isNaN { return false }
  let error = abs(actual - expected)
  return error <= relativeTolerance * abs(expected) || error <= absoluteTolerance
}

/// Expects `actual` to match `expected` as ``isClose(_:_:relativeTolerance:absoluteTolerance:)``
/// and reports expected, observed and the relative error otherwise.
func expectClose(
  _ actual: Double?, _ expected: Double?, relativeTolerance: Double,
  absoluteTolerance: Double = 0, _ what: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  switch (actual, expected) {
  case (nil, nil):
    return
  case (let actual?, let expected?):
    if isClose(
      actual, expected, relativeTolerance: relativeTolerance, absoluteTolerance: absoluteTolerance)
    {
      return
    }
    let relative = abs(actual - expected) / abs(expected)
    Issue.record(
      "\(what()): expected \(expected), observed \(actual) (relative error \(relative))",
      sourceLocation: sourceLocation)
  default:
    Issue.record(
      "\(what()): expected \(String(describing: expected)), observed \(String(describing: actual))",
      sourceLocation: sourceLocation)
  }
}

/// Element-wise ``expectClose(_:_:relativeTolerance:absoluteTolerance:_:sourceLocation:)``; also
/// checks the lengths.
func expectClose(
  _ actual: [Double?], _ expected: [Double?], relativeTolerance: Double,
  absoluteTolerance: Double = 0, _ what: @autoclosure () -> String = "",
  sourceLocation: SourceLocation = #_sourceLocation
) {
  guard actual.count == expected.count else {
    Issue.record(
      "\(what()): \(expected.count) values expected, \(actual.count) observed",
      sourceLocation: sourceLocation)
    return
  }
  for index in actual.indices {
    expectClose(
      actual[index], expected[index], relativeTolerance: relativeTolerance,
      absoluteTolerance: absoluteTolerance, "\(what())[\(index)]", sourceLocation: sourceLocation)
  }
}

/// SplitMix64 (Steele, Lea & Flood 2014): a small, fast, seedable generator for repeatable
/// property tests.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
