import Analyses
import Foundation
import Testing

@testable import SurvfigCLI

/// `survfig cif --json` against R's cmprsk 2.2-11 (`cuminc`, `timepoints`, `crr`) on four real
/// data sets and two edge cases (Scripts/cif-reference.R). The options go through the command
/// line's parser, so that what is compared is what a user gets.
///
/// Tolerances, relative (absolute 1e-15 where R has 0), far inside the contract's 1e-6: the
/// estimates, variances, intervals and Gray's test 1e-12 (non-iterative; the estimates are
/// accumulated as cmprsk does and agree to the bit), the Fine–Gray model 1e-8 (an iterative fit
/// stopped by crr's rule; it agrees to about 1e-12).
@Suite("survfig cif --json agrees with cmprsk")
struct CumulativeIncidenceReferenceTests {
  static let curveTolerance = 1e-12
  static let grayTolerance = 1e-12
  static let fineGrayTolerance = 1e-8

  /// The analysis of `reference`, through the command line's options.
  static func json(_ reference: CumulativeIncidenceReference, folder: ScratchFolder) throws -> JSONValue {
    var arguments = reference.arguments
    let dataIndex = try #require(arguments.firstIndex(of: "--data")) + 1
    let path: String
    switch arguments[dataIndex] {
    case "ties.csv": path = try folder.write("ties.csv", CumulativeIncidenceReference.tiesCSV + "\n")
    case "censored.csv": path = try folder.write("censored.csv", CumulativeIncidenceReference.censoredCSV + "\n")
    default: path = Survfig.data(arguments[dataIndex])
    }
    arguments[dataIndex] = path
    let command = try #require(
      try SurvfigCommand.parseAsRoot(["cif"] + arguments + ["--json"]) as? CumulativeIncidenceCommand)
    let analysis = try CumulativeIncidenceAnalysis(readingDataOf: try command.request())
    return analysis.json
  }

  @Test(
    "groups: counts per time, estimate, variance and interval of every row", arguments: CumulativeIncidenceReference.all
  )
  func rows(_ reference: CumulativeIncidenceReference) throws {
    let json = try Self.json(reference, folder: try ScratchFolder())
    let groups = JSONReading.array(json["groups"])
    #expect(groups.map { JSONReading.string($0["label"]) } == reference.groups.map(\.label))
    var errors = RelativeErrors()
    for (group, expected) in zip(groups, reference.groups) {
      #expect(JSONReading.int(group["n"]) == expected.n, "\(expected.label) n")
      #expect(JSONReading.int(group["events"]) == expected.events, "\(expected.label) events")
      #expect(JSONReading.int(group["competing"]) == expected.competing, "\(expected.label) competing")
      let table = JSONReading.array(group["table"])
      #expect(table.map { JSONReading.number($0["time"]) } == expected.time.map { $0 }, "\(expected.label) times")
      #expect(table.map { JSONReading.int($0["n_risk"]) } == expected.atRisk.map { $0 }, "\(expected.label) n_risk")
      #expect(
        table.map { JSONReading.int($0["n_censor"]) } == expected.censored.map { $0 }, "\(expected.label) censored")
      for (code, counts) in expected.eventsByCause {
        #expect(
          table.map { JSONReading.int($0["events"]?[code]) } == counts.map { $0 }, "\(expected.label) events \(code)")
      }
      errors.add("estimate", table.map { JSONReading.number($0["estimate"]) }, expected.estimate)
      errors.add("variance", table.map { JSONReading.number($0["variance"]) }, expected.variance)
      errors.add("lower", table.map { JSONReading.number($0["lower"]) }, expected.lower)
      errors.add("upper", table.map { JSONReading.number($0["upper"]) }, expected.upper)
    }
    errors.expect(below: Self.curveTolerance, reference.name)
  }

  @Test(
    "at_times: the incidence at the requested times, null beyond follow-up", arguments: CumulativeIncidenceReference.all
  )
  func atTimes(_ reference: CumulativeIncidenceReference) throws {
    let json = try Self.json(reference, folder: try ScratchFolder())
    var errors = RelativeErrors()
    for (group, expected) in zip(JSONReading.array(json["groups"]), reference.groups) {
      let values = JSONReading.array(group["at_times"])
      #expect(values.map { JSONReading.number($0["time"]) } == expected.atTimes.map { $0 })
      #expect(values.map { JSONReading.int($0["n_risk"]) } == expected.atTimesRisk.map { $0 })
      errors.add("estimate", values.map { JSONReading.number($0["estimate"]) }, expected.atTimesEstimate)
      errors.add("variance", values.map { JSONReading.number($0["variance"]) }, expected.atTimesVariance)
      errors.add("lower", values.map { JSONReading.number($0["lower"]) }, expected.atTimesLower)
      errors.add("upper", values.map { JSONReading.number($0["upper"]) }, expected.atTimesUpper)
    }
    errors.expect(below: Self.curveTolerance, reference.name)
  }

  @Test("gray: statistic, df and p of the event of interest", arguments: CumulativeIncidenceReference.all)
  func gray(_ reference: CumulativeIncidenceReference) throws {
    let json = try Self.json(reference, folder: try ScratchFolder())
    guard let expected = reference.gray else {
      #expect(json["gray"] == .null)
      return
    }
    let gray = try #require(json["gray"])
    #expect(JSONReading.int(gray["df"]) == expected.df)
    var errors = RelativeErrors()
    errors.add("statistic", [JSONReading.number(gray["statistic"])], [expected.statistic])
    errors.add("p", [JSONReading.number(gray["p"])], [expected.p])
    errors.expect(below: Self.grayTolerance, reference.name)
  }

  @Test(
    "fine_gray: coefficients, standard errors, hazard ratios, intervals and P",
    arguments: CumulativeIncidenceReference.all)
  func fineGray(_ reference: CumulativeIncidenceReference) throws {
    let json = try Self.json(reference, folder: try ScratchFolder())
    guard let expected = reference.fineGray else {
      #expect(json["fine_gray"] == .null)
      return
    }
    let model = try #require(json["fine_gray"])
    #expect(JSONReading.int(model["n"]) == expected.n)
    let terms = JSONReading.array(model["terms"])
    #expect(terms.map { JSONReading.string($0["name"]) } == expected.names)
    var errors = RelativeErrors()
    for (key, values) in [
      ("coef", expected.coef), ("se", expected.se), ("hr", expected.hr), ("lower", expected.lower),
      ("upper", expected.upper), ("p", expected.p),
    ] {
      errors.add(key, terms.map { JSONReading.number($0[key]) }, values)
    }
    errors.expect(below: Self.fineGrayTolerance, reference.name)
  }

  @Test("the binary prints the same JSON for pbc")
  func endToEnd() throws {
    let reference = CumulativeIncidenceReference.pbc
    var arguments = reference.arguments
    arguments[1] = Survfig.data("pbc.csv")
    let result = try Survfig.run(["cif"] + arguments + ["--json"])
    #expect(result.status == 0, "\(result.standardError)")
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    let groups = try #require(object["groups"] as? [[String: Any]])
    let atTimes = try #require(groups.first?["at_times"] as? [[String: Any]])
    let estimates = atTimes.map { $0["estimate"] as? Double }
    for (value, expected) in zip(estimates, reference.groups[0].atTimesEstimate) {
      #expect(RelativeErrors.error(value, expected) < Self.curveTolerance)
    }
    let gray = try #require(object["gray"] as? [String: Any])
    #expect(RelativeErrors.error(gray["p"] as? Double, reference.gray?.p) < Self.grayTolerance)
  }
}

