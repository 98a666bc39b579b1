import Foundation
import Testing

/// The README's "Edge cases" of `survfig km`, end to end: each case's JSON and warnings. The R
/// values come from `survfit`/`survdiff` on the same data (survival 3.x, `sprintf("%.17g")`).
@Suite("survfig km, edge cases as the README documents them")
struct KaplanMeierEdgeCaseCLITests {
  struct Run {
    var json: [String: Any]
    var warnings: String
    var groups: [[String: Any]] { json["groups"] as? [[String: Any]] ?? [] }
    var logRank: [String: Any]? { json["logrank"] as? [String: Any] }
    func median(_ g: Int) -> [Double?] {
      let m = groups[g]["median"] as? [String: Any] ?? [:]
      return ["estimate", "lower", "upper"].map { m[$0] as? Double }
    }
  }

  func km(_ csv: String, _ extra: [String] = ["--group", "g"]) throws -> Run {
    let folder = try ScratchFolder()
    try folder.write("d.csv", csv)
    let result = try Survfig.run(
      ["km", "--data", "d.csv", "--time", "time", "--event", "status", "--json"] + extra, in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let json = try #require(try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any])
    return Run(json: json, warnings: result.standardError)
  }

  /// `survdiff(Surv(time, status) ~ g)`: chisq 5.0516605166051667 on 1 df, p 0.02460234995364172.
  @Test("a group without events is tested as R tests it, with a warning; its median is null")
  func groupWithoutEvents() throws {
    let run = try km("time,status,g\n1,1,1\n2,1,1\n3,1,1\n4,0,2\n5,0,2\n6,0,2\n")
    #expect(run.warnings == "warning: group '2' has no events\n")
    #expect(abs((run.logRank?["chisq"] as? Double ?? 0) - 5.0516605166051667) < 1e-12)
    #expect(run.logRank?["df"] as? Int == 1)
    #expect(abs((run.logRank?["p"] as? Double ?? 0) - 0.02460234995364172) < 1e-12)
    #expect(run.median(1) == [nil, nil, nil])
  }

  /// R: `Chisq= 0 on 0 degrees of freedom, p= 1`; survfig has no test to report.
  @Test("a group never at risk at an event time leaves the test; with one group left there is none")
  func groupNeverAtRisk() throws {
    let run = try km("time,status,g\n0.5,0,2\n0.7,0,2\n1,1,1\n2,1,1\n3,1,1\n")
    #expect(
      run.warnings == """
        warning: group '2' has no events
        warning: group '2' has no subjects at risk at any event time and is left out of the log-rank test
        warning: fewer than two groups have subjects at risk at event times, so the log-rank test is undefined

        """)
    let test = try #require(run.logRank)
    #expect(test["chisq"] is NSNull && test["df"] is NSNull && test["p"] is NSNull)
    #expect(test["observed"] as? [Double] == [3, 0] && test["expected"] as? [Double] == [3, 0])
  }

  /// R: `Chisq= 0 on -1 degrees of freedom, p= NA`.
  @Test("all censored: S = 1, medians null, no test")
  func allCensored() throws {
    let run = try km("time,status,g\n1,0,1\n2,0,2\n3,0,1\n4,0,2\n")
    #expect(run.warnings == "warning: no group has events, so the log-rank test is undefined. Check the event coding\n")
    #expect(run.logRank?["chisq"] is NSNull)
    #expect(run.median(0) == [nil, nil, nil] && run.median(1) == [nil, nil, nil])
    let rows = try #require(run.groups[0]["table"] as? [[String: Any]])
    #expect(rows.allSatisfy { $0["survival"] as? Double == 1 })
  }

