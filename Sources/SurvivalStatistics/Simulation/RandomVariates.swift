/// Random variates drawn from ``Xoshiro256StarStar`` with portable arithmetic only.
extension Xoshiro256StarStar {
  /// An exponential draw with the given rate: −log(U)/rate (inversion).
  public mutating func nextExponential(rate: Double = 1) -> Double {
    -_PortableMath.log(nextUniform()) / rate
  }

  /// A standard normal draw by Marsaglia's polar method (no trigonometric functions):
  /// repeat v₁, v₂ ~ U(−1, 1) until 0 < w = v₁² + v₂² < 1, return v₁ √(−2 log w / w).
  /// The second variate of each pair is discarded so that every draw consumes whole pairs.
  public mutating func nextStandardNormal() -> Double {
    while true {
      let v1 = 2 * nextUniform() - 1
      let v2 = 2 * nextUniform() - 1
      let w = v1 * v1 + v2 * v2
      if w > 0 && w < 1 {
        return v1 * (-2 * _PortableMath.log(w) / w).squareRoot()
      }
    }
  }

  /// A uniform draw on (lower, upper).
  public mutating func nextUniform(from lower: Double, to upper: Double) -> Double {
    lower + (upper - lower) * nextUniform()
  }

  /// Shuffles the elements in place (Fisher–Yates, from the last position down).
  public mutating func shuffle<T>(_ elements: inout [T]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, to: 0, by: -1) {
      let j = nextIndex(below: i + 1)
      if i != j { elements.swapAt(i, j) }
    }
  }

  /// An index drawn with the given probabilities (inversion of the cumulative sum; the last
  /// index takes any rounding remainder).
  public mutating func nextCategory(probabilities: [Double]) -> Int {
    let u = nextUniform()
    var cumulative = 0.0
    for (index, p) in probabilities.enumerated() {
      cumulative += p
      if u < cumulative { return index }
    }
    return probabilities.count - 1
  }
}
