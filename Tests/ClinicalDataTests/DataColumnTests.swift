import Testing

@testable import ClinicalData

@Suite("Typed access to columns")
struct DataColumnTests {
  // First rows of R's survival::lung (lung.csv as distributed with the package).
  static let lung = """
    inst,time,status,age,sex,ph.ecog,ph.karno,pat.karno,meal.cal,wt.loss
    3,306,2,74,1,1,90,100,1175,
    3,455,2,68,1,0,90,90,1225,15
    3,1010,1,56,1,0,90,90,,15
    5,210,2,57,1,1,90,60,1150,11
    1,883,2,60,1,0,100,90,,0
    12,1022,1,74,1,1,50,80,513,0
    7,310,2,68,2,2,70,60,384,10
    21,71,2,60,1,,60,70,1225,32
    22,613,2,70,1,1,90,100,1150,-5

    """

  @Test("Numeric columns, missing values as nil")
  func numericValues() throws {
    let table = try readTable(Self.lung, named: "lung.csv")
    #expect(table.rowCount == 9)
    #expect(
      try table.column(named: "time").numericValues() == [
        306, 455, 1010, 210, 883, 1022, 310, 71, 613,
      ])
    #expect(
      try table.column(named: "meal.cal").numericValues()
        == [1175, 1225, nil, 1150, nil, 513, 384, 1225, 1150])
    #expect(try table.column(named: "wt.loss").numericValues().last == -5)
    #expect(try table.column(named: "ph.ecog").number(atRow: 7) == nil)
    #expect(try table.column(named: "ph.ecog").number(atRow: 6) == 2)
    #expect(try table.column(named: "meal.cal").missingCount == 2)
  }

  @Test("Numeric detection")
  func isNumeric() throws {
    let table = try readTable("a,b,c,d,e\n1,x,,1e3,TRUE\nNA,2,,-Inf,FALSE\n")
    #expect(try table.column(named: "a").isNumeric)
    #expect(try !table.column(named: "b").isNumeric)
    #expect(try !table.column(named: "c").isNumeric)  // all missing
    #expect(try table.column(named: "d").isNumeric)
    #expect(try !table.column(named: "e").isNumeric)
  }

  @Test("Text values, quotes removed and doubled quotes made single")
  func textValues() throws {
    let table = try readTable("arm\nPlacebo\n\"Drug \"\"A\"\"\"\nNA\n")
    let arm = try table.column(named: "arm")
    #expect(arm.textValues() == ["Placebo", "Drug \"A\"", nil])
    #expect(arm.rawText(atRow: 2) == "NA")
    #expect(arm.isMissing(atRow: 2))
    #expect(!arm.isMissing(atRow: 0))
    #expect(arm.name == "arm")
    #expect(arm.index == 0)
    #expect(arm.count == 3)
    #expect(arm.location(ofRow: 1).description == "data.csv:3:1")
  }

  @Test("Distinct values in order of first appearance, with codes per row")
  func distinctValues() throws {
    let table = try readTable("arm\nB\nA\n\"\"\nB\n\"A\"\nC\nNA\n1\n1.0\n\"x\"\"y\"\nx\"y\n")
    let distinct = try table.column(named: "arm").distinctValues()
    #expect(distinct.values == ["B", "A", "C", "1", "1.0", "x\"y"])
    #expect(distinct.codes == [0, 1, -1, 0, 1, 2, -1, 3, 4, 5, 5])
    #expect(distinct.firstRows == [0, 1, 5, 7, 8, 9])
    #expect(distinct.counts == [2, 2, 1, 1, 1, 2])
    #expect(distinct.missingCount == 2)
  }

  @Test("Distinct values survive many levels (hash table growth)")
  func manyDistinctValues() throws {
    let values = (0..<1000).map { "id\($0 % 300)" }
    let table = try readTable("id\n" + values.joined(separator: "\n"))
    let distinct = try table.column(named: "id").distinctValues()
    #expect(distinct.values == (0..<300).map { "id\($0)" })
    #expect(distinct.codes == (0..<1000).map { Int32($0 % 300) })
    #expect(distinct.counts.reduce(0, +) == 1000)
  }

  @Test("Columns by index and in file order")
  func columnsByIndex() throws {
    let table = try readTable("a,b\n1,2\n")
    #expect(table.columns.map(\.name) == ["a", "b"])
    #expect(table.column(at: 1).name == "b")
    #expect(table.index(ofColumn: "b") == 1)
    #expect(table.index(ofColumn: "z") == nil)
  }
}
