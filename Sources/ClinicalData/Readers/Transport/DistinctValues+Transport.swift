import StatisticalFiles

extension DataColumn {
  /// The distinct values of a transport variable (``distinctValues()``), found from its bytes:
  /// text by hashing each value's bytes in the file as CSV cells are, numbers by their bits and
  /// dates by their day, making a `String` only per distinct value.
  /// - Complexity: O(n) expected, without allocating per row.
  func transportDistinctValues(_ file: SASTransportFile, _ variable: Int, rows: [Int]?) -> DistinctValues {
    switch file.variables[variable].kind {
    case .text:
      return transportDistinctTexts(file, variable, rows: rows)
    case .number:
      var distinct = _DistinctBits(rowCount: count)
      for (row, number) in file.numbers(ofVariable: variable, rows: rows).enumerated() {
        // +0 for −0, so that equal numbers have equal bits (a transport file holds no −0).
        if let number { distinct.add((number + 0).bitPattern, row: row) }
      }
      return distinct.result { CSVNumber.text(Double(bitPattern: $0)) }
    case .date, .dateTime:
      var distinct = _DistinctBits(rowCount: count)
      for (row, day) in file.dates(ofVariable: variable, rows: rows).enumerated() {
        if let day { distinct.add(UInt64(bitPattern: Int64(day)), row: row) }
      }
      return distinct.result { CalendarDay.iso(Int(Int64(bitPattern: $0))) }
    }
  }

  private func transportDistinctTexts(_ file: SASTransportFile, _ variable: Int, rows: [Int]?) -> DistinctValues {
    let count = self.count
    let rowCount = file.rowCount
    let rowWidth = file.rowWidth
    let length = file.variables[variable].length
    let start = file.dataOffset + file.variables[variable].offset
    return file.withUnsafeBytes { bytes in
      var index = _ByteStringIndex()
      var firstRows: [Int] = []
      var counts: [Int] = []
      var codes = [Int32](repeating: DistinctValues.missingCode, count: count)
      if let base = bytes.baseAddress {
        for row in 0..<count {
          let fileRow = rows?[row] ?? row
          precondition(fileRow >= 0 && fileRow < rowCount, "Row \(fileRow) is out of range 0..<\(rowCount)")
          let value = base + start + fileRow * rowWidth
          let textLength = SASTransportFile.textLength(value, length: length)
          guard textLength > 0 else { continue }
          let text = UnsafeBufferPointer(start: value.assumingMemoryBound(to: UInt8.self), count: textLength)
          let code = index.code(of: text)
          if code == counts.count {
            firstRows.append(row)
            counts.append(0)
          }
          counts[code] += 1
          codes[row] = Int32(truncatingIfNeeded: code)
        }
      }
      let values = index.keys.map { String(decoding: $0, as: UTF8.self) }
      return DistinctValues(values: values, codes: codes, firstRows: firstRows, counts: counts)
    }
  }
}

/// Distinct 64-bit keys (a number's bits, a day) in order of first appearance, with each row's
/// code: an open-addressing table of multiplicative hashes, like ``_ByteStringIndex`` for its
/// short strings.
private struct _DistinctBits {
  /// Per slot: code + 1, or 0 when empty; a power of two, at least four times the codes.
  private var slots = [Int32](repeating: 0, count: 64)
  private var keys: [UInt64] = []
  private var firstRows: [Int] = []
  private var counts: [Int] = []
  private var codes: [Int32]
  /// The key and code of the last row added, which the next row often repeats.
  private var last: (key: UInt64, code: Int)?

  /// No keys yet, for a column of `rowCount` rows (all missing until added).
  init(rowCount: Int) {
    codes = [Int32](repeating: DistinctValues.missingCode, count: rowCount)
  }

  mutating func add(_ key: UInt64, row: Int) {
    let code: Int
    if let last, last.key == key {
      code = last.code
    } else {
      code = self.code(of: key, row: row)
      last = (key, code)
    }
    counts[code] += 1
    codes[row] = Int32(truncatingIfNeeded: code)
  }

  private mutating func code(of key: UInt64, row: Int) -> Int {
    let mask = slots.count - 1
    var slot = Self.slot(key, mask)
    while slots[slot] != 0 {
      let code = Int(slots[slot] - 1)
      if keys[code] == key { return code }
      slot = (slot + 1) & mask
    }
    let code = keys.count
    keys.append(key)
    firstRows.append(row)
    counts.append(0)
    slots[slot] = Int32(truncatingIfNeeded: code + 1)
    if keys.count * 4 > slots.count {
      slots = [Int32](repeating: 0, count: slots.count * 2)
      for (code, key) in keys.enumerated() {
        var slot = Self.slot(key, slots.count - 1)
        while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
        slots[slot] = Int32(truncatingIfNeeded: code + 1)
      }
    }
    return code
  }

  private static func slot(_ key: UInt64, _ mask: Int) -> Int {
    var hash = key &* 0x9E37_79B9_7F4A_7C15
    hash ^= hash >> 29
    return Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
  }

  /// The distinct values, each key's text given by `text`.
  func result(text: (UInt64) -> String) -> DistinctValues {
    DistinctValues(values: keys.map(text), codes: codes, firstRows: firstRows, counts: counts)
  }
}
