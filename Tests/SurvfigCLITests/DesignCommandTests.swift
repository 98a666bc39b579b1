import Foundation
import Testing

/// Delayed entry, case weights, landmarks, RMST comparisons, clusters, counting-process data and
/// exact ties through `km --json` and `cox --json`, against R on real data sets.
///
/// `Fixtures/designs/make-designs.R` (R 4.2.2, survival 3.5.3) wrote the data and
/// `designs-reference.json`: per case the command, the R calls and R's value at each JSON path.
@Suite("Study designs: km and cox against R")
struct DesignCommandTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let id: String
    let arguments: [String]
    let rCalls: [String]
    let checks: [(path: String, value: Double)]
    var testDescription: String { id }
  }

  static let folder = Survfig.packageRoot + "/Tests/SurvfigCLITests/Fixtures/designs"

  static let cases: [Case] = {
    guard let data = FileManager.default.contents(atPath: folder + "/designs-reference.json"),
      let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
    else { return [] }
    return list.map { entry in
      let checks = (entry["checks"] as? [String: Any] ?? [:]).compactMap { path, value -> (String, Double)? in
        (value as? NSNumber).map { (path, $0.doubleValue) }
      }
      return Case(
        id: entry["id"] as? String ?? "", arguments: entry["args"] as? [String] ?? [],
        rCalls: (entry["r"] as? [String]) ?? [(entry["r"] as? String) ?? ""], checks: checks.sorted { $0.0 < $1.0 })
    }
  }()

  /// The value at a dotted path (`groups.0.table.3.survival`) of a JSON object.
  static func value(at path: String, in object: Any) -> Any? {
    var current: Any? = object
    for part in path.split(separator: ".") {
      if let index = Int(part), let array = current as? [Any] {
        current = index < array.count ? array[index] : nil
      } else {
        current = (current as? [String: Any])?[String(part)]
      }
    }
    return current
  }

  @Test("the reference covers every design, with at least two data sets each")
  func coverage() {
    let ids = Self.cases.map(\.id)
    for design in ["entry", "weights", "landmark", "rmst", "adjusted", "cox-cluster", "cox-weights", "cox-counting"] {
      #expect(ids.filter { $0.hasPrefix(design + "-") }.count >= 2, "\(design)")
    }
    #expect(Self.cases.map(\.checks.count).reduce(0, +) > 5_000)
  }

  @Test("every value agrees with R to 1e-9 relative", arguments: cases)
  func agreesWithR(_ reference: Case) throws {
    let run = try Survfig.run(reference.arguments, in: Self.folder)
    #expect(run.status == 0, "\(run.standardError)")
    let json = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
    var worst = 0.0
    for (path, expected) in reference.checks {
      guard let found = (Self.value(at: path, in: json) as? NSNumber)?.doubleValue else {
        Issue.record(
          "\(reference.id): \(path) missing, R gives \(expected) (\(reference.rCalls.joined(separator: "; ")))")
        continue
      }
      let error = expected == 0 ? abs(found) : abs(found - expected) / abs(expected)
      worst = max(worst, error)
      #expect(error < 1e-9, "\(reference.id): \(path) = \(found), R \(expected)")
    }
    #expect(worst < 1e-9)
  }

  @Test("weighted curves: the risk table counts patients, R's weighted counts stay in the JSON; methods say so")
  func weightedCounts() throws {
    let run = try Survfig.run(
      [
        "km", "--data", "lung-weights.csv", "--time", "time", "--event", "status", "--group", "sex", "--weights", "w",
        "--json",
      ],
      in: Self.folder)
    let json = try #require(try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any])
    let first = try #require(Self.value(at: "groups.0.table.0", in: json) as? [String: Any])
    #expect(first["n_risk"] as? Int == 136)
    #expect((first["n_risk_weighted"] as? Double).map { abs($0 - 136) > 1 } == true)
    #expect(json["logrank"] is NSNull)
    #expect(json["weights"] as? String == "w")
    #expect((json["weighted_test"] as? [String: Any])?["robust"] as? Bool == true)
  }

  @Test("invalid entry times and weights are errors at their cell; tests without a weighted form are refused")
  func invalidDesigns() throws {
    let folder = try ScratchFolder()
    try folder.write("e.csv", "entry,time,status,g,w\n0,5,1,A,1\n6,5,1,B,1\n1,9,0,A,-2\n2,8,1,B,1.5\n")
    let entry = try Survfig.run(
      ["km", "--data", "e.csv", "--entry", "entry", "--time", "time", "--event", "status", "--json"], in: folder.path)
    #expect(entry.status != 0)
    #expect(
      entry.standardError.contains(
        "e.csv:3:1: column 'entry' has the entry time '6', which is not before the time '5' in 'time'"),
      "\(entry.standardError)")
    let weights = try Survfig.run(
      ["km", "--data", "e.csv", "--time", "time", "--event", "status", "--weights", "w", "--json"], in: folder.path)
    #expect(
      weights.standardError.contains(
        "e.csv:4:5: column 'w' has the case weight '-2'; weights must be finite numbers ≥ 0"))
    let rho = try Survfig.run(
      [
        "km", "--data", "e.csv", "--time", "time", "--event", "status", "--group", "g", "--weights", "w", "--rho", "1",
        "--json",
      ],
      in: folder.path)
    #expect(rho.status != 0)
    #expect(rho.standardError.contains("'--rho' has no weighted form"), "\(rho.standardError)")
    try folder.write("z.csv", "time,status,x,w\n5,1,1,1\n6,1,2,0\n7,0,3,1\n8,1,1,2\n9,1,2,1\n")
    let zero = try Survfig.run(
      ["cox", "--data", "z.csv", "--model", "Surv(time, status) ~ x", "--weights", "w"], in: folder.path)
    #expect(
      zero.standardError.contains(
        "z.csv:3:4: column 'w' has the case weight '0'; weights must be finite numbers > 0 in a Cox model"))
    let ungrouped = try Survfig.run(
      ["km", "--data", "z.csv", "--time", "time", "--event", "status", "--adjust-curves", "x", "--json"],
      in: folder.path)
    #expect(ungrouped.standardError.contains("'--adjust-curves' adjusts the curves of groups; give '--group'"))
    let bands = try Survfig.run(
      [
        "km", "--data", "e.csv", "--time", "time", "--event", "status", "--group", "g", "--adjust-curves", "w",
        "--confidence-bands", "--out", "f.pdf",
      ],
      in: folder.path)
    #expect(
      bands.standardError.contains("adjusted curves are drawn without confidence bands"), "\(bands.standardError)")
    let late = try Survfig.run(
      ["km", "--data", "z.csv", "--time", "time", "--event", "status", "--landmark", "20", "--json"], in: folder.path)
    #expect(late.standardError.contains("no patient is still under observation at the landmark 20; the last time is 9"))
  }

  @Test("templates take the same keys: entry, weights and landmark of a km figure, weights of a Cox table")
  func templates() throws {
    let folder = try ScratchFolder()
    for name in ["heart.csv", "lung-weights.csv"] {
      try FileManager.default.copyItem(atPath: Self.folder + "/" + name, toPath: folder.path + "/" + name)
    }
    try folder.write(
      "designs.yaml",
      """
      data:
        heart: heart.csv
        lung: lung-weights.csv
      figures:
        - {id: entry, type: km, data: heart, entry: start, time: stop, event: event, group: transplant, formats: [pdf]}
        - {id: weighted, type: km, data: lung, time: time, event: status, group: sex, weights: w, landmark: 90, formats: [pdf]}
      tables:
        - {id: cox, type: cox, data: lung, model: "Surv(time, status) ~ sex + age", weights: w, formats: [csv]}

      """)
    let build = try Survfig.run(
      ["build", "designs.yaml", "--out", "out", "--sidecar", "full", "--quiet"], in: folder.path)
    #expect(build.status == 0, "\(build.standardError)")
    func sidecar(_ name: String) throws -> [String: Any] {
      let data = try Data(contentsOf: URL(fileURLWithPath: folder.path + "/out/\(name).json"))
      return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
    func statistics(_ name: String) throws -> Any? {
      try sidecar(name)["statistics"]
    }
    let commands: [(String, [String])] = [
      (
        "entry",
        [
          "km", "--data", "heart.csv", "--entry", "start", "--time", "stop", "--event", "event", "--group",
          "transplant",
        ]
      ),
      (
        "weighted",
        [
          "km", "--data", "lung-weights.csv", "--time", "time", "--event", "status", "--group", "sex", "--weights", "w",
          "--landmark", "90",
        ]
      ),
    ]
    for (id, arguments) in commands {
      let run = try Survfig.run(arguments + ["--json"], in: folder.path)
      let cli = try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8))
      let built = try #require(try statistics(id))
      for path in ["n", "logrank.chisq", "weighted_test.chisq", "groups.1.table.4.survival", "groups.1.table.4.upper"] {
        #expect(
          (Self.value(at: path, in: cli) as? NSNumber) == (Self.value(at: path, in: built) as? NSNumber),
          "\(id) \(path)")
      }
    }
    let table = try String(contentsOfFile: folder.path + "/out/cox.csv", encoding: .utf8)
    let run = try Survfig.run(
      ["cox", "--data", "lung-weights.csv", "--model", "Surv(time, status) ~ sex + age", "--weights", "w", "--json"],
      in: folder.path)
    let hr = try #require(
      (Self.value(at: "terms.0.hr", in: try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)))
        as? Double))
    #expect(table.contains(String(format: "%.2f", hr)), "\(table)")
  }
}
