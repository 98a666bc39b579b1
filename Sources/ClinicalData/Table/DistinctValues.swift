import Foundation

/// The distinct present values of a column and, for every row, which one it holds
/// (R: `factor(x, levels = unique(x))`; pandas: `factorize`).
public struct DistinctValues: Hashable, Sendable {
  /// The code of a missing cell.
  public static let missingCode: Int32 = -1

  /// The distinct values in order of first appearance, as written (see
  /// ``DataColumn/rawText(atRow:)``); equal texts are one value, `1` and `1.0` are two.
  public var values: [String]
  /// Per row, the index into `values`, or ``missingCode``.
  public var codes: [Int32]
  /// Per value, the first row that holds it.
  public var firstRows: [Int]
  /// Per value, the number of rows that hold it.
  public var counts: [Int]

  /// Distinct values from their parts; `codes` index `values` or are ``missingCode``.
  public init(values: [String], codes: [Int32], firstRows: [Int], counts: [Int]) {
    self.values = values
    self.codes = codes
    self.firstRows = firstRows
    self.counts = counts
  }

  /// The number of missing rows.
  public var missingCount: Int { codes.count - counts.reduce(0, +) }
}

extension DataColumn {
  /// The column's distinct present values and each row's code.
  /// - Complexity: O(n) expected; for CSV cells and SAS transport variables hashing each value's
  ///   bytes without making a String; one String per distinct value.
  public func distinctValues() -> DistinctValues {
    let column = storage
    if case .transport(let file, let variable) = column.cells {
      return transportDistinctValues(file, variable, rows: column.rows)
    }
    guard case .csv(let cells, let field) = column.cells else {
      var index = _ByteStringIndex()
      var firstRows: [Int] = []
      var counts: [Int] = []
      var codes = [Int32](repeating: DistinctValues.missingCode, count: count)
      for row in 0..<count where !isMissing(atRow: row) {
        let code = Array(rawText(atRow: row).utf8).withUnsafeBufferPointer { index.code(of: $0) }
        if code == counts.count {
          firstRows.append(row)
          counts.append(0)
        }
        counts[code] += 1
        codes[row] = Int32(truncatingIfNeeded: code)
      }
      let values = index.keys.map { String(decoding: $0, as: UTF8.self) }
      return DistinctValues(values: values, codes: codes, firstRows: firstRows, counts: counts)
    }
    return cells.bytes.withUnsafeBufferPointer { buffer in
      var index = _ByteStringIndex()
      var firstRows: [Int] = []
      var counts: [Int] = []
      let count = self.count
      let codes = [Int32](unsafeUninitializedCapacity: count) { codes, initialized in
        cells.forEachCell(ofColumn: field, rows: column.rows) { row, start, end, hasEscapedQuotes in
          if cells.isMissing(buffer, start, end, hasEscapedQuotes: hasEscapedQuotes) {
            codes[row] = DistinctValues.missingCode
            return
          }
          let code: Int
          if hasEscapedQuotes {
            code = _unescaped(UnsafeBufferPointer(rebasing: buffer[start..<end]))
              .withUnsafeBufferPointer { index.code(of: $0) }
          } else {
            code = index.code(of: UnsafeBufferPointer(rebasing: buffer[start..<end]))
          }
          if code == counts.count {
            firstRows.append(row)
            counts.append(0)
          }
          counts[code] += 1
          codes[row] = Int32(truncatingIfNeeded: code)
        }
        initialized = count
      }
      let values = index.keys.map { String(decoding: $0, as: UTF8.self) }
      return DistinctValues(values: values, codes: codes, firstRows: firstRows, counts: counts)
    }
  }
}

/// An open-addressing hash table from byte strings to codes 0, 1, 2, … in order of insertion.
///
/// Strings of up to 7 bytes (most category codes) are packed with their length into one
/// `UInt64`, so finding them takes one multiply and one comparison; longer strings are hashed
/// with FNV-1a and compared byte by byte.
struct _ByteStringIndex {
  /// Per slot: code + 1, or 0 when empty; the count is a power of two, at least four times
  /// the number of codes so that most lookups find their key in the first slot.
  private var slots = [Int32](repeating: 0, count: 64)
  /// Per code: the packed string, or `longKey` for strings of 8 bytes or more.
  private var packedKeys: [UInt64] = []
  /// Per code: the hash.
  private var hashes: [UInt64] = []
  /// The byte strings, indexed by code.
  private(set) var keys: [[UInt8]] = []

  private static let longKey = UInt64.max

  /// The code of `bytes`, inserting them with the next code when new.
  mutating func code(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let count = bytes.count
    var packed = Self.longKey
    var hash: UInt64
    if count <= 7 {
      packed = UInt64(count) << 56
      var shift: UInt64 = 0
      for byte in bytes {
        packed |= UInt64(byte) << shift
        shift &+= 8
      }
      hash = packed &* 0x9E37_79B9_7F4A_7C15
      hash ^= hash >> 29
    } else {
      hash = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bit
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
      }
    }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
    while true {
      let entry = slots[slot]
      if entry == 0 { break }
      let code = Int(entry - 1)
      if packedKeys[code] == packed
        && (packed != Self.longKey || (hashes[code] == hash && Self.equal(keys[code], bytes)))
      {
        return code
      }
      slot = (slot + 1) & mask
    }
    let code = keys.count
    keys.append(Array(bytes))
    packedKeys.append(packed)
    hashes.append(hash)
    slots[slot] = Int32(truncatingIfNeeded: code + 1)
    if keys.count * 4 > slots.count { rehash(capacity: slots.count * 2) }
    return code
  }

  private static func equal(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard key.count == bytes.count else { return false }
    return key.withUnsafeBufferPointer { stored in
      guard let a = stored.baseAddress, let b = bytes.baseAddress else { return true }
      return memcmp(a, b, bytes.count) == 0
    }
  }

  private mutating func rehash(capacity: Int) {
    slots = [Int32](repeating: 0, count: capacity)
    let mask = capacity - 1
    for (code, hash) in hashes.enumerated() {
      var slot = Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
      while slots[slot] != 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(truncatingIfNeeded: code + 1)
    }
  }
}
