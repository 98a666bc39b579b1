/// How to read a CSV file: the field delimiter and the spellings of a missing value.
public struct CSVReadOptions: Hashable, Sendable {
  /// The field delimiter; `nil` detects `,`, `;` or a tab from the header row (the one that
  /// occurs most often outside quotes; a comma wins ties and is used when none occurs).
  public var delimiter: CSVDelimiter?

  /// Values that mean "missing" (R: `na.strings`).
  ///
  /// A value is compared after surrounding spaces and tabs of an unquoted field are removed;
  /// quoted values are compared as written. Default: the empty value and `NA`.
  public var missingTokens: [String]

  /// Options with the given delimiter (nil: detect) and missing-value tokens.
  public init(delimiter: CSVDelimiter? = nil, missingTokens: [String] = ["", "NA"]) {
    self.delimiter = delimiter
    self.missingTokens = missingTokens
  }
}
