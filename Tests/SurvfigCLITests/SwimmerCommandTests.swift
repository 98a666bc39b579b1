import Foundation
import Testing

@Suite("survfig swimmer")
struct SwimmerCommandTests {
  let example = [
    "swimmer", "--data", "Templates/data/swimmer-patients.csv", "--id", "patient", "--end", "end",
    "--group", "group", "--ongoing", "ongoing", "--response-start", "response_start",
    "--response-end", "response_end", "--events", "Templates/data/swimmer-events.csv",
    "--event-id", "patient", "--event-time", "month", "--event-type", "event", "--time-unit", "months",
  ]

  @Test("the example renders to PDF, SVG, PNG and EPS")
  func everyFormat() throws {
    let folder = try ResponseCLI.folder([:])
    let outputs = ["s.pdf", "s.svg", "s.png", "s.eps"].map { folder.appendingPathComponent($0).path }
    let result = try ResponseCLI.run(example + outputs.flatMap { ["--out", $0] })
    #expect(result.status == 0, "\(result.standardError)")
    let heads = ["%PDF", "<?xml", "\u{89}PNG", "%!PS"]
    for (path, head) in zip(outputs, heads) {
      let data = try Data(contentsOf: URL(fileURLWithPath: path))
      #expect(data.count > 1000)
      #expect(
        String(decoding: data.prefix(head.utf8.count), as: UTF8.self) == head
          || data.prefix(4) == Data(head.unicodeScalars.map { UInt8($0.value) }))
    }
    let svg = try String(contentsOfFile: outputs[1], encoding: .utf8)
    // Patterns are vector geometry clipped to each bar, so they stay crisp at any zoom.
    #expect(svg.contains("<clipPath"))
  }

  @Test(
    "bad input fails with a located message, exit status 1 and no file",
    arguments: [
      (
        "id,end\nA,5\nB,3\n", "id,t,type\nA,1,PR\nC,2,PD\n",
        "Error: events.csv:3:1: patient 'C' is not in patients.csv\n"
      ),
      (
        "id,start,end\nA,0,5\nB,4,3\n", nil,
        "Error: patients.csv:3:3: patient 'B' ends at 3, before the start at 4\n"
      ),
      (
        "id,end\nA,5\nA,3\n", nil,
        "Error: patients.csv:3:1: patient 'A' has a second row (the first is on line 2); the patients file needs one row per patient\n"
      ),
      (
        "id,end,on\nA,5,maybe\n", nil,
        "Error: patients.csv:2:3: column 'on' has 'maybe'; expected 1/0, TRUE/FALSE, yes/no or an empty cell\n"
      ),
      ("id,end\nA,5\nB,\n", nil, "Error: patients.csv:3:2: column 'end' is empty for patient 'B'\n"),
      (
        "id,end\nA,5\nB,-2\n", nil,
        "Error: patients.csv:3:2: column 'end' has the time '-2'; times must be finite and ≥ 0\n"
      ),
      ("id,end\nA,5\n", "id,t,type\nA,1,\n", "Error: events.csv:2:3: column 'type' is empty for patient 'A'\n"),
    ] as [(String, String?, String)])
  func badInput(patients: String, events: String?, message: String) throws {
    var files = ["patients.csv": patients]
    if let events { files["events.csv"] = events }
    let folder = try ResponseCLI.folder(files)
    var arguments = ["swimmer", "--data", "patients.csv", "--id", "id", "--end", "end", "--out", "s.pdf"]
    if patients.hasPrefix("id,start") { arguments += ["--start", "start"] }
    if patients.contains(",on\n") { arguments += ["--ongoing", "on"] }
    if events != nil {
      arguments += ["--events", "events.csv", "--event-id", "id", "--event-time", "t", "--event-type", "type"]
    }
    let result = try ResponseCLI.run(arguments, in: folder)
    #expect(result.status == 1)
    #expect(result.standardError == message)
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("s.pdf").path))
  }

  @Test("usage errors exit with status 64")
  func usage() throws {
    let result = try ResponseCLI.run(
      ["swimmer", "--data", "p.csv", "--id", "id", "--end", "end", "--events", "e.csv", "--out", "s.pdf"])
    #expect(result.status == 64)
    #expect(result.standardError.hasPrefix("Error: '--events' needs '--event-id', '--event-time' and '--event-type'\n"))
  }
}
