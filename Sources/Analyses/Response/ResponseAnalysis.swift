import ClinicalData
import Foundation
import SurvivalFigures
import SurvivalStatistics

/// Best overall responses per patient, ORR and DCR per group and overall, and Fisher's exact
/// test of the ORR between groups: everything the `response` command prints.
public struct ResponseAnalysis: Sendable {
  /// One summarised group: a level of the group column, or all patients.
  public struct Group: Sendable {
    public var label: String
    public var summary: ResponseSummary
    /// Duration of response among the group's responders; nil without assessment times or
    /// without responders.
    public var durationOfResponse: DurationOfResponse?
  }

  /// Patient identifiers in order of first appearance.
  public let patients: [String]
  /// Each patient's best overall response, aligned with ``patients``.
  public let bestResponses: [BestOverallResponse]
  /// The groups in R's factor order, then "All" when there is a group column; only "All"
  /// otherwise.
  public let groups: [Group]
  /// Fisher's exact test of responders vs evaluable non-responders across the groups; nil
  /// without a group column.
  public let comparison: FisherExactTest?
  /// Duration of response among all responders; nil without assessment times or responders.
  public let durationOfResponse: DurationOfResponse?
  /// Each patient's time of death (aligned with ``patients``), when a death-time column is given.
  public let deathTimes: [Double?]?
  /// The unit of the assessment times.
  public let timeUnit: TimeUnit
  /// Whether the responses came with assessment times (and so with durations of response).
  public let hasAssessmentTimes: Bool

  public static let allPatientsLabel = "All"

