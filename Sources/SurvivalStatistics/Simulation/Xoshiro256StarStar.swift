/// xoshiro256**: the seeded, platform-independent pseudo-random generator of the simulator.
///
/// State: four 64-bit words, seeded by running SplitMix64 (Steele, Lea & Flood 2014) from the
/// 64-bit seed and taking its first four outputs. Each step returns
/// `rotl(s₁ · 5, 7) · 9` and advances the state by the xoshiro linear engine
/// (Blackman & Vigna, "Scrambled linear pseudorandom number generators", ACM TOMS 2021).
/// Only wrapping integer arithmetic is used, so a seed gives the same sequence on every
/// machine; the standard library's `SystemRandomNumberGenerator` is never used.
///
/// Uniform doubles take the upper 53 bits: `((x >> 11) + ½) · 2⁻⁵³`, which lies strictly inside
/// (0, 1), so logarithms of uniforms are always finite.
/// - Complexity: O(1) per draw.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
  private var s0, s1, s2, s3: UInt64

  /// A generator seeded through SplitMix64.
  public init(seed: UInt64) {
    var splitMix = seed
    func nextSplitMix() -> UInt64 {
      splitMix &+= 0x9E37_79B9_7F4A_7C15
      var z = splitMix
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
    s0 = nextSplitMix()
    s1 = nextSplitMix()
    s2 = nextSplitMix()
    s3 = nextSplitMix()
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    let result = _rotateLeft(s1 &* 5, 7) &* 9
    let t = s1 << 17
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = _rotateLeft(s3, 45)
    return result
  }

  /// A uniform draw strictly inside (0, 1) with 53 random bits.
  public mutating func nextUniform() -> Double {
    Double((next() >> 11)) * 0x1p-53 + 0x1p-54
  }

  /// A uniform integer in `0..<bound` without modulo bias (rejection of the short last block).
  public mutating func nextIndex(below bound: Int) -> Int {
    precondition(bound > 0, "bound must be positive")
    let range = UInt64(bound)
    let limit = UInt64.max - (UInt64.max % range + 1) % range
    while true {
      let value = next()
      if value <= limit { return Int(value % range) }
    }
  }
}

@inline(__always)
func _rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
