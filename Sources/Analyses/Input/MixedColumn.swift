import ClinicalData

/// The check for a column of numbers with a few stray texts.
///
/// R's `read.csv` reads such a column as text, and a model then fits a coefficient per value
/// (one typo, `15kg`, turns weight into a factor of 53 levels); a table counts each value.
/// Numbers in more than half of the present cells make the column's texts errors.
enum MixedColumn {
  /// Throws at the first text of a column whose present cells are mostly numbers.
  ///
  /// - Parameter remedy: how to ask for categories instead, e.g. "write 'factor(weight)' in
  ///   the model".
  /// - Returns: the column's numbers when every present value is one, nil for a column of text.
  /// - Throws: ``ColumnMappingError/Reason/mostlyNumeric(column:value:moreCount:numberCount:remedy:)``.
  /// - Complexity: O(n).
  @discardableResult
  static func check(_ column: DataColumn, remedy: String) throws(ColumnMappingError) -> [Double?]? {
    do {
      return try column.numericValues()
    } catch {
      guard case .notANumber(let name, let value, let moreCount) = error.reason else { return nil }
      let textCount = moreCount + 1
      let numberCount = column.count - column.missingCount - textCount
      guard numberCount > textCount else { return nil }
      throw ColumnMappingError(
        at: error.location,
        .mostlyNumeric(column: name, value: value, moreCount: moreCount, numberCount: numberCount, remedy: remedy))
    }
  }
}
