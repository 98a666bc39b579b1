extension StatisticalDataFile {
  /// The data set of a transport file with every value decoded: the same data set as ReadStat
  /// reads from the file.
  ///
  /// - Complexity: O(rows × variables).
  public init(_ transport: SASTransportFile) {
    let variables = transport.variables.indices.map { index -> StatisticalVariable in
      let variable = transport.variables[index]
      let values: StatisticalVariable.Values =
        switch variable.kind {
        case .number: .numbers(transport.numbers(ofVariable: index))
        case .text: .texts(transport.texts(ofVariable: index))
        case .date: .dates(transport.dates(ofVariable: index))
        case .dateTime: .dateTimes(transport.dateTimes(ofVariable: index))
        }
      return StatisticalVariable(name: variable.name, label: variable.label, format: variable.format, values: values)
    }
    self.init(
      path: transport.path, format: .sasTransport, name: transport.name, label: transport.label,
      rowCount: transport.rowCount, variables: variables)
  }
}
