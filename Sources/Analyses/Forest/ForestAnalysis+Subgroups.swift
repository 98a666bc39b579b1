import ClinicalData
import SurvivalFigures
import SurvivalStatistics

extension ForestAnalysis {
  /// A name as a formula term: backquoted unless it is a plain R name.
  static func term(_ name: String) -> String {
    let plain =
      name.first.map { $0.isLetter || $0 == "." } == true
      && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" }
    return plain ? name : "`\(name)`"
  }

  /// The distinct values of a column in R's factor order (numerically when all are numbers).
  static func levels(_ column: DataColumn) -> [String] {
    Factor.ordered(column.distinctValues().values, number: CSVNumber.parse)
  }

  /// Subgroup variables with more distinct values than this are rejected: they are
  /// measurements, not groupings (a subgroup per value would have a few patients each).
  static let maximumSubgroupLevels = 10
  /// The same limit for a numeric column, whose codes (ECOG 0–4, stage 1–4) rarely exceed it.
  static let maximumNumericSubgroupLevels = 6

  /// The hazard ratio of the treatment's second level against its first, overall and within
  /// each level of each subgroup variable, with per arm the events and patients, and per
  /// subgroup variable the likelihood-ratio test of the treatment-by-subgroup interaction
  /// (`~ arm + subgroup` against `~ arm * subgroup`, on the same rows). The figure shows only
  /// the interaction P (column "P for interaction"); the JSON also has each subgroup's Wald P.
  static func subgroups(
    _ table: DataTable, _ request: ForestRequest, time: String, event: String, treatment: String,
    subgroups: [String]
  ) throws -> ForestAnalysis {
    let response = "Surv(\(term(time)), \(term(event)))"
    let arm = "factor(\(term(treatment)))"
    // The times and events are checked once here: a subgroup whose fit fails is left empty.
    if let formula = try? ModelFormula(parsing: "\(response) ~ \(arm)") {
      try CoxAnalysis.checkColumns(of: formula, in: table)
    }
    let treatmentColumn = try table.column(named: treatment)
    let arms = levels(treatmentColumn)
    guard arms.count == 2 else {
      throw CoxAnalysisError(
        file: table.file, formula: "\(response) ~ \(arm)",
        message:
          "a subgroup forest plot compares two treatment groups; '\(treatment)' has \(arms.count): \(arms.map { "'\($0)'" }.joined(separator: ", "))"
      )
    }
    for variable in subgroups {
      let column = try table.column(named: variable)
      let count = column.distinctValues().values.count
      let numbers = (try? column.numericValues())?.compactMap { $0 }.sorted()
      if count > (numbers != nil ? maximumNumericSubgroupLevels : maximumSubgroupLevels) {
        if numbers == nil {
          try MixedColumn.check(
            column, remedy: "to group its values, derive a grouping of a few categories under the template's derive")
        }
        // Suggest a split at the median, or lumping the rarer categories.
        let name = term(variable)
        let example: String
        if let numbers, !numbers.isEmpty {
          let median = numbers[(numbers.count - 1) / 2]
          example =
            "\(variable)_group: if \(name) >= \(JournalFormat.tick(median)) then \"\(JournalFormat.tick(median)) or more\" else \"under \(JournalFormat.tick(median))\""
        } else {
          let first = levels(column).first ?? "A"
          example = "\(variable)_group: recode(\(name), \"\(first)\" = \"\(first)\", else = \"other\")"
        }
        throw SubgroupVariableError(
          file: table.file, variable: variable, distinctCount: count, isNumeric: numbers != nil, example: example)
      }
    }
    func display(_ name: String) -> String { request.labels[name] ?? name }
    func sameValue(_ text: String?, _ level: String) -> Bool {
      guard let text else { return false }
      if let a = CSVNumber.parse(text), let b = CSVNumber.parse(level) { return a == b }
      return text == level
    }
    let treatmentValues = treatmentColumn.textValues()
    var warnings: [String] = []

    func row(_ label: String, indent: Int, kind: ForestRow.Kind, rows: [Int]?, model: String) throws -> (
      ForestRow, JSONValue
    ) {
      let subset = rows.map { table.rows($0) } ?? table
      let formula = "\(response) ~ \(arm)"
      let analysis = try? fit(subset, request, formula: formula)
      // Events and patients per arm, over the rows with complete data.
      let frame = try? ModelFrame(
        formula: ModelFormula(parsing: formula),
        data: CoxAnalysis.modelData(subset, request: coxRequest(request, formula: formula)))
      let used = frame?.rows ?? []
      let perArm = arms.map { level -> (n: Int, events: Int) in
        let mine = used.indices.filter { sameValue(treatmentValues[rows?[used[$0]] ?? used[$0]], level) }
        return (mine.count, mine.filter { frame?.events[$0] == true }.count)
      }
      let n = used.count
      let events = frame?.events.filter { $0 }.count ?? 0
      if let fit = analysis?.fit { warnings += Self.warnings(fit, model: model) }
      let c = analysis?.fit.coefficients.first
      let estimate = c.flatMap { Self.estimate($0, in: analysis?.fit) }.map { e -> ForestRow.Estimate in
        var shown = e
        shown.weight = Double(events)
        shown.p = nil  // the P column is the interaction's
        return shown
      }
      let json = JSONValue.object(
        [
          ("subgroup", .string(label)), ("n", .int(n)), ("events", .int(events)),
          (
            "arms",
            .array(
              zip(arms, perArm).map { .object([("arm", .string($0)), ("n", .int($1.n)), ("events", .int($1.events))]) })
          ),
        ] + (c.map { Self.json($0, in: analysis?.fit).objectPairs } ?? []))
      return (
        ForestRow(
          kind: kind, label: label, indent: indent, cells: perArm.map { "\($0.events)/\($0.n)" }, estimates: [estimate],
          note: "NE"),
        json
      )
    }

    var rows: [ForestRow] = []
    var entries: [JSONValue] = []
    let (overall, overallJSON) = try row("All patients", indent: 0, kind: .summary, rows: nil, model: "all patients")
    rows.append(overall)
    entries.append(overallJSON)
    for variable in subgroups {
      let column = try table.column(named: variable)
      let factor = "factor(\(term(variable)))"
      let main = try fit(table, request, formula: "\(response) ~ \(arm) + \(factor)").fit
      let full = try fit(table, request, formula: "\(response) ~ \(arm) * \(factor)").fit
      warnings += Self.warnings(full, model: "interaction model of '\(variable)'")
      let df = full.coefficients.filter { !$0.isAliased }.count - main.coefficients.filter { !$0.isAliased }.count
      let statistic = max(0, 2 * (full.logLikelihood - main.logLikelihood))
      let p = df > 0 ? Distributions.chiSquareUpperTail(statistic, degreesOfFreedom: Double(df)) : nil
      rows.append(ForestRow(kind: .header, label: display(variable), cells: arms.map { _ in "" }, headerP: p))
      entries.append(
        .object([
          ("interaction", .string(variable)), ("statistic", .number(statistic)), ("df", .int(df)), ("p", .number(p)),
        ]))
      let text = column.textValues()
      for level in levels(column) {
        let selected = text.indices.filter { sameValue(text[$0], level) }
        let (levelRow, json) = try row(
          givenLabel(level: level, of: variable, in: request.labels) ?? level, indent: 1, kind: .estimate,
          rows: selected, model: "subgroup \(variable) = \(level)")
        rows.append(levelRow)
        entries.append(json)
      }
    }
    return ForestAnalysis(
      rows: rows, seriesNames: [""],
      extraColumns: arms.map { "\(givenLabel(level: $0, of: treatment, in: request.labels) ?? $0)\nevents/n" },
      pTitle: "P for interaction",
      warnings: warnings,
      footnotes: [
        "Events/n: events and patients per treatment group. P for interaction: likelihood-ratio test of the treatment-by-subgroup interaction (Cox models with and without it)."
      ],
      json: .object([
        ("form", .string("subgroups")), ("treatment", .string(treatment)),
        ("comparison", .string("\(arms[1]) vs \(arms[0])")), ("estimates", .array(entries)),
        ("warnings", .array(warnings.map { .string($0) })),
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
          message:
            "estimates must be ratios with 0 < lower ≤ estimate ≤ upper, found \(JSONValue.format(v)) (\(JSONValue.format(lo))–\(JSONValue.format(hi)))"
        )
      }
      if let p, let value = ps?[row], !(value >= 0 && value <= 1) {
        throw ForestInputError(
          location: table.location(row: row, column: table.index(ofColumn: p) ?? 0),
          message:
            "column '\(p)' has the P value \(try table.column(named: p).rawText(atRow: row)); P values lie between 0 and 1 (leave the cell empty when there is none)"
        )
      }
      rows.append(
        ForestRow(
          kind: .estimate, label: text, indent: groups == nil ? 0 : 1, cells: cells,
          estimates: [ForestRow.Estimate(value: v, lower: lo, upper: hi, p: ps?[row])]))
      entries.append(
        .object([
          ("label", .string(text)), ("hr", .number(v)), ("lower", .number(lo)), ("upper", .number(hi)),
          ("p", .number(ps?[row])),
        ]))
    }
    return ForestAnalysis(
      rows: rows, seriesNames: [""], extraColumns: n == nil ? [] : ["n"],
      json: .object([("form", .string("estimates")), ("estimates", .array(entries))]))
  }
}

/// A subgroup variable with too many distinct values to define subgroups.
public struct SubgroupVariableError: Error, CustomStringConvertible {
  public var file: String
  public var variable: String
  public var distinctCount: Int
  public var isNumeric: Bool
  /// A derived variable that would do, as a template's `derive:` entry.
  public var example: String
  public var description: String {
    let limit =
      isNumeric
      ? "at most \(ForestAnalysis.maximumNumericSubgroupLevels) distinct numeric codes"
      : "at most \(ForestAnalysis.maximumSubgroupLevels) categories"
    return
      "\(file): subgroup variable '\(variable)' has \(distinctCount) distinct values; subgroups need a categorical variable (\(limit)). Derive one with a few groups, e.g. under a template's derive: \(example)"
  }
}

/// A table of estimates that cannot be drawn, at its file position.
public struct ForestInputError: Error, CustomStringConvertible {
  public var location: SourceLocation
  public var message: String
  public var description: String { "\(location): \(message)" }
}
