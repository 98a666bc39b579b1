/// Where the rows of a transport file end, and whether the file ends where a whole file would.
///
/// The format does not record the number of rows: the rows run from the `OBS` header record to
/// the end of the file, padded with blanks to a whole 80-byte record. Rows of blanks at the end
/// are padding, as SAS and ReadStat read them (ReadStat keeps a blank row only when a row that
/// is not blank follows it). So the rows are those up to the last one with a byte that is not a
/// blank; a byte that is not a blank after the last whole row is a row cut short.
struct _TransportRows {
  /// The number of rows.
  let count: Int
  /// The 0-based row that the file cuts short, if it does, and the bytes it has.
  let cut: (row: Int, present: Int)?
  /// The file's size.
  let byteCount: Int
  let rowWidth: Int

  init(_ bytes: UnsafeRawBufferPointer, dataOffset: Int, rowWidth: Int) {
    byteCount = bytes.count
    self.rowWidth = rowWidth
    guard rowWidth > 0, dataOffset < bytes.count else {
      count = 0
      cut = nil
      return
    }
    let wholeRows = (bytes.count - dataOffset) / rowWidth
    let wholeEnd = dataOffset + wholeRows * rowWidth
    if let last = Self.lastNonBlank(bytes, from: dataOffset, before: bytes.count), last >= wholeEnd {
      cut = (row: wholeRows, present: bytes.count - wholeEnd)
    } else {
      cut = nil
    }
    count = Self.lastNonBlank(bytes, from: dataOffset, before: wholeEnd).map { ($0 - dataOffset) / rowWidth + 1 } ?? 0
  }

  /// The index of the last byte in `from..<before` that is not a blank.
  static func lastNonBlank(_ bytes: UnsafeRawBufferPointer, from start: Int, before end: Int) -> Int? {
    var index = end
    let blank = UInt8(ascii: " ")
    let blanks: UInt64 = 0x2020_2020_2020_2020
    // Eight bytes at a time: padding can span a whole row of a wide data set.
    while index - 8 >= start && bytes.loadUnaligned(fromByteOffset: index - 8, as: UInt64.self) == blanks {
      index -= 8
    }
    while index > start {
      index -= 1
      if bytes[index] != blank { return index }
    }
    return nil
  }

  /// Throws when a row is cut short or the file is not a whole number of 80-byte records.
  func checkEnd(file: String) throws(StatisticalFileError) {
    if let cut {
      throw StatisticalFileError(
        file: file, row: cut.row + 1,
        reason: .truncated(detail: "the row has \(cut.present) of its \(rowWidth) bytes"))
    }
    if byteCount % _TransportFileLayout.recordLength != 0 {
      throw StatisticalFileError(
        file: file,
        reason: .truncated(detail: "its \(byteCount) bytes are not a whole number of 80-byte records"))
    }
  }
}
