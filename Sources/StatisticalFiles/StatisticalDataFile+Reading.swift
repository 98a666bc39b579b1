/// Reads the data set in `bytes`, whose signature matched `format`; `file` names it in errors.
///
/// Transport files are read natively (``SASTransportFile``) unless `transportThroughReadStat`;
/// the other formats through ReadStat.
func _readDataSet(
  _ bytes: _FileBytes, format: StatisticalDataFile.Format, file: String, transportThroughReadStat: Bool = false
) throws(StatisticalFileError) -> StatisticalDataFile {
  if format == .sasTransport && !transportThroughReadStat {
    return StatisticalDataFile(try SASTransportFile(bytes, path: file, file: file))
  }
  if format == .sasTransport {
    let count = _TransportFileLayout.dataSetCount(bytes.bytes)
    if count > 1 { throw StatisticalFileError(file: file, reason: .multipleDataSets(count: count)) }
  }
  let parser = try _ReadStatParser(file: file)
  // The input points into `bytes`, which must outlive the parse and the checks after it.
  return try withExtendedLifetime(bytes) { () throws(StatisticalFileError) in
    var state = _ReadState(
      input: _MemoryInput(bytes.bytes),
      dataSet: _DataSetBuilder(file: file, format: format, byteCount: bytes.count))
    let status = withUnsafeMutablePointer(to: &state) { parser.parse(format, state: $0) }
    return try state.dataSet.finish(status: status, input: state.input)
  }
}
