import ClinicalData
import Testing

@testable import Analyses
@testable import Expressions
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalSimulation

@Suite("Survival columns from a table")
struct SurvivalColumnsTests {
  @Test("lung: time, status (2 = event) and sex")
  func lung() throws {
    let data = try survivalColumns(
      lungExcerpt, named: "lung.csv",
      SurvivalColumnMapping(
        time: "time", event: "status", eventCoding: .values(event: "2", censored: []),
        group: "sex"))
    #expect(data.file == "lung.csv")
    #expect(data.times == [306, 455, 1010, 210, 883, 1022, 310, 361])
    #expect(data.events == [true, true, false, true, true, false, true, true])
    #expect(data.count == 8)
    #expect(data.eventCount == 6)
    #expect(data.rows == Array(0..<8))
    #expect(data.lines == Array(2...9))
    #expect(data.excludedCount == 0)
    #expect(data.eventCoding == .values(event: "2", censored: ["1"]))  // the default censoring code of 2
    let sex = try #require(data.group)
    #expect(sex.name == "sex")
    #expect(sex.role == .group)
    #expect(sex.levels == ["1", "2"])
    #expect(sex.codes == [0, 0, 0, 0, 0, 0, 1, 1])
    #expect(sex.counts == [6, 2])
    #expect(sex.isNumeric)
    #expect(data.strata == nil)
  }

  @Test(
    "Rows with a missing time, event, group, stratum or required value are excluded and counted")
  func exclusion() throws {
    let text = """
      id,time,status,arm,site,age
      1,5,1,A,x,60
      2,NA,1,A,x,61
      3,7,,B,x,62
      4,8,0,,x,63
      5,9,0,B,,64
      6,10,1,B,y,
      7,11,0,A,y,66

      """
    let full = try survivalColumns(
      text,
      SurvivalColumnMapping(
        time: "time", event: "status", group: "arm", strata: "site", requiredColumns: ["age"]))
    #expect(full.rows == [0, 6])
    #expect(full.lines == [2, 8])
    #expect(full.times == [5, 11])
    #expect(full.events == [true, false])
    #expect(full.excludedCount == 5)
    #expect(full.group?.levels == ["A"])
    #expect(full.strata?.levels == ["x", "y"])
    #expect(full.strata?.codes == [0, 1])
    #expect(full.strata?.role == .strata)

    let plain = try survivalColumns(text, SurvivalColumnMapping(time: "time", event: "status"))
    #expect(plain.rows == [0, 3, 4, 5, 6])
    #expect(plain.excludedCount == 2)
    #expect(plain.eventCoding == .zeroOne)
  }

  @Test("Lines are physical lines, after a value that spans lines")
  func physicalLines() throws {
    let data = try survivalColumns(
      "time,status,note\n1,1,\"two\nlines\"\n2,0,x\n",
      SurvivalColumnMapping(time: "time", event: "status"))
    #expect(data.lines == [2, 4])
  }

  @Test("Negative times, naming the first and counting the others")
  func negativeTime() throws {
    let lung = "inst,time,status\n3,306,2\n3,455,2\n5,210,2\n1,-3,2\n"
    let mapping = SurvivalColumnMapping(time: "time", event: "status")
    #expect(
      try mappingError(lung, named: "lung.csv", mapping)
        == "lung.csv:5:2: column 'time' has a negative time '-3'; times must be ≥ 0")
    #expect(
      try mappingError(lung + "1,-0.5,1\n2,-7,1\n", named: "lung.csv", mapping)
        == "lung.csv:5:2: column 'time' has a negative time '-3' (and 2 more rows); times must be ≥ 0"
    )
    // -0 is zero, not negative.
    #expect(try survivalColumns("time,status\n-0,1\n", mapping).times == [0])
  }

  @Test("Times must be finite numbers")
  func nonNumericTime() throws {
    let mapping = SurvivalColumnMapping(time: "time", event: "status")
    #expect(
      try mappingError("time,status\n5,1\nInf,0\n", named: "lung.csv", mapping)
        == "lung.csv:3:1: column 'time' has a non-finite time 'Inf'; times must be finite numbers")
    #expect(
      try mappingError("time,status\nNaN,1\n-inf,0\n", named: "lung.csv", mapping)
        == "lung.csv:2:1: column 'time' has a non-finite time 'NaN' (and 1 more row); times must be finite numbers"
    )
    #expect(
      try mappingError("status,time\n1,5\n1,abc\n", named: "lung.csv", mapping)
        == "lung.csv:3:2: column 'time' expects a number, found 'abc'")
  }

  @Test("Unknown column names suggest the nearest one")
  func unknownColumns() throws {
    #expect(
      try mappingError(
        lungExcerpt, named: "lung.csv", SurvivalColumnMapping(time: "tmie", event: "status"))
        == "lung.csv:1: unknown column 'tmie'. Did you mean 'time'? Available columns: inst, time, status, age, sex, ph.ecog, ph.karno, pat.karno, meal.cal, wt.loss"
    )
    #expect(
      try mappingError(
        lungExcerpt, named: "lung.csv",
        SurvivalColumnMapping(time: "time", event: "status", group: "arm"))
        == "lung.csv:1: unknown column 'arm'. Available columns: inst, time, status, age, sex, ph.ecog, ph.karno, pat.karno, meal.cal, wt.loss"
    )
    #expect(
      try mappingError(
        lungExcerpt, named: "lung.csv",
        SurvivalColumnMapping(time: "time", event: "status", requiredColumns: ["Age"]))
        == "lung.csv:1: unknown column 'Age'. Did you mean 'age'? Available columns: inst, time, status, age, sex, ph.ecog, ph.karno, pat.karno, meal.cal, wt.loss"
    )
  }

  @Test("No rows left after exclusion")
  func noRowsLeft() throws {
    let text = "time,status,arm\nNA,1,A\n5,,B\n6,1,\n"
    #expect(
      try mappingError(
        text, named: "trial.csv", SurvivalColumnMapping(time: "time", event: "status", group: "arm")
      )
        == "trial.csv: no rows left for analysis: all 3 rows have a missing value in 'time', 'status' or 'arm'"
    )
    #expect(
      try mappingError(
        "time,status\nNA,1\n", named: "trial.csv",
        SurvivalColumnMapping(time: "time", event: "status"))
        == "trial.csv: no rows left for analysis: the only row has a missing value in 'time' or 'status'"
    )
  }
}
