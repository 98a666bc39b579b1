/// Stable least-significant-digit radix sort of 64-bit keys carrying 64-bit payloads.
///
/// Each pass scatters on one byte of the key into 256 streams; a pass whose byte is the same
/// for every key is skipped, which removes most passes for integer-valued times or a few
/// hundred distinct scores. Ties keep their input order.
enum _RadixSort {
  /// Sorts the `count` entries that `entry(index)` makes, stably by key, and hands each one to
  /// `place(slot, entry)` with its position in the sorted order (every slot exactly once).
  /// - Complexity: O(n) time, 32 bytes per entry of scratch.
  @inline(__always)
  static func sort(
    count: Int, entry makeEntry: (Int) -> _KeyedPayload, place: (Int, _KeyedPayload) -> Void
  ) {
    guard count > 0 else { return }
    var histogram = [Int](repeating: 0, count: 8 * 256)
    let entries = UnsafeMutablePointer<_KeyedPayload>.allocate(capacity: count)
    let spare = UnsafeMutablePointer<_KeyedPayload>.allocate(capacity: count)
    defer {
      entries.deallocate()
      spare.deallocate()
    }
    histogram.withUnsafeMutableBufferPointer { counts in
      for index in 0..<count {
        let entry = makeEntry(index)
        entries[index] = entry
        var rest = entry.key
        for digit in 0..<8 {
          counts[digit &* 256 &+ Int(rest & 0xFF)] &+= 1
          rest >>= 8
        }
      }
    }
    let firstKey = entries[0].key
    let activeDigits = (0..<8).filter { digit in
      histogram[digit * 256 + Int((firstKey >> UInt64(digit * 8)) & 0xFF)] != count
    }
    var source = entries
    var target = spare
    for digit in activeDigits.dropLast() {
      scatter(source, count: count, digit: digit, histogram: &histogram) { slot, entry in
        target[slot] = entry
      }
      swap(&source, &target)
    }
    // The last pass places the entries straight into the caller's arrays.
    if let digit = activeDigits.last {
      scatter(source, count: count, digit: digit, histogram: &histogram, place: place)
    } else {
      for index in 0..<count { place(index, source[index]) }
    }
  }

  /// One pass: hands each entry of `source` to `place` with its slot by the byte `digit` of its
  /// key, in input order within a byte value.
  @inline(__always)
  private static func scatter(
    _ source: UnsafeMutablePointer<_KeyedPayload>, count: Int, digit: Int, histogram: inout [Int],
    place: (Int, _KeyedPayload) -> Void
  ) {
    histogram.withUnsafeMutableBufferPointer { counts in
      let base = digit * 256
      let shift = UInt64(digit * 8)
      exclusivePrefixSums(counts, base: base)
      for index in 0..<count {
        let entry = source[index]
        let bucket = base &+ Int((entry.key >> shift) & 0xFF)
        let slot = counts[bucket]
        counts[bucket] = slot &+ 1
        place(slot, entry)
      }
    }
  }

  /// A key that orders like `value` for every non-NaN double, negative ones included (−0 as +0):
  /// the sign bit set for non-negative values, every bit flipped for negative ones.
  @inline(__always)
  static func key(_ value: Double) -> UInt64 {
    let bits = (value + 0).bitPattern
    return bits >> 63 == 0 ? bits | (1 << 63) : ~bits
  }

  /// Replaces the 256 bucket counts starting at `base` by their exclusive prefix sums.
  private static func exclusivePrefixSums(_ counts: UnsafeMutableBufferPointer<Int>, base: Int) {
    var running = 0
    for bucket in base..<(base + 256) {
      let bucketSize = counts[bucket]
      counts[bucket] = running
      running += bucketSize
    }
  }
}

/// A sort key with the payload that travels with it.
struct _KeyedPayload {
  var key: UInt64
  var payload: UInt64
}
