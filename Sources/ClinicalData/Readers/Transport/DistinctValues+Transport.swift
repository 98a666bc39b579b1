import StatisticalFiles

extension DataColumn {
  /// The distinct values of a transport variable (``distinctValues()``), found from its bytes:
  /// text by hashing each value's bytes in the file as CSV cells are, numbers by their bits and
  /// dates by their day, making a `String` only per distinct value.
  func transportDistinctValues(_ file: SASTransportFile, _ variable: Int, rows: [Int]?) -> DistinctValues {
    var index = _ByteStringIndex()
    var firstRows: [Int] = []
    var counts: [Int] = []
    var codes = [Int32](repeating: DistinctValues.missingCode, count: count)
    func add(_ bytes: UnsafeBufferPointer<UInt8>, row: Int) {
      let code = index.code(of: bytes)
      if code == counts.count {
        firstRows.append(row)
        counts.append(0)
      }
      counts[code] += 1
      codes[row] = Int32(truncatingIfNeeded: code)
    }
    switch file.variables[variable].kind {
    case .text:
      var row = 0
      file.forEachText(ofVariable: variable, rows: rows) { _, bytes in
        if !bytes.isEmpty { add(bytes.assumingMemoryBound(to: UInt8.self), row: row) }
        row += 1
      }
      let values = index.keys.map { String(decoding: $0, as: UTF8.self) }
      return DistinctValues(values: values, codes: codes, firstRows: firstRows, counts: counts)
    case .number:
      let numbers = file.numbers(ofVariable: variable, rows: rows)
      for (row, number) in numbers.enumerated() {
        guard let number else { continue }
        // +0 for −0, so that equal numbers have equal bits (a transport file holds no −0).
        var bits = (number + 0).bitPattern
        withUnsafeBytes(of: &bits) { add($0.assumingMemoryBound(to: UInt8.self), row: row) }
      }
      let values = index.keys.map { CSVNumber.text(Double(bitPattern: Self.bits($0))) }
      return DistinctValues(values: values, codes: codes, firstRows: firstRows, counts: counts)
    case .date, .dateTime:
      let days = file.dates(ofVariable: variable, rows: rows)
      for (row, day) in days.enumerated() {
        guard let day else { continue }
        var bits = UInt64(bitPattern: Int64(day))
        withUnsafeBytes(of: &bits) { add($0.assumingMemoryBound(to: UInt8.self), row: row) }
      }
      let values = index.keys.map { CalendarDay.iso(Int(Int64(bitPattern: Self.bits($0)))) }
      return DistinctValues(values: values, codes: codes, firstRows: firstRows, counts: counts)
    }
  }

  /// The 8 bytes of a key, in memory order, as an integer.
  private static func bits(_ key: [UInt8]) -> UInt64 {
    key.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
  }
}
