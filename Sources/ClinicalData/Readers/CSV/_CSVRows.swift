import Dispatch
import Foundation

/// The data rows of a file or of a part of it: where each starts, its physical line, and the
/// first malformed row's error.
struct _ScannedRows {
  var starts: [UInt32]
  var lines: [UInt32]
  var failure: DataError?
  /// The scanner's line after the last row.
  var endLine: Int
}

/// Checks the rows from the scanner's position to its end (each must have `columnCount`
/// fields) and keeps where each starts and its line, stopping at the first malformed one.
func _scanRows(
  _ scanner: inout _CSVScanner, columnCount: Int, file: String, delimiter: CSVDelimiter
) -> _ScannedRows {
  let buffer = UnsafeBufferPointer(start: scanner.base, count: scanner.end)
  // At most one more row than the line breaks left, so storage is allocated once.
  let capacity = _lineBreakBound(buffer, from: scanner.position, to: scanner.end) + 1
  var failure: DataError?
  var rowLines: [UInt32] = []
  let rowStarts = [UInt32](unsafeUninitializedCapacity: capacity) { starts, initialized in
    rowLines = [UInt32](unsafeUninitializedCapacity: capacity) { lines, rows in
      var sink = _RowSink(columnCount: columnCount)
      var row = 0
      while scanner.skipBlankLines() {
        sink.startRow()
        let rowLine = scanner.line
        let rowStart = scanner.position
        let found: Int
        do throws(_ScanFailure) {
          found = try scanner.scanRecord(into: &sink)
        } catch {
          failure = _error(error, file: file)
          break
        }
        guard found == columnCount else {
          let mismatch = DataError.Reason.fieldCountMismatch(
            expected: columnCount, found: found, delimiter: delimiter)
          let line = found > columnCount ? sink.surplusLine : sink.lastLine
          failure = DataError(
            file: file, line: line, column: min(found, columnCount) + 1, reason: mismatch)
          break
        }
        lines[row] = UInt32(truncatingIfNeeded: rowLine)
        starts[row] = UInt32(truncatingIfNeeded: rowStart)
        row += 1
      }
      rows = row
    }
    initialized = rowLines.count
  }
  return _ScannedRows(starts: rowStarts, lines: rowLines, failure: failure, endLine: scanner.line)
}

/// ``_scanRows(_:columnCount:file:delimiter:)`` on two halves of the rows at once, one core
/// each, when the rows are large enough to gain from it and hold no quote: every line break is
/// then the end of a row (or of a blank line), so the halves can be split at the line break
/// nearest the middle. The second half counts lines from 1 and is moved by the lines of the
/// first; an error in the first half comes first, as it would reading in order.
func _scanRowsInParallel(
  _ scanner: inout _CSVScanner, columnCount: Int, file: String, delimiter: CSVDelimiter
) -> _ScannedRows {
  guard let split = _rowSplit(base: scanner.base, from: scanner.position, to: scanner.end) else {
    return _scanRows(&scanner, columnCount: columnCount, file: file, delimiter: delimiter)
  }
  var first = _CSVScanner(
    base: scanner.base, count: split, delimiter: scanner.delimiter, classes: scanner.classes,
    start: scanner.position)
  first.line = scanner.line
  let second = _CSVScanner(
    base: scanner.base, count: scanner.end, delimiter: scanner.delimiter, classes: scanner.classes, start: split)
  let halves = _Halves(first: first, second: second)
  DispatchQueue.concurrentPerform(iterations: 2) { index in
    halves.scan(index, columnCount: columnCount, file: file, delimiter: delimiter)
  }
  // concurrentPerform returns once both halves are scanned.
  var head = halves.first!
  let tail = halves.second!
  scanner.position = scanner.end
  scanner.line = head.endLine + tail.endLine - 1
  if head.failure != nil { return head }
  let offset = UInt32(head.endLine - 1)
  head.starts += tail.starts
  head.lines += tail.lines.map { $0 + offset }
  head.failure = tail.failure.map { failure in
    var moved = failure
    moved.line = failure.line.map { $0 + Int(offset) }
    return moved
  }
  head.endLine = scanner.line
  return head
}

/// The start of the line after the line break nearest the middle of `base[from..<to]`, when
/// the rows there are worth splitting (4 MB or more) and hold no quote; nil otherwise.
func _rowSplit(base: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
  guard to - from >= 1 << 22, memchr(base + from, Int32(_quote), to - from) == nil else { return nil }
  var split = from + (to - from) / 2
  while split < to && base[split] != _lineFeed && base[split] != _carriageReturn { split += 1 }
  guard split < to else { return nil }
  if base[split] == _carriageReturn && split + 1 < to && base[split + 1] == _lineFeed { split += 1 }
  split += 1
  return split < to ? split : nil
}

/// The two halves' scanners and results, each result written by one thread.
private final class _Halves: @unchecked Sendable {
  let scanners: (_CSVScanner, _CSVScanner)
  var first: _ScannedRows?
  var second: _ScannedRows?

  init(first: _CSVScanner, second: _CSVScanner) {
    scanners = (first, second)
  }

  func scan(_ index: Int, columnCount: Int, file: String, delimiter: CSVDelimiter) {
    var scanner = index == 0 ? scanners.0 : scanners.1
    let rows = _scanRows(&scanner, columnCount: columnCount, file: file, delimiter: delimiter)
    if index == 0 { first = rows } else { second = rows }
  }
}
