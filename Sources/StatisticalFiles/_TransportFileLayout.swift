/// Checks of a SAS transport file's layout that ReadStat does not make.
///
/// A transport file is a sequence of 80-byte records: a library header, then per data set
/// (member) a member header, its variable descriptions and its rows, packed end to end and padded
/// with blanks to a whole record. ReadStat reads the first member's rows until the file ends, so
/// it would read a second member's headers as rows, and silently drop a last row cut short.
enum _TransportFileLayout {
  static let recordLength = 80
  static let memberHeaders = [
    Array("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!".utf8),
    Array("HEADER RECORD*******MEMBV8  HEADER RECORD!!!!!!!".utf8),
  ]

  /// The number of member headers at record boundaries: the number of data sets in the file.
  ///
  /// A row could hold the 48 bytes of a member header at a record boundary only by design, so
  /// the count is exact for real files.
  static func dataSetCount(_ bytes: UnsafeRawBufferPointer) -> Int {
    let headerLength = memberHeaders[0].count
    var count = 0
    var offset = 0
    while offset + headerLength <= bytes.count {
      if bytes[offset] == UInt8(ascii: "H") {
        let record = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + headerLength])
        if memberHeaders.contains(where: { record.elementsEqual($0) }) { count += 1 }
      }
      offset += recordLength
    }
    return count
  }
}

extension _DataSetBuilder {
  /// Checks that what follows a transport file's last row is blank padding and that the file is
  /// a whole number of records: anything else is a row cut short.
  func checkTransportEnd(_ bytes: UnsafeRawBufferPointer) throws(StatisticalFileError) {
    let end = positionAfterLastRow ?? dataStart
    let rest = bytes[min(end, bytes.count)...]
    if let firstNonBlank = rest.firstIndex(where: { $0 != UInt8(ascii: " ") }), rowWidth > 0 {
      // ReadStat skips blank rows it cannot tell from padding; count them back in.
      let blankRows = (firstNonBlank - end) / rowWidth
      let present = rest.count - blankRows * rowWidth
      throw error(
        row: rowsRead + blankRows + 1,
        .truncated(detail: "the row has \(present) of its \(rowWidth) bytes"))
    }
    if bytes.count % _TransportFileLayout.recordLength != 0 {
      throw error(
        .truncated(
          detail: "its \(bytes.count) bytes are not a whole number of 80-byte records"))
    }
  }
}
