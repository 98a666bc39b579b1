internal import CReadStat

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How one variable's values are kept while reading: which typed array, at which index.
struct _ColumnSlot {
  enum Kind {
    case number
    case date(_TemporalFormat)
    case dateTime(_TemporalFormat)
    case text
  }

  var kind: Kind
  /// The index in the builder's arrays of that kind.
  var storage: Int
  /// Whether the variable declares user-missing values (SPSS) that ReadStat must be asked about.
  var hasDefinedMissing: Bool
}

/// The data set under construction, filled by ReadStat's metadata, variable and value callbacks.
///
/// Values go straight into typed arrays, reserved at the first value from the row count the file
/// gives (or, without one, the number of rows the rest of the file has room for). ReadStat
/// delivers values row by row in variable order; the builder checks that it does, so every array
/// ends with one value per row.
struct _DataSetBuilder {
  let file: String
  let format: StatisticalDataFile.Format
  let byteCount: Int

  var name: String?
  var label: String?
  /// The row count from the header; nil for transport files, which have none.
  var reportedRowCount: Int?
  var hasMetadata = false

  var slots: [_ColumnSlot] = []
  var names: [String] = []
  var labels: [String?] = []
  var formats: [String?] = []
  /// The bytes a row takes in a transport file (the sum of the variables' storage widths).
  var rowWidth = 0
  /// The input position when the last variable was described: where a transport file's rows begin.
  var dataStart = 0

  var numbers: [[Double?]] = []
  var dates: [[Int?]] = []
  var dateTimes: [[Double?]] = []
  var texts: [[String?]] = []
  /// Each text variable's recent long values, shared by the rows that repeat them.
  var recentTexts: [_RecentTexts] = []

  /// The number of complete rows so far.
  var rowsRead = 0
  /// The variable whose value comes next in the current row.
  var nextIndex = 0
  /// The input position after the last complete row.
  var positionAfterLastRow: Int?
  /// The error a callback met, which made it stop the parse.
  var failure: StatisticalFileError?
  /// Messages ReadStat's error callback reported.
  var messages: [String] = []

  init(file: String, format: StatisticalDataFile.Format, byteCount: Int) {
    self.file = file
    self.format = format
    self.byteCount = byteCount
  }

  func error(
    row: Int? = nil, variable: String? = nil, _ reason: StatisticalFileError.Reason
  ) -> StatisticalFileError {
    StatisticalFileError(file: file, row: row, variable: variable, reason: reason)
  }

  /// A C string from ReadStat as text, nil when absent or empty; bytes that are not UTF-8 throw.
  func text(_ cString: UnsafePointer<CChar>?, variable: String?) throws(StatisticalFileError)
    -> String?
  {
    guard let cString else { return nil }
    let length = strlen(cString)
    guard length > 0 else { return nil }
    guard let text = String(validatingCString: cString) else {
      let bytes = UnsafeRawBufferPointer(start: cString, count: length)
      throw error(variable: variable, .invalidUTF8(Array(bytes)))
    }
    return text
  }

  // MARK: - Callbacks

  mutating func setMetadata(_ metadata: UnsafeMutablePointer<readstat_metadata_t>)
    throws(StatisticalFileError)
  {
    let rows = readstat_get_row_count(metadata)
    reportedRowCount = rows >= 0 ? Int(rows) : nil
    name = try text(readstat_get_table_name(metadata), variable: nil)
    label = try text(readstat_get_file_label(metadata), variable: nil)
    hasMetadata = true
  }

  mutating func addVariable(
    index: Int, _ variable: UnsafeMutablePointer<readstat_variable_t>, position: Int
  ) throws(StatisticalFileError) {
    guard index == names.count else {
      throw error(.damaged("ReadStat described variable \(index + 1) out of order"))
    }
    let name = try text(readstat_variable_get_name(variable), variable: nil) ?? ""
    let label = try text(readstat_variable_get_label(variable), variable: name)
    let format = try text(readstat_variable_get_format(variable), variable: name)

    let kind: _ColumnSlot.Kind
    let storage: Int
    if readstat_variable_get_type_class(variable) == READSTAT_TYPE_CLASS_STRING {
      kind = .text
      storage = texts.count
      texts.append([])
      recentTexts.append(_RecentTexts())
    } else if let temporal = format.flatMap({ _TemporalFormat(format: $0, in: self.format) }) {
      if temporal.isDate {
        kind = .date(temporal)
        storage = dates.count
        dates.append([])
      } else {
        kind = .dateTime(temporal)
        storage = dateTimes.count
        dateTimes.append([])
      }
    } else {
      kind = .number
      storage = numbers.count
      numbers.append([])
    }
    slots.append(
      _ColumnSlot(
        kind: kind, storage: storage,
        hasDefinedMissing: readstat_variable_get_missing_ranges_count(variable) > 0))
    names.append(name)
    labels.append(label)
    formats.append(format.map { _spelled($0, in: self.format) })
    rowWidth += readstat_variable_get_storage_width(variable)
    dataStart = position
  }

