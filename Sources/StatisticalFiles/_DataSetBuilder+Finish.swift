internal import CReadStat

extension _DataSetBuilder {
  /// The data set (with `file` as its path), once ReadStat returned `status`; the input is where
  /// ReadStat left it.
  ///
  /// Throws the error a callback met, ReadStat's own error located at the row and variable it
  /// stopped in, or a truncation ReadStat does not report (a transport file cut inside a row, a
  /// row count short of the header's).
  func finish(status: readstat_error_t, input: _MemoryInput) throws(StatisticalFileError)
    -> StatisticalDataFile
  {
    if let failure { throw failure }
    guard status == READSTAT_OK else { throw error(for: status) }
    guard nextIndex == 0 else {
      throw error(
        row: rowsRead + 1, variable: names[nextIndex],
        .truncated(detail: "the row ends after \(nextIndex) of its \(slots.count) variables"))
    }
    if format == .sasTransport { try checkTransportEnd(input.bytes) }
    if let reportedRowCount, reportedRowCount != rowsRead {
      throw error(.rowCountMismatch(expected: reportedRowCount, found: rowsRead))
    }
    return StatisticalDataFile(
      path: file, format: format, name: name, label: label,
      rowCount: slots.isEmpty ? (reportedRowCount ?? 0) : rowsRead, variables: variables())
  }

  /// The error for a ReadStat status other than success, at the row and variable ReadStat was
  /// reading when it stopped.
  func error(for status: readstat_error_t) -> StatisticalFileError {
    let stoppedInData = rowsRead > 0 || nextIndex > 0
    let row = stoppedInData ? rowsRead + 1 : nil
    // ReadStat converts a row's values one by one after reading the row, so a conversion error
    // belongs to the next variable even at the start of a row; other errors there to the row.
    let isConversion = [
      READSTAT_ERROR_CONVERT, READSTAT_ERROR_CONVERT_BAD_STRING,
      READSTAT_ERROR_CONVERT_SHORT_STRING, READSTAT_ERROR_CONVERT_LONG_STRING,
    ].contains(status)
    let variable =
      stoppedInData && (nextIndex > 0 || isConversion) && nextIndex < names.count
      ? names[nextIndex] : nil
    var why = "ReadStat: " + String(cString: readstat_error_message(status))
    if var detail = messages.last {
      if detail.hasPrefix("ReadStat: ") { detail.removeFirst("ReadStat: ".count) }
      why += ": " + detail
    }
    let reason: StatisticalFileError.Reason
    switch status {
    // With the input in memory, a failed read or seek can only mean the file ends too early.
    case READSTAT_ERROR_READ, READSTAT_ERROR_SEEK:
      let detail =
        stoppedInData
        ? "it ends inside its data"
        : hasMetadata ? "it ends before its first row" : "it ends inside its header"
      reason = .truncated(detail: detail)
    case READSTAT_ERROR_ROW_COUNT_MISMATCH:
      if let reportedRowCount {
        return self.error(.rowCountMismatch(expected: reportedRowCount, found: rowsRead))
      }
      reason = .truncated(detail: "it holds fewer rows than its header says")
    case READSTAT_ERROR_MALLOC:
      reason = .outOfMemory
    case READSTAT_ERROR_UNSUPPORTED_COMPRESSION, READSTAT_ERROR_UNSUPPORTED_CHARSET,
      READSTAT_ERROR_UNSUPPORTED_FILE_FORMAT_VERSION:
      reason = .unsupported(why)
    case READSTAT_ERROR_CONVERT_BAD_STRING, READSTAT_ERROR_CONVERT_SHORT_STRING,
      READSTAT_ERROR_CONVERT_LONG_STRING:
      reason = .textConversion(why)
    default:
      reason = .damaged(why)
    }
    return self.error(row: row, variable: variable, reason)
  }
}
