import FigureCore
import SurvivalFigures
import SurvivalStatistics

extension CharacteristicsAnalysis {
  /// The table as journals print it: a bold row per variable with its summary ("Age, median
  /// [IQR]"), its levels indented below with n (%), a "Missing" row where values are missing,
  /// one column per group (all patients first), and the P value on the variable's row.
  public func table(title: String?) -> ReportTable {
    let showsP = variables.contains { $0.test != nil }
    var header = [ReportTable.Column("Characteristic")]
    header += columns.map {
      ReportTable.Column("\($0.label)\n(n = \(printed($0.patientCount)))", alignment: .trailing)
    }
    if showsP { header.append(ReportTable.Column(styled: .italic("P"), alignment: .trailing)) }
    var rows: [ReportTable.Row] = []
    for variable in variables {
      let p = variable.test.map { JournalFormat.pValue($0.pValue) } ?? ""
      func row(
        _ label: String, _ cells: [String], indent: Int = 0, bold: Bool = false, withP: Bool = false
      ) {
        rows.append(
          ReportTable.Row(
            [label] + cells + (showsP ? [withP ? p : ""] : []), indent: indent, isBold: bold))
      }
      switch variable.values {
      case .categorical(let levels, let shown):
        let known = columns.indices.map { c in levels.reduce(0) { $0 + $1.counts[c] } }
        func count(_ n: Int, _ c: Int) -> String {
          if isSuppressed(n) { return printed(n) }
          return known[c] == 0
            ? "0" : "\(n) (\(JournalFormat.fixed(100 * Double(n) / Double(known[c]), decimals: 1)))"
        }
        if let shown {
          let level = levels[shown]
          row(
            "\(variable.label), n (%)", columns.indices.map { count(level.counts[$0], $0) },
            bold: true, withP: true)
        } else {
          row("\(variable.label), n (%)", columns.map { _ in "" }, bold: true, withP: true)
          for level in levels {
            row(level.label, columns.indices.map { count(level.counts[$0], $0) }, indent: 1)
          }
        }
      case .continuous(let summaries):
        let decimals = variable.request.decimals
        func f(_ v: Double) -> String { JournalFormat.fixed(v, decimals: decimals) }
        let cells = summaries.map { s -> String in
          guard s.count > 0 else { return "–" }
          switch variable.request.summary {
          case .medianIQR: return "\(f(s.median)) [\(f(s.lowerQuartile))–\(f(s.upperQuartile))]"
          case .meanSD: return s.count > 1 ? "\(f(s.mean)) (\(f(s.standardDeviation)))" : f(s.mean)
          case .medianRange: return "\(f(s.median)) (\(f(s.minimum))–\(f(s.maximum)))"
          }
        }
        row(
          "\(variable.label), \(Self.summaryName(variable.request.summary))", cells, bold: true,
          withP: true)
      }
      if showsMissing, variable.missing.contains(where: { $0 > 0 }) {
        row("Missing", variable.missing.map(printed), indent: 1)
      }
    }
    return ReportTable(title: title, columns: header, rows: rows, footnotes: footnotes)
  }

  /// "median [IQR]", "mean (SD)", "median (range)".
  static func summaryName(_ summary: CharacteristicsRequest.Summary) -> String {
    switch summary {
    case .medianIQR: "median [IQR]"
    case .meanSD: "mean (SD)"
    case .medianRange: "median (range)"
    }
  }

