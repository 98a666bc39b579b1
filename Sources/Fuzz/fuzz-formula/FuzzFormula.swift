import FuzzSupport
import SurvivalStatistics

/// libFuzzer target: an R model formula parsed and expanded into terms (`survfig cox --model`,
/// forest plots' `model`), then evaluated as a model frame on a small data set.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFormula(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  testOne(fuzzInput(data, size))
  return 0
}

let data = ModelData(columns: [
  "time": .numeric([5, 8, 12, 23, 27, 30, 33, 43, 45, 9]),
  "status": .numeric([1, 1, 0, 1, 2, 1, 0, 1, 2, .nan]),
  "age": .numeric([71, 58, 64, 49, 80, 66, 55, 62, 70, 44]),
  "x": .numeric([1, 2, 1, 2, 1, 2, 1, 2, 1, 2]),
  "sex": .categorical(["m", "f", "f", "m", nil, "f", "m", "m", "f", "f"], levels: nil),
  "stage": .categorical(
    ["I", "II", "III", "IV", "I", "II", "III", "IV", "I", "II"], levels: ["I", "II", "III", "IV"]),
  "weird name": .numeric([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]),
])

func testOne(_ bytes: [UInt8]) {
  let text = String(decoding: bytes, as: UTF8.self)
  let formula: ModelFormula
  do {
    formula = try ModelFormula(parsing: text)
  } catch {
    _ = error.description
    return
  }
  _ = formula.description
  _ = formula.terms.map(\.label)
  _ = formula.keepingTerms(formula.terms.prefix(1).map(\.label))
  if let frame = try? ModelFrame(formula: formula, data: data) {
    _ = frame.design.labels
    _ = frame.strataLabels
  }
}

#if !FUZZING
  @main
  enum Replay {
    static func main() { replayFuzzInputs(CommandLine.arguments, testOne) }
  }
#endif
