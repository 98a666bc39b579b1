import Foundation
import StatisticalFiles

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

extension DataTable {
  /// The file name of standard input in messages.
  public static let standardInputName = "<stdin>"

  /// Reads a data file, its reader chosen by the extension and checked against the content:
  /// SAS transport (`.xpt`, v5 and v8) natively and lazily (`DataTable(_: SASTransportFile)`),
  /// SAS (`.sas7bdat`), Stata (`.dta`) and SPSS (`.sav`) through ReadStat, anything else as CSV
  /// (a `.tsv` file with tabs); `-` reads CSV from standard input.
  ///
  /// Variables of data set files keep their labels; their date and datetime formats make date
  /// columns (a datetime becomes the day it falls on); missing values of every kind are missing.
  /// - Parameters:
  ///   - path: The file's path, or `-`.
  ///   - displayName: The name used in messages; defaults to `path` as given.
  ///   - options: Delimiter and missing-value tokens of CSV.
  /// - Throws: ``DataError`` when the file cannot be read, is not a valid table, or is a data set
  ///   file named as CSV; a damaged data set file names the row and variable where known.
  public init(
    contentsOfFile path: String, displayName: String? = nil, options: CSVReadOptions = CSVReadOptions()
  ) throws(DataError) {
    let fileExtension = (path as NSString).pathExtension.lowercased()
    if path == "-" {
      let file = displayName ?? Self.standardInputName
      try self.init(bytes: try _readDescriptor(STDIN_FILENO, file: file), file: file, options: options)
      return
    }
    let file = displayName ?? path
    if let format = StatisticalDataFile.Format(fileExtension: fileExtension) {
      do {
        if format == .sasTransport {
          self.init(try SASTransportFile(contentsOfFile: path, displayName: file))
        } else {
          self.init(try StatisticalDataFile(contentsOfFile: path, displayName: file))
        }
      } catch {
        throw DataError(file: error.file, row: error.row, variable: error.variable, reason: .dataSet(error.message))
      }
      return
    }
    let bytes = try _readFile(path, file: file)
    if let format = StatisticalDataFile.Format(content: Array(bytes.prefix(64))) {
      throw DataError(file: file, reason: .notText(format: format.description, fileExtension: format.fileExtension))
    }
    var options = options
    if options.delimiter == nil && fileExtension == "tsv" { options.delimiter = .tab }
    try self.init(bytes: bytes, file: file, options: options)
  }

  /// A table of a data set file's variables, in order, with their labels.
  public init(_ dataSet: StatisticalDataFile) {
    let columns = dataSet.variables.map { variable -> _Column in
      let cells: _Cells
      switch variable.values {
      case .numbers(let values): cells = .numbers(values)
      case .texts(let values): cells = .texts(values)
      case .dates(let values): cells = .dates(values)
      case .dateTimes(let values):
        // Readers refuse date times whose day does not fit; any other day is missing, not a trap.
        cells = .dates(values.map { $0.flatMap { Int(exactly: ($0 / 86_400).rounded(.down)) } })
      }
      return _Column(name: variable.name, label: variable.label, cells: cells, rows: nil)
    }
    let file = dataSet.path
    self.init(file: file, columns: columns, rowCount: dataSet.rowCount, rowSource: .records, sourceRows: nil)
  }
}

extension DataError {
  init(file: String, row: Int?, variable: String?, reason: Reason) {
    self.init(file: file, reason: reason)
    self.row = row
    self.variable = variable
  }
}

/// The bytes of a file: one `read` sized by `fstat` for regular files, chunks otherwise.
func _readFile(_ path: String, file: String) throws(DataError) -> [UInt8] {
  let descriptor = open(path, O_RDONLY)
  guard descriptor >= 0 else { throw DataError(file: file, reason: .unreadableFile(String(cString: strerror(errno)))) }
  defer { close(descriptor) }
  return try _readDescriptor(descriptor, file: file)
}

/// The bytes of an open file descriptor (a file, a pipe, standard input).
func _readDescriptor(_ descriptor: Int32, file: String) throws(DataError) -> [UInt8] {
  func failure(_ code: Int32) -> DataError {
    DataError(file: file, reason: .unreadableFile(String(cString: strerror(code))))
  }
  var status = stat()
  guard fstat(descriptor, &status) == 0 else { throw failure(errno) }
  if status.st_mode & S_IFMT == S_IFDIR { throw failure(EISDIR) }
  let expected = status.st_mode & S_IFMT == S_IFREG ? Int(status.st_size) : 0
  guard expected < 1 << 31 else {
    throw DataError(file: file, reason: .fileTooLarge(byteCount: expected))
  }

  var result: [UInt8] = []
  var capacity = max(expected + 1, 1 << 16)
  while true {
    var readError: Int32 = 0
    var reachedEnd = false
    let previous = result
    result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
      let base = buffer.baseAddress.unsafelyUnwrapped
      previous.withUnsafeBufferPointer { old in
        if let source = old.baseAddress { base.initialize(from: source, count: old.count) }
      }
      count = previous.count
      while count < capacity {
        let got = read(descriptor, base + count, capacity - count)
        if got < 0 {
          if errno == EINTR { continue }
          readError = errno
          return
        }
        if got == 0 {
          reachedEnd = true
          return
        }
        count += got
      }
    }
    if readError != 0 { throw failure(readError) }
    if reachedEnd { break }
    guard result.count < 1 << 31 else {
      throw DataError(file: file, reason: .fileTooLarge(byteCount: result.count))
    }
    capacity *= 2
  }
  return result
}
