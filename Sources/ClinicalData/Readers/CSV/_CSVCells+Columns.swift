import Foundation

/// The value ranges of one CSV column: per row, start and end (high bit of the end: the value
/// holds doubled quotes).
struct _CSVColumnCells: Sendable {
  let fields: [UInt32]

  /// The value range of the column's cell in `row`.
  @inline(__always)
  func cell(_ row: Int) -> (start: Int, end: Int, hasEscapedQuotes: Bool) {
    let end = fields[row &* 2 &+ 1]
    return (Int(fields[row &* 2]), Int(end & ~_escapedFlag), end & _escapedFlag != 0)
  }
}

/// The columns of a CSV file located so far, each located once however many threads ask.
final class _LocatedColumns: @unchecked Sendable {
  private let lock = NSLock()
  private var columns: [_CSVColumnCells?]

  init(count: Int) {
    columns = [_CSVColumnCells?](repeating: nil, count: count)
  }

  /// The column's value ranges when they have been located.
  func existing(_ column: Int) -> _CSVColumnCells? {
    lock.lock()
    defer { lock.unlock() }
    return columns[column]
  }

  func fields(_ column: Int, locating: () -> _CSVColumnCells) -> _CSVColumnCells {
    lock.lock()
    defer { lock.unlock() }
    if let located = columns[column] { return located }
    let located = locating()
    columns[column] = located
    return located
  }
}

extension _CSVCells {
  /// Calls `body` with the value range of each row's cell in `column`, rows in order (or in the
  /// order of `rows`, rows of the file): a pass that reads the column where it would be read
  /// once, without keeping its ranges, unless they were kept before.
  ///
  /// - Complexity: O(bytes of the rows up to the column) for a column not located before.
  @inline(__always)
  func forEachCell(
    ofColumn column: Int, rows: [Int]?, _ body: (_ row: Int, _ start: Int, _ end: Int, _ hasEscapedQuotes: Bool) -> Void
  ) {
    if rows != nil || located.existing(column) != nil {
      let cells = self.column(column)
      let count = rows?.count ?? rowCount
      for row in 0..<count {
        let cell = cells.cell(rows?[row] ?? row)
        body(row, cell.start, cell.end, cell.hasEscapedQuotes)
      }
      return
    }
    bytes.withUnsafeBufferPointer { buffer in
      _CSVScanner.withByteClasses(delimiter: delimiter.byte) { classes in
        var scanner = _CSVScanner(
          base: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count, delimiter: delimiter.byte,
          classes: classes, start: 0)
        for row in 0..<rowCount {
          scanner.position = Int(rowStarts[row])
          // Every row was checked when the file was read: scanning it again cannot fail.
          do throws(_ScanFailure) {
            try scanner.skipFields(column)
            let field = try scanner.scanField(number: column + 1)
            body(row, field.start, field.stop, field.hasEscapedQuotes)
          } catch {
            body(row, 0, 0, false)
          }
        }
      }
    }
  }

  /// Locates every value of a column: each row (checked when the file was read) is scanned
  /// from its start up to the end of the column's field.
  ///
  /// - Complexity: O(bytes of the rows up to the column), 8 bytes of memory per row.
  func locate(_ column: Int) -> _CSVColumnCells {
    let rowCount = self.rowCount
    let fields = bytes.withUnsafeBufferPointer { buffer in
      _CSVScanner.withByteClasses(delimiter: delimiter.byte) { classes in
        [UInt32](unsafeUninitializedCapacity: rowCount * 2) { storage, initialized in
          var scanner = _CSVScanner(
            base: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count, delimiter: delimiter.byte,
            classes: classes, start: 0)
          for row in 0..<rowCount {
            scanner.position = Int(rowStarts[row])
            var start = 0
            var end: UInt32 = 0
            // Every row was checked when the file was read: scanning it again cannot fail.
            do throws(_ScanFailure) {
              try scanner.skipFields(column)
              let field = try scanner.scanField(number: column + 1)
              start = field.start
              end = UInt32(truncatingIfNeeded: field.stop) | (field.hasEscapedQuotes ? _escapedFlag : 0)
            } catch {}
            storage[row &* 2] = UInt32(truncatingIfNeeded: start)
            storage[row &* 2 &+ 1] = end
          }
          initialized = rowCount * 2
        }
      }
    }
    return _CSVColumnCells(fields: fields)
  }

  /// The value ranges of every cell of one row, scanned from the row's start.
  func rowCells(_ row: Int) -> [(start: Int, end: Int, hasEscapedQuotes: Bool)] {
    bytes.withUnsafeBufferPointer { buffer in
      _CSVScanner.withByteClasses(delimiter: delimiter.byte) { classes in
        var scanner = _CSVScanner(
          base: buffer.baseAddress.unsafelyUnwrapped, count: buffer.count, delimiter: delimiter.byte,
          classes: classes, start: Int(rowStarts[row]))
        var sink = _HeaderSink()
        do throws(_ScanFailure) { _ = try scanner.scanRecord(into: &sink) } catch {}
        return sink.fields.map { ($0.start, $0.end, $0.hasEscapedQuotes) }
      }
    }
  }
}
