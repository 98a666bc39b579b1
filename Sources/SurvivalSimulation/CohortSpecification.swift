import ClinicalData
import Foundation
import SurvivalStatistics
import YAMLPreflight
import Yams

/// A cohort specification read from YAML: the ``CohortDesign`` and its default seed.
///
/// Top-level keys: `patients`, `seed`, `time_unit` (days, weeks, months, years), `time_digits`,
/// `id_column`, `groups`, `covariates`, `events`, `endpoints`, `censoring`, `dates`. See the
/// README's "survfig simulate" section for the whole format.
public struct CohortSpecification: Sendable {
  public var design: CohortDesign
  /// Seed used when the command line gives none.
  public var seed: UInt64

  /// The largest cohort `survfig simulate` draws. The cohort and its CSV text are held in memory
  /// whole, about 370 MB per million patients of six columns (4 GB for the limit); two billion
  /// patients asked for 48 GB at the first allocation and aborted the process. Ten million is
  /// the size of the largest benchmark cohort.
  public static let maximumPatients = 10_000_000

  static let topKeys = [
    "patients", "seed", "time_unit", "time_digits", "id_column", "groups", "covariates", "events",
    "endpoints", "censoring", "dates", "title", "description",
  ]

  /// Reads and checks a specification file.
  public init(contentsOf path: String) throws(CohortSpecificationError) {
    let bytes: [UInt8]
    do { bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path))) } catch {
      throw CohortSpecificationError(
        location: path, message: "cannot read the cohort specification")
    }
    if let offset = TextEncoding.firstNonUTF8Offset(in: bytes) {
      let line = bytes[..<offset].reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) }
      throw CohortSpecificationError(
        location: "\(path):\(line)", message: "the cohort specification is not UTF-8 text; save it as UTF-8")
    }
    let text = String(decoding: bytes, as: UTF8.self)
    try self.init(yaml: text, path: path)
  }

  /// Parses a specification; `path` names it in messages.
  public init(yaml: String, path: String) throws(CohortSpecificationError) {
    if let problem = YAMLNesting.problem(in: yaml) {
      throw CohortSpecificationError(location: "\(path):\(problem.line):\(problem.column)", message: problem.message)
    }
    let root: Node
    do {
      guard let node = try Yams.compose(yaml: yaml) else {
        throw CohortSpecificationError(location: path, message: "the cohort specification is empty")
      }
      root = node
    } catch let error as CohortSpecificationError {
      throw error
    } catch let error as YamlError {
      throw _yamlError(error, path: path)
    } catch {
      throw CohortSpecificationError(location: path, message: "\(error)")
    }
    let reader = _SpecReader(path: path)
    let top = try reader.entries(root, allowed: Self.topKeys, what: "the cohort specification")
    let patientsNode = try reader.require(
      top, "patients", in: root, what: "the cohort specification")
    let patients = try reader.patientCount(patientsNode, what: "'patients'")
    guard patients > 0 else { throw reader.error(patientsNode, "'patients' must be 1 or more") }
    var design = CohortDesign(patients: patients)
    seed = 1
    if let node = reader.value(top, "seed") {
      guard let s = UInt64(try reader.text(node, what: "'seed'")) else {
        throw reader.error(node, "'seed' expects a whole number from 0 to 18446744073709551615")
      }
      seed = s
    }
    if let node = reader.value(top, "time_unit") {
      let unit = try reader.text(node, what: "'time_unit'")
      let days: [String: Double] = ["days": 1, "weeks": 7, "months": 30.4375, "years": 365.25]
      guard let perUnit = days[unit] else {
        throw reader.error(
          node, "unknown time unit '\(unit)' (allowed: days, weeks, months, years)")
      }
      design.timeUnit = unit
      design.daysPerTimeUnit = perUnit
    }
    if let node = reader.value(top, "time_digits") {
      design.timeDigits = try reader.count(node, what: "'time_digits'")
      guard design.timeDigits <= 6 else { throw reader.error(node, "'time_digits' must be 0 to 6") }
    }
    if let node = reader.value(top, "id_column") {
      let name = try reader.text(node, what: "'id_column'")
      design.idColumn = name.isEmpty || name == "none" ? nil : name
    }
    if let node = reader.value(top, "groups") { design.groups = try reader.groups(node) }
    if let node = reader.value(top, "covariates") {
      design.covariates = try reader.covariates(node)
    }
    if let node = reader.value(top, "events") { design.events = try reader.events(node) }
    if let node = reader.value(top, "endpoints") {
      design.endpoints = try reader.endpoints(node, unit: design.timeUnit)
    }
    if let node = reader.value(top, "censoring") { design.censoring = try reader.censoring(node) }
    if let node = reader.value(top, "dates") { design.calendar = try reader.calendar(node) }
    self.design = design
  }
}

func _yamlError(_ error: YamlError, path: String) -> CohortSpecificationError {
  switch error {
  case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
    .composer(_, let problem, let mark, _):
    return CohortSpecificationError(
      location: "\(path):\(mark.line):\(mark.column)", message: "YAML: \(problem)")
  case .duplicatedKeysInMapping(let duplicates, let context):
    return CohortSpecificationError(
      location: "\(path):\(context.mark.line):\(context.mark.column)",
      message: "duplicate key(s) \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
  default:
    return CohortSpecificationError(location: path, message: "YAML: \(error)")
  }
}
