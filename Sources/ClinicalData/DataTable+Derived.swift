extension DataTable {
  /// A table with `columns` added (a column of the same name is replaced) and only the rows
  /// `rows`, in that order (nil: every row). Each kept row keeps its physical line in the
  /// original file, so messages about derived data still point at the source line.
  ///
  /// Values are text as a CSV cell holds them, one per kept row; nil is missing.
  /// - Complexity: O(size of the table).
  public func deriving(columns: [(name: String, values: [String?])], rows: [Int]? = nil)
    throws(DataError) -> DataTable
  {
    let kept = rows ?? Array(0..<rowCount)
    let replaced = Set(columns.map(\.name))
    let original = columnNames.indices.filter { !replaced.contains(columnNames[$0]) }
    let names = original.map { columnNames[$0] } + columns.map(\.name)
    let missing = missingTokens.contains("") ? "" : (missingTokens.first ?? "")
    let separator = delimiter.byte

    var out: [UInt8] = []
    out.reserveCapacity(bytes.count + kept.count * columns.count * 8)
    func cell(_ text: String) {
      let needsQuotes = text.utf8.contains { $0 == separator || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
      if needsQuotes {
        out.append(0x22)
        for byte in text.utf8 {
          if byte == 0x22 { out.append(0x22) }
          out.append(byte)
        }
        out.append(0x22)
      } else {
        out += text.utf8
      }
    }
    for (i, name) in names.enumerated() {
      if i > 0 { out.append(separator) }
      cell(name)
    }
    out.append(0x0A)
    let sourceColumns = original.map { DataColumn(table: self, index: $0) }
    for (position, row) in kept.enumerated() {
      var first = true
      for column in sourceColumns {
        if !first { out.append(separator) }
        first = false
        cell(column.isMissing(atRow: row) ? missing : column.rawText(atRow: row))
      }
      for column in columns {
        if !first { out.append(separator) }
        first = false
        cell(column.values[position] ?? missing)
      }
      out.append(0x0A)
    }
    let table = try DataTable(
      bytes: out, file: file,
      options: CSVReadOptions(delimiter: delimiter, missingTokens: missingTokens))
    return table.withRowLines(kept.map { rowLines[$0] }, headerLine: headerLine)
  }

  /// The same cells, with the given physical lines per row.
  private func withRowLines(_ lines: [UInt32], headerLine: Int) -> DataTable {
    DataTable(
      file: file, columnNames: columnNames, rowCount: rowCount, delimiter: delimiter,
      missingTokens: missingTokens, headerLine: headerLine, bytes: bytes, fields: fields,
      rowLines: lines, missingTokenBytes: missingTokenBytes,
      missingTokenLengths: missingTokenLengths, columnIndices: columnIndices)
  }

  private init(
    file: String, columnNames: [String], rowCount: Int, delimiter: CSVDelimiter,
    missingTokens: [String], headerLine: Int, bytes: [UInt8], fields: [UInt32],
    rowLines: [UInt32], missingTokenBytes: [[UInt8]], missingTokenLengths: UInt64,
    columnIndices: [String: Int]
  ) {
    self.file = file
    self.columnNames = columnNames
    self.rowCount = rowCount
    self.delimiter = delimiter
    self.missingTokens = missingTokens
    self.headerLine = headerLine
    self.bytes = bytes
    self.fields = fields
    self.rowLines = rowLines
    self.missingTokenBytes = missingTokenBytes
    self.missingTokenLengths = missingTokenLengths
    self.columnIndices = columnIndices
  }
}
