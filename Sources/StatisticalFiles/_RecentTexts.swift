#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The last few distinct values of one text variable, so that a repeated value (a treatment arm,
/// a parameter code, a flag) shares one string instead of allocating its own.
///
/// A lookup compares the bytes with up to `capacity` remembered strings. A variable whose values
/// rarely repeat (subject identifiers) stops looking after its first `trial` values, so it pays
/// for the comparisons only there.
struct _RecentTexts {
  static let capacity = 8
  static let trial = 1024

  private var entries: [String] = []
  private var next = 0
  private var lookups = 0
  private var hits = 0
  private(set) var isEnabled = true

  /// The remembered string with the `length` bytes at `bytes`, if there is one.
  @inline(__always)
  mutating func find(_ bytes: UnsafePointer<CChar>, length: Int) -> String? {
    guard isEnabled else { return nil }
    lookups += 1
    for entry in entries {
      let isSame = entry.utf8.withContiguousStorageIfAvailable {
        $0.count == length && memcmp($0.baseAddress.unsafelyUnwrapped, bytes, length) == 0
      }
      if isSame == true {
        hits += 1
        return entry
      }
    }
    if lookups == _RecentTexts.trial && hits < lookups / 2 {
      isEnabled = false
      entries = []
    }
    return nil
  }

  /// Remembers `text`, replacing the oldest entry when full.
  @inline(__always)
  mutating func remember(_ text: String) {
    guard isEnabled else { return }
    if entries.count < _RecentTexts.capacity {
      entries.append(text)
    } else {
      entries[next] = text
      next = (next + 1) % _RecentTexts.capacity
    }
  }
}