  /// Adds the value of variable `index` in `row` (both 0-based); `position` is the input position.
  @inline(__always)
  mutating func addValue(
    row: Int, index: Int, _ value: readstat_value_t,
    _ variable: UnsafeMutablePointer<readstat_variable_t>, position: Int
  ) throws(StatisticalFileError) {
    guard row == rowsRead, index == nextIndex, index < slots.count else {
      throw error(
        row: rowsRead + 1,
        .damaged("ReadStat delivered row \(row + 1), variable \(index + 1) out of order"))
    }
    if row == 0 && index == 0 { reserveCapacity() }
    let slot = slots[index]
    switch slot.kind {
    case .number:
      numbers[slot.storage].append(number(value, variable, slot.hasDefinedMissing))
    case .date(let temporal):
      if let number = number(value, variable, slot.hasDefinedMissing) {
        guard let day = temporal.days(number) else {
          throw error(
            row: row + 1, variable: names[index],
            .dateOutOfRange(number, format: formats[index] ?? ""))
        }
        dates[slot.storage].append(day)
      } else {
        dates[slot.storage].append(nil)
      }
    case .dateTime(let temporal):
      let number = number(value, variable, slot.hasDefinedMissing)
      let seconds = number.map(temporal.seconds)
      // A table keeps a date time's day: it must be a whole number of days that fits.
      if let number, let seconds, !(seconds.isFinite && abs(seconds / 86_400) < 0x8000_0000) {
        throw error(
          row: row + 1, variable: names[index], .dateOutOfRange(number, format: formats[index] ?? ""))
      }
      dateTimes[slot.storage].append(seconds)
    case .text:
      let text = try textValue(value, variable, slot, row: row, index: index)
      texts[slot.storage].append(text)
    }
    nextIndex += 1
    if nextIndex == slots.count {
      nextIndex = 0
      rowsRead += 1
      positionAfterLastRow = position
    }
  }

  /// A numeric value, nil when it is system-missing, a special (tagged) missing value, NaN or
  /// user-missing.
  @inline(__always)
  func number(
    _ value: readstat_value_t, _ variable: UnsafeMutablePointer<readstat_variable_t>,
    _ hasDefinedMissing: Bool
  ) -> Double? {
    if value.is_system_missing != 0 || value.is_tagged_missing != 0 { return nil }
    let number = readstat_double_value(value)
    if number.isNaN { return nil }
    if hasDefinedMissing && readstat_value_is_defined_missing(value, variable) != 0 { return nil }
    return number
  }

  /// A text value, nil when empty or user-missing. A value of more than 15 bytes (longer than a
  /// string stores inline) that repeats a recent one shares its string.
  @inline(__always)
  mutating func textValue(
    _ value: readstat_value_t, _ variable: UnsafeMutablePointer<readstat_variable_t>,
    _ slot: _ColumnSlot, row: Int, index: Int
  ) throws(StatisticalFileError) -> String? {
    guard let cString = readstat_string_value(value) else { return nil }
    let length = strlen(cString)
    guard length > 0 else { return nil }
    if slot.hasDefinedMissing && readstat_value_is_defined_missing(value, variable) != 0 {
      return nil
    }
    let isShared = length > 15
    if isShared, let recent = recentTexts[slot.storage].find(cString, length: length) {
      return recent
    }
    // The non-generic initialiser: the generic `String(validating:as:)` costs a metadata lookup
    // per value.
    guard let text = String(validatingCString: cString) else {
      let bytes = UnsafeRawBufferPointer(start: cString, count: length)
      throw error(row: row + 1, variable: names[index], .invalidUTF8(Array(bytes)))
    }
    if isShared { recentTexts[slot.storage].remember(text) }
    return text
  }

  /// Reserves every array for the rows to come: the header's row count, but no more than the file
  /// has a byte per value for (a damaged header may claim any count); for transport files, whose
  /// header has none, the rows the rest of the file has room for.
  mutating func reserveCapacity() {
    let capacity: Int
    if let reportedRowCount {
      capacity = min(reportedRowCount, byteCount / max(1, slots.count))
    } else if rowWidth > 0 {
      capacity = max(0, byteCount - dataStart) / rowWidth
    } else {
      capacity = 0
    }
    for index in numbers.indices { numbers[index].reserveCapacity(capacity) }
    for index in dates.indices { dates[index].reserveCapacity(capacity) }
    for index in dateTimes.indices { dateTimes[index].reserveCapacity(capacity) }
    for index in texts.indices { texts[index].reserveCapacity(capacity) }
  }

  /// The variables with their values.
  func variables() -> [StatisticalVariable] {
    slots.indices.map { index in
      let slot = slots[index]
      let values: StatisticalVariable.Values =
        switch slot.kind {
        case .number: .numbers(numbers[slot.storage])
        case .date: .dates(dates[slot.storage])
        case .dateTime: .dateTimes(dateTimes[slot.storage])
        case .text: .texts(texts[slot.storage])
        }
      return StatisticalVariable(
        name: names[index], label: labels[index], format: formats[index], values: values)
    }
  }
}

/// A display format as the program spells it: SAS formats always end their width with a period
/// (`DATE9.`, `DATE.`), which ReadStat leaves out for transport files.
func _spelled(_ format: String, in file: StatisticalDataFile.Format) -> String {
  switch file {
  case .sasTransport, .sas7bdat: format.contains(".") ? format : format + "."
  case .stata, .spss: format
  }
}
