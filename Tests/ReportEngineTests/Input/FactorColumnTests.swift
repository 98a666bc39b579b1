import ClinicalData
import SurvivalStatistics
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Group and strata order")
struct FactorColumnTests {
  /// The groups of `values` (one row each, all with time 1 and an event).
  func groups(_ values: [String], order: [String]? = nil) throws -> FactorColumn {
    let text = "time,status,arm\n" + values.map { "1,1,\($0)" }.joined(separator: "\n")
    let data = try survivalColumns(
      text, SurvivalColumnMapping(time: "time", event: "status", group: "arm", groupOrder: order))
    return try #require(data.group)
  }

  func orderError(_ values: [String], order: [String]?) throws -> String? {
    let text = "time,status,arm\n" + values.map { "1,1,\($0)" }.joined(separator: "\n")
    return try mappingError(
      text, named: "trial.csv",
      SurvivalColumnMapping(time: "time", event: "status", group: "arm", groupOrder: order))
  }

  @Test("Numeric codes sort numerically and print without a decimal point")
  func numericOrder() throws {
    let arm = try groups(["10", "2", "1.0", "1", "0.5", "2"])
    #expect(arm.isNumeric)
    #expect(arm.levels == ["0.5", "1", "2", "10"])
    #expect(arm.codes == [3, 2, 1, 1, 0, 2])
    #expect(arm.counts == [1, 2, 2, 1])
    #expect(try groups(["-1", "1e3", "3"]).levels == ["-1", "3", "1000"])
  }

  @Test("Text sorts by Unicode code point, as R's sort in the C locale")
  func textOrder() throws {
    let arm = try groups(["b", "B", "Ä", "a", "A", "10", "9"])
    #expect(!arm.isNumeric)
    #expect(arm.levels == ["10", "9", "A", "B", "a", "b", "Ä"])
    #expect(arm.codes == [5, 3, 6, 4, 2, 0, 1])
    #expect(try groups(["TRUE", "FALSE"]).levels == ["FALSE", "TRUE"])
  }

  @Test("A given order is used as is; numeric entries match numerically")
  func userOrder() throws {
    let arm = try groups(["Placebo", "Drug", "Drug"], order: ["Placebo", " Drug"])
    #expect(arm.levels == ["Placebo", "Drug"])
    #expect(arm.codes == [0, 1, 1])
    let sex = try groups(["1", "2", "1"], order: ["2", "1.0"])
    #expect(sex.levels == ["2", "1"])
    #expect(sex.codes == [1, 0, 1])
  }

  @Test("Levels come from the analysed rows only")
  func levelsOfAnalysedRows() throws {
    let data = try survivalColumns(
      "time,status,arm\n1,1,A\nNA,1,B\n2,0,C\n",
      SurvivalColumnMapping(time: "time", event: "status", group: "arm"))
    #expect(data.group?.levels == ["A", "C"])
    #expect(data.group?.codes == [0, 1])
  }

  @Test("Strata take an order too")
  func strataOrder() throws {
    let data = try survivalColumns(
      "time,status,site\n1,1,north\n2,0,south\n3,1,north\n",
      SurvivalColumnMapping(
        time: "time", event: "status", strata: "site", strataOrder: ["south", "north"]))
    #expect(data.strata?.levels == ["south", "north"])
    #expect(data.strata?.codes == [1, 0, 1])
  }

  @Test("Values of the data that the order leaves out")
  func valuesMissingFromOrder() throws {
    #expect(
      try orderError(["A", "B", "C", "D", "C"], order: ["A", "B"])
        == "trial.csv:4:3: column 'arm' has groups 'C', 'D', which are not in the group order 'A', 'B'. Add them to the order"
    )
    #expect(
      try orderError(["A", "B", "C"], order: ["B", "A"])
        == "trial.csv:4:3: column 'arm' has group 'C', which is not in the group order 'B', 'A'. Add it to the order"
    )
  }

  @Test("Order entries that are not in the data")
  func unknownOrderEntries() throws {
    #expect(
      try orderError(["Placebo", "Drug A"], order: ["Placbo", "Drug A"])
        == "unknown group 'Placbo' in the group order for column 'arm' of trial.csv. Did you mean 'Placebo'? Groups in the data: 'Drug A', 'Placebo'"
    )
    #expect(
      try orderError(["1", "2"], order: ["1", "3"])
        == "unknown group '3' in the group order for column 'arm' of trial.csv. Groups in the data: '1', '2'"
    )
    #expect(
      try orderError(["1", "2"], order: ["1", "one"])
        == "unknown group 'one' in the group order for column 'arm' of trial.csv. Groups in the data: '1', '2'"
    )
  }

  @Test("An order entry whose rows are all excluded")
  func orderEntryWithoutRows() throws {
    let message = try mappingError(
      "time,status,arm\n1,1,A\nNA,1,B\n", named: "trial.csv",
      SurvivalColumnMapping(time: "time", event: "status", group: "arm", groupOrder: ["A", "B"]))
    #expect(
      message
        == "trial.csv:3:3: group 'B' of the group order for column 'arm' occurs only in rows excluded for missing values"
    )
  }

  @Test("Duplicate entries and an empty order")
  func malformedOrders() throws {
    #expect(
      try orderError(["A", "B"], order: ["A", "B", "A"])
        == "the group order for column 'arm' lists 'A' twice")
    #expect(
      try orderError(["1", "2"], order: ["1", "2", "2.0"])
        == "the group order for column 'arm' lists '2.0' twice")
    #expect(
      try orderError(["B", "A"], order: [])
        == "the group order for column 'arm' is empty; list the groups in the order wanted, from 'A', 'B'"
    )
    let strata = try mappingError(
      "time,status,site\n1,1,x\n", named: "trial.csv",
      SurvivalColumnMapping(time: "time", event: "status", strata: "site", strataOrder: []))
    #expect(
      strata
        == "the strata order for column 'site' is empty; list the strata in the order wanted, from 'x'"
    )
  }

  // R 4.2.2: cat(as.character(c(1, -0, 2.5, 0.1, 1e-5, 1e15, 1/3, -1.5e20, 123456789, 100000,
  //   100001, 1e-4, 0.001, 1234567, 2e5)), sep = "|"); as.character(c(100000L, 2000000L))
  @Test("Number labels print as R prints factor levels of a double or an integer column")
  func levelLabels() {
    let doubles: [Double] = [
      1, -0.0, 2.5, 0.1, 1e-5, 1e15, 1.0 / 3, -1.5e20, 123_456_789, 100_000, 100_001, 1e-4, 0.001, 1_234_567, 2e5,
    ]
    #expect(
      doubles.map { Factor.label($0) }
        == [
          "1", "0", "2.5", "0.1", "1e-05", "1e+15", "0.333333333333333", "-1.5e+20", "123456789", "1e+05", "100001",
          "1e-04", "0.001", "1234567", "2e+05",
        ])
    #expect(Factor.labels([100_000, 2_000_000]) == ["100000", "2000000"])
    #expect(Factor.labels([100_000, 0.5]) == ["1e+05", "0.5"])
    #expect(Factor.label(.infinity) == "Inf" && Factor.label(-.infinity) == "-Inf" && Factor.label(.nan) == "NaN")
  }
}