  /// Analyses the table as `request` says.
  ///
  /// - Throws: `DataError` for unknown columns and non-numeric times, `PatientInputError`
  ///   (with file, line and column) for unknown codes, negative times, repeated patients without
  ///   a time column, conflicting groups and a responder's death before the first response;
  ///   `ResponseStatisticsError` for invalid options.
  public init(table source: DataTable, request asked: ResponseRequest) throws {
    let table = try asked.rowSelection.apply(to: source)
    let request = try asked.resolved(for: table)
    let idColumn = try table.column(named: request.idColumn)
    let responseColumn = try table.column(named: request.responseColumn)
    let timeColumn = try request.timeColumn.map { name throws(DataError) in try table.column(named: name) }
    let groupColumn = try request.groupColumn.map { name throws(DataError) in try table.column(named: name) }
    let deathColumn = try request.deathTimeColumn.map { name throws(DataError) in try table.column(named: name) }
    let times = try timeColumn?.numericValues()
    let patients = try _PatientRows(column: idColumn)
    let deathValues = try deathColumn?.numericValues()
    let deaths = try deathColumn.map { column in try patients.perPatientTimes(column, values: deathValues ?? []) }

    // Codes per row; a missing cell is an NE assessment.
    var codes = [ResponseCategory](repeating: .notEvaluable, count: table.rowCount)
    for row in 0..<table.rowCount {
      guard let text = responseColumn.text(atRow: row), !text.trimmingCharacters(in: .whitespaces).isEmpty
      else { continue }
      guard let code = ResponseCategory(code: text) else {
        throw PatientInputError(
          at: responseColumn.location(ofRow: row),
          .unknownResponse(column: responseColumn.name, value: text))
      }
      codes[row] = code
    }

    let rules = request.rules
    var best: [BestOverallResponse] = []
    if let timeColumn, let times {
      for (patient, rows) in patients.rows.enumerated() {
        var assessments: [ResponseAssessment] = []
        for row in rows {
          guard let time = times[row] else {
            throw PatientInputError(
              at: timeColumn.location(ofRow: row),
              .missingValue(column: timeColumn.name, patient: patients.identifiers[patient]))
          }
          guard time >= 0, time.isFinite else {
            throw PatientInputError(
              at: timeColumn.location(ofRow: row),
              .invalidTime(column: timeColumn.name, value: timeColumn.rawText(atRow: row)))
          }
          assessments.append(ResponseAssessment(time: time, response: codes[row]))
        }
        best.append(
          try BestOverallResponse(
            assessments: assessments, rules: rules, patient: patients.identifiers[patient]))
      }
    } else {
      try patients.requireOneRowEach(
        column: idColumn,
        hint: "give '--time' when the file has one row per assessment, or one row per patient with the best response")
      best = patients.rows.map { BestOverallResponse(precomputed: codes[$0[0]]) }
    }

    // A death before the first response contradicts the assessments: refused at the death's
    // cell rather than silently left out of the duration of response.
    if let deathColumn, let deaths, let deathValues {
      for (patient, death) in deaths.enumerated() {
        guard let death, let start = best[patient].responseTime, death < start,
          let row = patients.rows[patient].first(where: { deathValues[$0] != nil })
        else { continue }
        throw PatientInputError(
          at: deathColumn.location(ofRow: row),
          .deathBeforeResponse(
            column: deathColumn.name, patient: patients.identifiers[patient], death: deathColumn.rawText(atRow: row),
            response: best[patient].response.code, responseTime: JournalFormat.tick(start)))
      }
    }

    // Duration of response from the first CR/PR to progression or death, as R's survfit.
    let band = try? ConfidenceBand(.log, level: request.confidenceLevel)
    func duration(_ members: [Int]) -> DurationOfResponse? {
      guard timeColumn != nil else { return nil }
      return DurationOfResponse(
        members.map { best[$0] }, deathTimes: deaths.map { d in members.map { d[$0] } },
        confidence: band ?? .rDefault)
    }

    var groups: [Group] = []
    let denominator = request.denominator ?? .evaluable
    let all = try ResponseSummary(
      best.map(\.response), level: request.confidenceLevel, method: request.method, denominator: denominator)
    if let groupColumn {
      let labels = try patients.perPatientValues(groupColumn)
      let preferred = ADaM.twinOrder(of: groupColumn.name, in: table) ?? []
      let levels = _factorLevels(labels).enumerated().sorted {
        (preferred.firstIndex(of: $0.element) ?? Int.max, $0.offset) < (
          preferred.firstIndex(of: $1.element) ?? Int.max, $1.offset
        )
      }.map(\.element)
      for level in levels {
        let members = labels.indices.filter { labels[$0] == level }
        groups.append(
          Group(
            label: level,
            summary: try ResponseSummary(
              members.map { best[$0].response }, level: request.confidenceLevel, method: request.method,
              denominator: denominator),
            durationOfResponse: duration(members)))
      }
      comparison = try ResponseSummary.objectiveResponseComparison(groups.map(\.summary))
    } else {
      comparison = nil
    }
    let overall = duration(Array(best.indices))
    groups.append(Group(label: Self.allPatientsLabel, summary: all, durationOfResponse: overall))

    self.patients = patients.identifiers
    self.bestResponses = best
    self.groups = groups
    self.durationOfResponse = overall
    self.deathTimes = deaths
    self.timeUnit = request.timeUnit
    self.hasAssessmentTimes = timeColumn != nil
  }

  /// The statistics as the `response --json` contract lists them.
  public var json: JSONValue {
    .object([
      ("groups", .array(groups.map { Self.groupJSON($0, categories: listedCategories) })),
      ("comparison", comparison.map { .object([("test", .string("fisher")), ("p", .number($0.pValue))]) } ?? .null),
      ("duration_of_response", durationOfResponseJSON),
    ])
  }

  /// Kaplan–Meier of the duration of response among all responders (null without assessment
  /// times): responders, events, and the median with its interval.
  var durationOfResponseJSON: JSONValue { Self.durationJSON(durationOfResponse) }

  /// `{"responders", "events", "median": {"estimate", "lower", "upper"}}`, or null.
  static func durationJSON(_ durationOfResponse: DurationOfResponse?) -> JSONValue {
    guard let dor = durationOfResponse else { return .null }
    let median = dor.estimate.median
    return .object([
      ("responders", .int(dor.estimate.subjectCount)), ("events", .int(dor.estimate.eventCount)),
      (
        "median",
        .object([
          ("estimate", .number(median.estimate)), ("lower", .number(median.lower)), ("upper", .number(median.upper)),
        ])
      ),
    ])
  }