  /// What the values are, which test gave each P value, and who was left out.
  var footnotes: [String] {
    var kinds: [String] = []
    if variables.contains(where: { if case .categorical = $0.values { true } else { false } }) {
      kinds.append("n (%)")
    }
    for summary in CharacteristicsRequest.Summary.allCases
    where variables.contains(where: {
      if case .continuous = $0.values { $0.request.summary == summary } else { false }
    }) {
      kinds.append(Self.summaryName(summary))
    }
    var abbreviations: [String] = []
    if kinds.contains("median [IQR]") { abbreviations.append("IQR, interquartile range") }
    if kinds.contains("mean (SD)") { abbreviations.append("SD, standard deviation") }
    var notes = [
      "Values are \(Self.series(kinds, conjunction: "or")); percentages are of patients with a known value."
        + (abbreviations.isEmpty ? "" : " " + abbreviations.joined(separator: "; ") + ".")
    ]
    var byTest: [(String, [String])] = []
    for variable in variables {
      guard let test = variable.test else { continue }
      var name = Self.testName(test.test)
      if test.isContinuityCorrected { name += " with Yates's correction" }
      if let note = test.note { name += " (\(note))" }
      if let i = byTest.firstIndex(where: { $0.0 == name }) {
        byTest[i].1.append(variable.label)
      } else {
        byTest.append((name, [variable.label]))
      }
    }
    if !byTest.isEmpty {
      notes.append(
        "Two-sided P values: "
          + byTest.map { "\($0.0), \($0.1.joined(separator: "; "))" }.joined(separator: ". ") + ".")
    }
    if let threshold = suppressBelow {
      notes.append("Counts from 1 to \(threshold - 1) are shown as <\(threshold), without their percentage.")
    }
    if excludedCount > 0, let groupColumn {
      notes.append(
        "\(excludedCount) patient\(excludedCount == 1 ? "" : "s") with a missing '\(groupColumn)' not shown."
      )
    }
    return notes
  }

  /// Whether small-cell suppression hides `count`.
  func isSuppressed(_ count: Int) -> Bool { suppressBelow.map { count > 0 && count < $0 } ?? false }

  /// A count as the table prints it: `<N` when suppressed.
  func printed(_ count: Int) -> String { isSuppressed(count) ? "<\(suppressBelow ?? 0)" : String(count) }

  static func testName(_ test: CharacteristicsRequest.Test) -> String {
    switch test {
    case .chiSquare: "χ² test"
    case .fisher: "Fisher's exact test"
    case .tTest: "Welch's t-test"
    case .wilcoxon: "Wilcoxon rank-sum test"
    case .anova: "one-way analysis of variance"
    case .kruskal: "Kruskal–Wallis test"
    case .automatic, .none: ""
    }
  }

  /// "a", "a and b", "a, b and c" (or another conjunction).
  static func series(_ parts: [String], conjunction: String = "and") -> String {
    parts.count <= 1
      ? parts.joined()
      : parts.dropLast().joined(separator: ", ") + " \(conjunction) " + parts[parts.count - 1]
  }

  /// Every number of the table, for the sidecar.
  public var json: JSONValue {
    .object([
      ("group_column", groupColumn.map { .string($0) } ?? .null),
      ("excluded", .int(excludedCount)),
      (
        "columns",
        .array(
          columns.map {
            .object([
              ("label", .string($0.label)), ("code", $0.code.map { .string($0) } ?? .null),
              ("n", .int($0.patientCount)),
            ])
          })
      ),
      ("variables", .array(variables.map(\.json))),
    ])
  }
}

extension CharacteristicsAnalysis.Variable {
  var json: JSONValue {
    var pairs: [(String, JSONValue)] = [
      ("column", .string(request.column)), ("label", .string(label)),
    ]
    switch values {
    case .categorical(let levels, let shown):
      pairs.append(("type", .string("categorical")))
      pairs.append(("shown_level", shown.map { .string(levels[$0].code) } ?? .null))
      pairs.append(
        (
          "levels",
          .array(
            levels.map {
              .object([
                ("code", .string($0.code)), ("label", .string($0.label)),
                ("counts", .array($0.counts.map { .int($0) })),
              ])
            })
        ))
    case .continuous(let summaries):
      pairs.append(("type", .string("continuous")))
      pairs.append(
        (
          "summaries",
          .array(
            summaries.map { s in
              .object([
                ("n", .int(s.count)), ("mean", .number(s.mean)),
                ("sd", .number(s.standardDeviation)),
                ("median", .number(s.median)), ("q1", .number(s.lowerQuartile)),
                ("q3", .number(s.upperQuartile)),
                ("min", .number(s.minimum)), ("max", .number(s.maximum)),
              ])
            })
        ))
    }
    pairs.append(("missing", .array(missing.map { .int($0) })))
    pairs.append(
      (
        "test",
        test.map { t in
          .object([
            ("name", .string(t.test.rawValue)), ("statistic", .number(t.statistic)),
            ("df", .number(t.degreesOfFreedom)), ("p", .number(t.pValue)),
            ("note", t.note.map { .string($0) } ?? .null),
          ])
        } ?? .null
      ))
    return .object(pairs)
  }
}
