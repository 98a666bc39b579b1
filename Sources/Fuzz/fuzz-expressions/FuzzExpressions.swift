import ClinicalData
import Expressions
import FuzzSupport

/// libFuzzer target: an expression of the template language parsed, then evaluated as a derived
/// column and as a filter over a small table of numbers, text, dates and missing values.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzExpressions(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  testOne(fuzzInput(data, size))
  return 0
}

let table = try! DataTable(
  text: """
    id,age,sex,stage,diagnosis,death,last_contact,ecog,flag
    1,71,1,III,2019-03-14,2020-03-13,,1,TRUE
    2,58,2,IV,14/03/2019,,2021-03-14,,FALSE
    3,,2,II,14 Mar 2019,,15.09.2019,0,
    4,-0.5,NA,"a ""quoted"" stage",31.12.1999,2000-01-01,1e308,3,TRUE

    """, file: "cohort.csv")

func testOne(_ bytes: [UInt8]) {
  let source = String(decoding: bytes, as: UTF8.self)
  let expression: Expression
  do {
    expression = try ExpressionParser.parse(source)
  } catch {
    _ = error.pointer
    return
  }
  _ = expression.columns
  var evaluator = ExpressionEvaluator(table: table)
  if let values = try? evaluator.values(of: expression, source: source) {
    _ = ExpressionValue.column(named: "derived", values)
    _ = values.map(\.cell)
  }
  _ = try? evaluator.rows(where: expression, source: source)
}

#if !FUZZING
  @main
  enum Replay {
    static func main() { replayFuzzInputs(CommandLine.arguments, testOne) }
  }
#endif
