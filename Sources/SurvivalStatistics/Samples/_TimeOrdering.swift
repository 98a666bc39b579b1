import Foundation

/// Sorting and near-tie merging of observation times, done once when a sample is built.
///
/// Non-negative doubles order like their bit patterns read as unsigned integers, so times are
/// sorted by a stable least-significant-digit radix sort on 16-bit digits (four passes at most;
/// a pass whose digit is the same for every key is skipped, which removes two of the four for
/// integer-valued times).
enum _TimeOrdering {
  /// The stable ascending order of `times` (all finite and ≥ 0) and the sorted times.
  ///
  /// `−0` is read as `+0`. Ties keep their input order.
  /// - Complexity: O(n).
  static func sorted(_ times: [Double]) -> (times: [Double], order: [Int]) {
    let count = times.count
    if count < 512 {
      let order = (0..<count).sorted { left, right in
        let l = times[left] + 0
        let r = times[right] + 0
        return l < r || (l == r && left < right)
      }
      return (order.map { times[$0] + 0 }, order)
    }
    var keys = times.map { ($0 + 0).bitPattern }
    var positions = [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
      for index in 0..<count { buffer[index] = UInt32(truncatingIfNeeded: index) }
      initialized = count
    }
    var histogram = [Int](repeating: 0, count: 4 << 16)
    keys.withUnsafeBufferPointer { keyBuffer in
      histogram.withUnsafeMutableBufferPointer { counts in
        for key in keyBuffer {
          counts[Int(key & 0xFFFF)] += 1
          counts[(1 << 16) + Int((key >> 16) & 0xFFFF)] += 1
          counts[(2 << 16) + Int((key >> 32) & 0xFFFF)] += 1
          counts[(3 << 16) + Int(key >> 48)] += 1
        }
      }
    }
    var spareKeys = [UInt64](repeating: 0, count: count)
    var sparePositions = [UInt32](repeating: 0, count: count)
    for digit in 0..<4 {
      let base = digit << 16
      let shift = UInt64(16 * digit)
      let firstDigit = Int((keys[0] >> shift) & 0xFFFF)
      if histogram[base + firstDigit] == count { continue }
      histogram.withUnsafeMutableBufferPointer { counts in
        var running = 0
        for bucket in base..<(base + (1 << 16)) {
          let bucketCount = counts[bucket]
          counts[bucket] = running
          running += bucketCount
        }
        keys.withUnsafeBufferPointer { source in
          positions.withUnsafeBufferPointer { sourcePositions in
            spareKeys.withUnsafeMutableBufferPointer { target in
              sparePositions.withUnsafeMutableBufferPointer { targetPositions in
                for index in 0..<count {
                  let key = source[index]
                  let bucket = base + Int((key >> shift) & 0xFFFF)
                  let slot = counts[bucket]
                  counts[bucket] = slot + 1
                  target[slot] = key
                  targetPositions[slot] = sourcePositions[index]
                }
              }
            }
          }
        }
      }
      swap(&keys, &spareKeys)
      swap(&positions, &sparePositions)
    }
    return (keys.map { Double(bitPattern: $0) }, positions.map { Int($0) })
  }

  /// Merges near-tied times in place, as R's `aeqSurv` (applied by `survfit` and `survdiff` with
  /// their default `timefix = TRUE`), and returns how many observations changed.
  ///
  /// Among the distinct sorted times y₁ < y₂ < …, y_{i+1} is tied to y_i when
  /// `y_{i+1} − y_i ≤ √ε` or `(y_{i+1} − y_i) / mean(|y|) ≤ √ε` (ε = 2⁻⁵²); each run of tied
  /// values takes the value of its first member. Times such as days/365.25 that should be equal
  /// but differ in the last bits are then counted as ties.
  /// - Complexity: O(n) on sorted times.
  static func mergeNearTies(_ sortedTimes: inout [Double]) -> Int {
    guard let first = sortedTimes.first else { return 0 }
    var distinctCount = 1
    var distinctSum = abs(first)
    var previous = first
    for time in sortedTimes where time != previous {
      distinctCount += 1
      distinctSum += abs(time)
      previous = time
    }
    if distinctCount < 2 { return 0 }
    let mean = distinctSum / Double(distinctCount)
    let tolerance = Double.ulpOfOne.squareRoot()
    var changed = 0
    var previousDistinct = first
    var cut = first
    sortedTimes.withUnsafeMutableBufferPointer { buffer in
      for index in buffer.indices {
        let time = buffer[index]
        if time != previousDistinct {
          let gap = time - previousDistinct
          if !(gap <= tolerance || gap / mean <= tolerance) { cut = time }
          previousDistinct = time
        }
        if cut != time {
          buffer[index] = cut
          changed += 1
        }
      }
    }
    return changed
  }

  /// The index and value of the first time that is NaN, infinite or negative, and how many there
  /// are; nil when all are valid.
  static func firstInvalidTime(_ times: [Double]) -> (index: Int, value: Double, count: Int)? {
    var first: (index: Int, value: Double)?
    var invalidCount = 0
    for (index, time) in times.enumerated() where !(time.isFinite && time >= 0) {
      invalidCount += 1
      if first == nil { first = (index, time) }
    }
    guard let first else { return nil }
    return (first.index, first.value, invalidCount)
  }
}
