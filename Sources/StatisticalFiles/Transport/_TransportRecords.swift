/// A read position in the header of a SAS transport file, which is a sequence of 80-byte records.
///
/// A header that ends early is refused as ReadStat's path refuses it: "it ends inside its
/// header" up to the NAMESTR header record, "it ends before its first row" after it.
struct _TransportCursor {
  let bytes: UnsafeRawBufferPointer
  let file: String
  var position = 0
  /// Whether the NAMESTR header record has been read (ReadStat reports the data set's metadata
  /// there).
  var hasMetadata = false

  init(_ bytes: UnsafeRawBufferPointer, file: String) {
    self.bytes = bytes
    self.file = file
  }

  func error(_ reason: StatisticalFileError.Reason) -> StatisticalFileError {
    StatisticalFileError(file: file, reason: reason)
  }

  var truncated: StatisticalFileError {
    error(.truncated(detail: hasMetadata ? "it ends before its first row" : "it ends inside its header"))
  }

  /// The next `count` bytes.
  mutating func take(_ count: Int) throws(StatisticalFileError) -> UnsafeRawBufferPointer {
    guard count <= bytes.count - position else { throw truncated }
    defer { position += count }
    return UnsafeRawBufferPointer(rebasing: bytes[position..<position + count])
  }

  /// The next 80-byte record.
  mutating func record() throws(StatisticalFileError) -> UnsafeRawBufferPointer {
    try take(_TransportFileLayout.recordLength)
  }

  /// Moves to the start of the next record unless at the start of one (the blanks that pad
  /// namestrs and label entries to a whole record).
  mutating func skipToRecordEnd() throws(StatisticalFileError) {
    let length = _TransportFileLayout.recordLength
    let rest = (length - position % length) % length
    _ = try take(rest)
  }

  /// The next record, which must be a header record called `name` (`version5` or `version8`,
  /// as the file's version says).
  mutating func expectHeader(_ version5: String, _ version8: String, version: SASTransportFile.Version)
    throws(StatisticalFileError) -> _HeaderRecord
  {
    let header = try _HeaderRecord(try record(), file: file)
    guard header.name == (version == .v5 ? version5 : version8) else { throw header.parseFailure }
    return header
  }
}

/// A header record: `HEADER RECORD*******` + a name of up to 8 characters padded with blanks +
/// `HEADER RECORD!!!!!!!` + numbers of 5 digits from byte 48 on.
///
/// The names are `LIBRARY`/`LIBV8`, `MEMBER`/`MEMBV8`, `DSCRPTR`/`DSCPTV8`, `NAMESTR`/`NAMSTV8`,
/// `LABELV8`, `LABELV9` and `OBS`/`OBSV8` (version 5/version 8). A record that is not one, or is
/// another than expected, is refused in ReadStat's words (`Invalid file, or file has unsupported
/// features`), so that a damaged header gives one message whichever reader meets it.
struct _HeaderRecord {
  static let prefix = Array("HEADER RECORD*******".utf8)
  static let infix = Array("HEADER RECORD!!!!!!!".utf8)
  /// ReadStat's explanation of a file it cannot parse.
  static let parseFailure = "ReadStat: Invalid file, or file has unsupported features"

  let record: UnsafeRawBufferPointer
  let file: String
  /// The name, without its padding.
  let name: String

  /// The header record in `record` (80 bytes).
  init(_ record: UnsafeRawBufferPointer, file: String) throws(StatisticalFileError) {
    self.record = record
    self.file = file
    let nameField = record[20..<28]
    let nameEnd = nameField.lastIndex { $0 != UInt8(ascii: " ") }.map { $0 + 1 } ?? 20
    name = String(decoding: record[20..<nameEnd], as: UTF8.self)
    guard record.prefix(20).elementsEqual(Self.prefix), record[28..<48].elementsEqual(Self.infix),
      !name.isEmpty, !name.utf8.contains(UInt8(ascii: " ")), Self.number(in: record, at: 48) != nil
    else {
      throw StatisticalFileError(file: file, reason: .damaged(Self.parseFailure))
    }
  }

  var parseFailure: StatisticalFileError {
    StatisticalFileError(file: file, reason: .damaged(Self.parseFailure))
  }

  /// The number in the 5 bytes at `offset` (48, 53, …): blanks, then digits up to the first
  /// byte that is not one; nil without a digit. ReadStat's writer left-justifies the count of
  /// a LABELV8 record (`1    `), SAS writes it with leading zeros.
  func number(at offset: Int) -> Int? { Self.number(in: record, at: offset) }

  static func number(in record: UnsafeRawBufferPointer, at offset: Int) -> Int? {
    var index = offset
    let end = offset + 5
    while index < end && record[index] == UInt8(ascii: " ") { index += 1 }
    var value = 0
    var digits = 0
    while index < end && record[index] >= UInt8(ascii: "0") && record[index] <= UInt8(ascii: "9") {
      value = value * 10 + Int(record[index] - UInt8(ascii: "0"))
      digits += 1
      index += 1
    }
    return digits > 0 ? value : nil
  }
}

/// The bytes of a text field of a header as ReadStat 1.1.8 takes them: up to the first NUL byte,
/// or without trailing blanks when there is none.
func _fieldText(_ field: UnsafeRawBufferPointer) -> [UInt8] {
  guard let base = field.baseAddress else { return [] }
  return Array(field.prefix(SASTransportFile.textLength(base, length: field.count)))
}

/// A big-endian 16-bit integer at `offset`.
func _uint16(_ bytes: UnsafeRawBufferPointer, _ offset: Int) -> Int {
  Int(bytes[offset]) << 8 | Int(bytes[offset + 1])
}