/// The largest relative error per quantity.
struct RelativeErrors {
  var largest: [String: Double] = [:]

  static func error(_ value: Double?, _ expected: Double?) -> Double {
    switch (value, expected) {
    case (nil, nil): return 0
    case (let value?, let expected?):
      if value == expected { return 0 }
      return abs(value - expected) / max(abs(expected), 1e-15)
    default: return .infinity
    }
  }

  mutating func add(_ name: String, _ values: [Double?], _ expected: [Double?]) {
    var worst = values.count == expected.count ? 0.0 : .infinity
    for (value, reference) in zip(values, expected) { worst = max(worst, Self.error(value, reference)) }
    largest[name] = max(largest[name] ?? 0, worst)
  }

  mutating func add(_ name: String, _ values: [Double?], _ expected: [Double]) {
    add(name, values, expected.map { Optional($0) })
  }

  func expect(below tolerance: Double, _ name: String) {
    for (quantity, error) in largest.sorted(by: { $0.key < $1.key }) {
      #expect(error <= tolerance, "\(name): \(quantity) differs from R by \(error) (relative)")
    }
  }
}

/// Reading values out of a `JSONValue`.
enum JSONReading {
  static func array(_ value: JSONValue?) -> [JSONValue] {
    if case .array(let items) = value { return items }
    return []
  }

  static func number(_ value: JSONValue?) -> Double? {
    switch value {
    case .number(let x): return x.isFinite ? x : nil
    case .int(let i): return Double(i)
    default: return nil
    }
  }

  static func int(_ value: JSONValue?) -> Int? {
    if case .int(let i) = value { return i }
    return nil
  }

  static func string(_ value: JSONValue?) -> String? {
    if case .string(let s) = value { return s }
    return nil
  }
}