  /// R: `quantile(survfit(...), 0.5)` gives 5 with NA limits; `survdiff` stops ("system is
  /// exactly singular").
  @Test("all events at one time: median at that time without limits, no test, a warning")
  func allEventsAtOneTime() throws {
    let run = try km("time,status,g\n5,1,1\n5,1,1\n5,1,2\n5,1,2\n")
    #expect(
      run.warnings
        == "warning: the log-rank variance matrix has rank 0 instead of 1; the test uses a generalized inverse with 0 degrees of freedom\n"
    )
    #expect(run.logRank?["chisq"] is NSNull)
    #expect(run.median(0) == [5, nil, nil])
  }

  /// R: `survdiff` stops with "There is only 1 group".
  @Test("a single group: logrank null, silently")
  func singleGroup() throws {
    let run = try km("time,status,g\n1,1,1\n2,0,1\n3,1,1\n")
    #expect(run.json["logrank"] is NSNull)
    #expect(run.warnings == "")
    #expect(run.median(0) == [3, 1, nil])
  }

  /// `survdiff`: chisq 1.6589185741620021; group 2's median 7 (NA–NA).
  @Test("a group of one patient is estimated and tested normally")
  func groupOfOne() throws {
    let run = try km("time,status,g\n1,1,1\n2,0,1\n3,1,1\n4,1,1\n5,0,1\n6,1,1\n7,1,2\n")
    #expect(abs((run.logRank?["chisq"] as? Double ?? 0) / 1.6589185741620021 - 1) < 1e-12)
    #expect(run.median(1) == [7, nil, nil])
  }

  /// `summary(survfit(Surv(time, status) ~ g), censored = TRUE)`: at time 0 n.risk 5, 1 event,
  /// S 0.8; `survdiff` chisq 0.013832318425616011.
  @Test("a time of 0: events at 0 count in the first risk set; the curve starts below 1")
  func timeZero() throws {
    let run = try km("time,status,g\n0,1,1\n0,0,1\n1,1,1\n2,1,1\n3,0,1\n0,1,2\n1,1,2\n4,1,2\n")
    let first = try #require((run.groups[0]["table"] as? [[String: Any]])?.first)
    #expect(first["time"] as? Double == 0 && first["n_risk"] as? Int == 5 && first["n_event"] as? Int == 1)
    #expect(first["n_censor"] as? Int == 1 && first["survival"] as? Double == 0.8)
    #expect(abs((run.logRank?["chisq"] as? Double ?? 0) - 0.013832318425616011) < 1e-12)
  }

  /// `summary(survfit(Surv(time, status) ~ 1), censored = TRUE)` at time 2: n.risk 5, S 0.667,
  /// then n.risk 2 at time 3.
  @Test("ties between events and censorings: those censored at t are at risk at t")
  func ties() throws {
    let run = try km("time,status\n1,1\n2,1\n2,0\n2,0\n3,1\n4,0\n", [])
    let rows = try #require(run.groups[0]["table"] as? [[String: Any]])
    #expect(rows.map { $0["n_risk"] as? Int } == [6, 5, 2, 1])
    #expect(rows.map { $0["n_censor"] as? Int } == [0, 2, 0, 1])
    #expect(abs((rows[1]["survival"] as? Double ?? 0) - 2.0 / 3) < 1e-15)
  }

  /// R's `levels(factor(c("b", "B", "a", "A")))`: "A" "B" "a" "b" with `LC_COLLATE=C`, but
  /// "a" "A" "b" "B" in C.UTF-8 with ICU collation; `survdiff` chisq 2.249995913334812 either way.
  @Test("text groups come in byte order, as R's factor() in the C locale; --group-order gives any order")
  func textGroupOrder() throws {
    let csv = "time,status,g\n1,1,b\n2,1,B\n3,0,a\n4,1,A\n5,1,b\n6,0,B\n7,1,a\n8,1,A\n"
    let byte = try km(csv)
    #expect(byte.groups.map { $0["label"] as? String } == ["A", "B", "a", "b"])
    let given = try km(csv, ["--group", "g", "--group-order", "a,A,b,B"])
    #expect(given.groups.map { $0["label"] as? String } == ["a", "A", "b", "B"])
    for run in [byte, given] { #expect(abs((run.logRank?["chisq"] as? Double ?? 0) - 2.249995913334812) < 1e-12) }
  }
}