  static func groupJSON(_ group: Group, categories: [ResponseCategory]) -> JSONValue {
    let s = group.summary
    return .object([
      ("label", .string(group.label)),
      ("n", .int(s.patientCount)),
      ("evaluable", .int(s.evaluableCount)),
      ("counts", .object(categories.map { ($0.code, .int(s.count($0))) })),
      ("percentages", .object(categories.map { ($0.code, .number(s.percentage($0))) })),
      ("denominator", .string(s.denominator.rawValue)),
      ("orr", s.objectiveResponse.json),
      ("dcr", s.diseaseControl.json),
      ("duration_of_response", durationJSON(group.durationOfResponse)),
    ])
  }

  /// A plain-text table: counts with their percentage of all patients, then ORR and DCR in
  /// percent with their intervals; below it Fisher's test and, with assessment times, the
  /// duration of response per group.
  public var textTable: String {
    let level = JournalFormat.tick((groups.first?.summary.objectiveResponse.level ?? 0.95) * 100)
    let header =
      ["Group", "n", "Evaluable"] + listedCategories.map { "\($0.code) n (%)" }
      + ["ORR % (\(level)% CI)", "DCR % (\(level)% CI)"]
    var rows = [header]
    for group in groups {
      let s = group.summary
      rows.append(
        [group.label, String(s.patientCount), String(s.evaluableCount)]
          + listedCategories.map { "\(s.count($0)) (\(JournalFormat.percent(s.percentage($0))))" }
          + [s.objectiveResponse.percentText, s.diseaseControl.percentText])
    }
    let widths = header.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
    var lines = rows.map { row in
      row.enumerated().map { c, cell in
        let pad = String(repeating: " ", count: widths[c] - cell.count)
        return c == 0 || c >= header.count - 2 ? cell + pad : pad + cell
      }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
    }
    if let comparison {
      lines.append(
        "Fisher's exact test of the ORR between groups: \(JournalFormat.pValueText(comparison.pValue).plainText)")
    }
    if durationOfResponse != nil || groups.contains(where: { $0.durationOfResponse != nil }) {
      let end = deathTimes == nil ? "progression" : "progression or death"
      lines.append("Duration of response (\(timeUnit.rawValue)), from the first CR/PR to \(end), Kaplan–Meier:")
      for group in groups {
        guard let dor = group.durationOfResponse else {
          lines.append("  \(group.label): no responders")
          continue
        }
        let e = dor.estimate
        let median = MedianText(e.median, decimals: 1).compact
        lines.append(
          "  \(group.label): \(e.subjectCount) \(e.subjectCount == 1 ? "responder" : "responders"), \(e.eventCount) \(e.eventCount == 1 ? "event" : "events"), median \(median.replacingOccurrences(of: " (", with: " (\(level)% CI "))"
        )
      }
    }
    return lines.joined(separator: "\n")
  }
}

extension ProportionInterval {
  /// `{"estimate", "lower", "upper", "method", "successes", "trials"}`, the `ci --json` contract.
  public var json: JSONValue {
    .object([
      ("estimate", .number(estimate)), ("lower", .number(lower)), ("upper", .number(upper)),
      ("method", .string(method.rawValue)), ("successes", .int(successes)), ("trials", .int(trials)),
    ])
  }

  /// "47.6 (25.7–70.2)": the percentage and its interval with one decimal, more near 0 and 100
  /// (``JournalFormat/percent(_:)``: 0/10 000 → "0.0 (0.0–0.037)").
  public var percentText: String {
    guard trials > 0 else { return "NA" }
    let p = JournalFormat.percent
    return "\(p(100 * estimate)) (\(p(100 * lower))–\(p(100 * upper)))"
  }
}

/// Reads the data and analyses the responses as `request` says.
public func runResponse(_ request: ResponseRequest) throws -> ResponseAnalysis {
  let table = try DataTable(contentsOfFile: request.dataPath)
  return try ResponseAnalysis(table: table, request: request)
}

extension ResponseAnalysis {
  /// The categories the table and JSON list: CR, PR, SD, PD and NE, and NON-CR/NON-PD and
  /// MISSING when a patient has them.
  public var listedCategories: [ResponseCategory] { ResponseCategory.listed(in: bestResponses.map(\.response)) }
}
