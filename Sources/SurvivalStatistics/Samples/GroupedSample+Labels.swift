/// Label handling for ``GroupedSample``: default ordering and label-to-code mapping.
extension GroupedSample {
  /// The distinct labels ordered as R's `factor()` orders them: numerically when every label
  /// reads as a number, otherwise by string comparison.
  ///
  /// - Complexity: O(n) look-ups plus O(k log k) for k distinct labels.
  static func defaultOrder(_ labels: [String]) -> [String] {
    var seen = Set<String>()
    var distinct: [String] = []
    var previous: String?
    for label in labels where label != previous {
      previous = label
      if seen.insert(label).inserted { distinct.append(label) }
    }
    let numbers = distinct.map { Double($0) }
    if numbers.allSatisfy({ $0 != nil && !$0!.isNaN }) {
      return zip(distinct, numbers).sorted { left, right in
        left.1! < right.1! || (left.1! == right.1! && left.0 < right.0)
      }.map(\.0)
    }
    return distinct.sorted()
  }

  /// The index of each label in `labels`.
  ///
  /// - Throws: ``SurvivalDataError/duplicateLabel(_:label:)`` or
  ///   ``SurvivalDataError/unknownLabel(_:index:label:allowed:)`` for the first unknown label.
  /// - Complexity: O(n) dictionary look-ups, skipped while the label repeats.
  static func codes(_ values: [String], labels: [String], variable: SurvivalDataError.Variable)
    throws(SurvivalDataError) -> [Int]
  {
    var codeOfLabel: [String: Int] = [:]
    for (code, label) in labels.enumerated() {
      if codeOfLabel.updateValue(code, forKey: label) != nil {
        throw .duplicateLabel(variable, label: label)
      }
    }
    var codes = [Int]()
    codes.reserveCapacity(values.count)
    var previousLabel: String?
    var previousCode = 0
    for (index, value) in values.enumerated() {
      if value != previousLabel {
        guard let code = codeOfLabel[value] else {
          throw .unknownLabel(variable, index: index, label: value, allowed: labels)
        }
        previousLabel = value
        previousCode = code
      }
      codes.append(previousCode)
    }
    return codes
  }

  /// The number of observations of each label, validating codes and labels.
  ///
  /// - Throws: ``SurvivalDataError/labelIndexOutOfRange(_:index:value:labelCount:)``,
  ///   ``SurvivalDataError/duplicateLabel(_:label:)`` or
  ///   ``SurvivalDataError/labelWithoutObservations(_:label:)``.
  /// - Complexity: O(n + k).
  static func labelCounts(_ codes: [Int], labels: [String], variable: SurvivalDataError.Variable)
    throws(SurvivalDataError) -> [Int]
  {
    var seen = Set<String>()
    for label in labels where !seen.insert(label).inserted {
      throw .duplicateLabel(variable, label: label)
    }
    var counts = [Int](repeating: 0, count: labels.count)
    for (index, code) in codes.enumerated() {
      guard code >= 0, code < labels.count else {
        throw .labelIndexOutOfRange(variable, index: index, value: code, labelCount: labels.count)
      }
      counts[code] += 1
    }
    if let empty = counts.firstIndex(of: 0) {
      throw .labelWithoutObservations(variable, label: labels[empty])
    }
    return counts
  }
}
