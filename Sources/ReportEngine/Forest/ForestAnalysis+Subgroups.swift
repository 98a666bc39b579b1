import ClinicalCSV
import SurvivalFigures
import SurvivalStatistics

extension ForestAnalysis {
  /// A name as a formula term: backquoted unless it is a plain R name.
  static func term(_ name: String) -> String {
    let plain = name.first.map { $0.isLetter || $0 == "." } == true
      && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
    return plain ? name : "`\(name)`"
  }

  /// The distinct values of a column in R's factor order (numerically when all are numbers).
  static func levels(_ column: DataColumn) -> [String] {
    let values = column.distinctValues().values
    let numbers = values.map { CSVNumber.parse($0) }
    if !numbers.contains(nil) {
      return zip(values, numbers).sorted { $0.1! < $1.1! }.map(\.0)
    }
    return values.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
  }

  static func subgroups(
    _ table: DataTable, _ request: ForestRequest, time: String, event: String, treatment: String,
    subgroups: [String]
  ) throws -> ForestAnalysis {
    let response = "Surv(\(term(time)), \(term(event)))"
    let arm = "factor(\(term(treatment)))"
    let treatmentColumn = try table.column(named: treatment)
    let arms = levels(treatmentColumn)
    guard arms.count == 2 else {
      throw CoxAnalysisError(
        file: table.file, formula: "\(response) ~ \(arm)",
        message: "a subgroup forest plot compares two treatment groups; '\(treatment)' has \(arms.count): \(arms.map { "'\($0)'" }.joined(separator: ", "))")
    }
    func display(_ name: String) -> String { request.labels[name] ?? name }

    func row(_ label: String, indent: Int, kind: ForestRow.Kind, rows: [Int]?) throws -> (ForestRow, JSONValue) {
      let subset = try rows.map { try table.deriving(columns: [], rows: $0) } ?? table
      let analysis = try? fit(subset, request, formula: "\(response) ~ \(arm)")
      let c = analysis?.fit.coefficients.first
      let n = analysis?.fit.observationCount ?? subset.rowCount
      let events = analysis?.fit.eventCount ?? 0
      let estimate = c.flatMap { Self.estimate($0, in: analysis?.fit) }.map { e -> ForestRow.Estimate in
        var weighted = e
        weighted.weight = Double(events)
        return weighted
      }
      let json = JSONValue.object(
        [("subgroup", .string(label)), ("n", .int(n)), ("events", .int(events))] + (c.map { Self.json($0, in: analysis?.fit).objectPairs } ?? []))
      return (
        ForestRow(kind: kind, label: label, indent: indent, cells: [String(n), String(events)], estimates: [estimate], note: "NE"),
        json
      )
    }

    var rows: [ForestRow] = []
    var entries: [JSONValue] = []
    let (overall, overallJSON) = try row("All patients", indent: 0, kind: .summary, rows: nil)
    rows.append(overall)
    entries.append(overallJSON)
    for variable in subgroups {
      let column = try table.column(named: variable)
      let factor = "factor(\(term(variable)))"
      let main = try fit(table, request, formula: "\(response) ~ \(arm) + \(factor)").fit
      let full = try fit(table, request, formula: "\(response) ~ \(arm) * \(factor)").fit
      let df = full.coefficients.filter { !$0.isAliased }.count - main.coefficients.filter { !$0.isAliased }.count
      let statistic = max(0, 2 * (full.logLikelihood - main.logLikelihood))
      let p = df > 0 ? Distributions.chiSquareUpperTail(statistic, degreesOfFreedom: Double(df)) : nil
      rows.append(ForestRow(kind: .header, label: display(variable), headerP: p))
      entries.append(
        .object([
          ("interaction", .string(variable)), ("statistic", .number(statistic)), ("df", .int(df)), ("p", .number(p)),
        ]))
      let text = column.textValues()
      for level in levels(column) {
        let selected = text.indices.filter { text[$0].map { CSVNumber.parse($0) == CSVNumber.parse(level) && CSVNumber.parse(level) != nil || $0 == level } ?? false }
        let (levelRow, json) = try row(display(level), indent: 1, kind: .estimate, rows: selected)
        rows.append(levelRow)
        entries.append(json)
      }
    }
    return ForestAnalysis(
      rows: rows, seriesNames: [""], extraColumns: ["n", "Events"],
      json: .object([
        ("form", .string("subgroups")), ("treatment", .string(treatment)),
        ("comparison", .string("\(arms[1]) vs \(arms[0])")), ("estimates", .array(entries)),
      ]))
  }

  static func estimates(
    _ table: DataTable, label: String, estimate: String, lower: String, upper: String, p: String?,
    n: String?, group: String?
  ) throws -> ForestAnalysis {
    let labels = try table.column(named: label).textValues()
    let values = try table.column(named: estimate).numericValues()
    let lowers = try table.column(named: lower).numericValues()
    let uppers = try table.column(named: upper).numericValues()
    let ps = try p.map { try table.column(named: $0).numericValues() }
    let ns = try n.map { try table.column(named: $0).textValues() }
    let groups = try group.map { try table.column(named: $0).textValues() }
    var rows: [ForestRow] = []
    var entries: [JSONValue] = []
    var currentGroup: String?
    for row in 0..<table.rowCount {
      if let g = groups?[row], g != currentGroup {
        rows.append(ForestRow(kind: .header, label: g))
        currentGroup = g
      }
      let text = labels[row] ?? ""
      let cells = ns.map { [$0[row] ?? ""] } ?? []
      guard let v = values[row], let lo = lowers[row], let hi = uppers[row] else {
        rows.append(ForestRow(kind: .reference, label: text, indent: groups == nil ? 0 : 1, cells: cells))
        continue
      }
      guard v > 0, lo > 0, hi > 0, lo <= v, v <= hi else {
        throw ForestInputError(
          location: table.location(row: row, column: table.index(ofColumn: estimate) ?? 0),
          message: "estimates must be ratios with 0 < lower ≤ estimate ≤ upper, found \(JSONValue.format(v)) (\(JSONValue.format(lo))–\(JSONValue.format(hi)))")
      }
      rows.append(
        ForestRow(
          kind: .estimate, label: text, indent: groups == nil ? 0 : 1, cells: cells,
          estimates: [ForestRow.Estimate(value: v, lower: lo, upper: hi, p: ps?[row])]))
      entries.append(.object([("label", .string(text)), ("hr", .number(v)), ("lower", .number(lo)), ("upper", .number(hi)), ("p", .number(ps?[row]))]))
    }
    return ForestAnalysis(
      rows: rows, seriesNames: [""], extraColumns: n == nil ? [] : ["n"],
      json: .object([("form", .string("estimates")), ("estimates", .array(entries))]))
  }
}

/// A table of estimates that cannot be drawn, at its file position.
public struct ForestInputError: Error, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String
  public var description: String { "\(location): \(message)" }
}
