/// The header of a SAS transport file: everything before the rows.
///
/// Records, in order (TS-140; version 8 names after the slash):
///
/// | record | content |
/// |---|---|
/// | 1 | header `LIBRARY`/`LIBV8`: the version |
/// | 2, 3 | `SAS`, `SASLIB`, SAS version, OS, created; modified (not read) |
/// | 4 | header `MEMBER`/`MEMBV8`; bytes 74–77 the namestr length, 140 (136 on VAX/VMS) |
/// | 5 | header `DSCRPTR`/`DSCPTV8` |
/// | 6 | `SAS` + data set name (8 bytes from byte 8; 32 in version 8) + `SASDATA` + … |
/// | 7 | modified + blanks + data set label (40 bytes from byte 32) + type |
/// | 8 | header `NAMESTR`/`NAMSTV8`; bytes 54–57 the number of variables |
/// | … | one namestr per variable, end to end, padded with blanks to a whole record |
/// | (v8) | optionally header `LABELV8` or `LABELV9`, then its entries, padded the same way |
/// | | header `OBS`/`OBSV8`, then the rows |
///
/// A namestr (big-endian integers): `ntype` (1 numeric, 2 character) at 0, `nlng` (the length)
/// at 4, `nname` (8) at 8, `nlabel` (40) at 16, `nform` (8) at 56, `nfl` (format width) at 64,
/// `nfd` (format decimals) at 66, `npos` (offset in the row) at 84, and in version 8 `longname`
/// (32) at 88. A `LABELV8` entry is the variable's number (from 1), the lengths of its name and
/// label, then the name and label; a `LABELV9` entry adds the lengths of a format and an
/// informat, and them after the label.
///
/// The header is read as ReadStat reads it, so that a variable means the same through either
/// reader: text fields end at a NUL byte or lose their trailing blanks; a format is
/// `nform` + `nfl` + `.nfd` (zeros left out) unless a `LABELV9` entry gives it; offsets are the
/// lengths of the variables before (ReadStat does not consult `npos`). A name, label or format
/// that is not UTF-8 is refused, naming the variable.
struct _TransportHeader {
  var version: SASTransportFile.Version
  var name: String?
  var label: String?
  var variables: [SASTransportFile.Variable] = []
  var rowWidth = 0
  var dataOffset = 0

  /// A variable as its namestr and label entry give it, before its text is checked.
  private struct RawVariable {
    var type: Int
    var length: Int
    var name: [UInt8]
    var label: [UInt8]
    var format: [UInt8]
  }

  init(_ bytes: UnsafeRawBufferPointer, file: String) throws(StatisticalFileError) {
    var cursor = _TransportCursor(bytes, file: file)
    let library = try _HeaderRecord(try cursor.record(), file: file)
    switch library.name {
    case "LIBRARY": version = .v5
    case "LIBV8": version = .v8
    default:
      throw cursor.error(.unsupported("ReadStat: This version of the file format is not supported"))
    }
    _ = try cursor.record()
    _ = try cursor.record()
    let member = try cursor.expectHeader("MEMBER", "MEMBV8", version: version)
    let namestrLength = member.number(at: 73) == 136 && version == .v5 ? 136 : 140
    _ = try cursor.expectHeader("DSCRPTR", "DSCPTV8", version: version)
    let nameBytes = _fieldText(UnsafeRawBufferPointer(rebasing: try cursor.record()[8..<(version == .v5 ? 16 : 40)]))
    let labelBytes = _fieldText(UnsafeRawBufferPointer(rebasing: try cursor.record()[32..<72]))
    let namestrHeader = try cursor.expectHeader("NAMESTR", "NAMSTV8", version: version)
    let count = namestrHeader.number(at: 53) ?? 0
    cursor.hasMetadata = true
    name = try Self.text(nameBytes, variable: nil, file: file)
    label = try Self.text(labelBytes, variable: nil, file: file)

    var raw: [RawVariable] = []
    raw.reserveCapacity(min(count, bytes.count / namestrLength))
    for _ in 0..<count {
      raw.append(Self.namestr(try cursor.take(namestrLength), version: version))
    }
    try cursor.skipToRecordEnd()
    if version == .v5 {
      _ = try cursor.expectHeader("OBS", "OBSV8", version: version)
    } else {
      // The OBSV8 header, or LABELV8/LABELV9 entries and then it. ReadStat takes a header
      // record of any other name for the OBSV8 header, and so does this reader.
      let next = try _HeaderRecord(try cursor.record(), file: file)
      if next.name == "LABELV8" || next.name == "LABELV9" {
        try Self.readLabels(
          &raw, count: next.number(at: 48) ?? 0, hasFormats: next.name == "LABELV9", cursor: &cursor,
          failure: next.parseFailure)
        try cursor.skipToRecordEnd()
        _ = try cursor.expectHeader("OBS", "OBSV8", version: version)
      }
    }
    dataOffset = cursor.position

    for variable in raw {
      let name = try Self.text(variable.name, variable: nil, file: file) ?? ""
      let label = try Self.text(variable.label, variable: name, file: file)
      let format = try Self.text(variable.format, variable: name, file: file)
      variables.append(
        SASTransportFile.Variable(
          name: name, label: label, format: format.map { _spelled($0, in: .sasTransport) },
          kind: .init(type: variable.type, format: format), offset: rowWidth, length: variable.length))
      rowWidth += variable.length
    }
  }

  /// The variable a namestr describes.
  private static func namestr(_ bytes: UnsafeRawBufferPointer, version: SASTransportFile.Version) -> RawVariable {
    func field(_ range: Range<Int>) -> [UInt8] { _fieldText(UnsafeRawBufferPointer(rebasing: bytes[range])) }
    var format = field(56..<64)
    let width = _uint16(bytes, 64)
    let decimals = _uint16(bytes, 66)
    if width != 0 { format += Array(String(width).utf8) }
    if decimals != 0 { format += Array(".\(decimals)".utf8) }
    return RawVariable(
      type: _uint16(bytes, 0), length: _uint16(bytes, 4), name: field(version == .v5 ? 8..<16 : 88..<120),
      label: field(16..<56), format: format)
  }

  /// Reads `count` entries of a `LABELV8` record (or `LABELV9`, `hasFormats`) into `variables`.
  private static func readLabels(
    _ variables: inout [RawVariable], count: Int, hasFormats: Bool, cursor: inout _TransportCursor,
    failure: StatisticalFileError
  ) throws(StatisticalFileError) {
    for _ in 0..<count {
      let lengths = try cursor.take(hasFormats ? 10 : 6)
      let index = _uint16(lengths, 0)
      guard index >= 1 && index <= variables.count else { throw failure }
      let name = _fieldText(try cursor.take(_uint16(lengths, 2)))
      let label = _fieldText(try cursor.take(_uint16(lengths, 4)))
      variables[index - 1].name = name
      variables[index - 1].label = label
      if hasFormats {
        variables[index - 1].format = _fieldText(try cursor.take(_uint16(lengths, 6)))
        _ = try cursor.take(_uint16(lengths, 8))
      }
    }
  }

  /// `bytes` as text, nil when empty; bytes that are not UTF-8 are refused.
  static func text(_ bytes: [UInt8], variable: String?, file: String) throws(StatisticalFileError) -> String? {
    guard !bytes.isEmpty else { return nil }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw StatisticalFileError(file: file, variable: variable, reason: .invalidUTF8(bytes))
    }
    return text
  }
}
