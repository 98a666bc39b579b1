import Foundation
import FuzzSupport
import ReportTemplates

/// libFuzzer target: a report template read and checked (`ReportTemplate(yaml:file:)`), its data
/// file present beside it, so that figures, endpoints, expressions and formulas are read too.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
  testOne(fuzzInput(data, size))
  return 0
}

/// A folder with `aml.csv`, made once per process.
let folder: String = {
  let path = NSTemporaryDirectory() + "survfig-fuzz-templates-\(ProcessInfo.processInfo.processIdentifier)"
  try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  let csv = "time,status,x,age,sex\n9,1,1,61,m\n13,1,1,70,f\n13,0,1,55,f\n18,1,2,48,m\n23,1,2,66,f\n5,1,2,59,m\n"
  try? csv.write(toFile: path + "/aml.csv", atomically: true, encoding: .utf8)
  return path
}()

func testOne(_ bytes: [UInt8]) {
  let yaml = String(decoding: bytes, as: UTF8.self)
  do {
    let template = try ReportTemplate(yaml: yaml, file: folder + "/report.yaml")
    _ = template.figures.map(\.caption)
  } catch {
    _ = error.description
  }
}

#if !FUZZING
  @main
  enum Replay {
    static func main() { replayFuzzInputs(CommandLine.arguments, testOne) }
  }
#endif
