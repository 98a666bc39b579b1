import Foundation
import Testing

/// A build interrupted by SIGINT or SIGTERM removes its temporary files and ends by the signal;
/// the output folder holds every earlier file or every new one.
@Suite("A signal removes the staged files")
struct OutputSignalTests {
  /// Standard error of a survfig run until it says it holds its staged files (or ends).
  static func waitForStagedFiles(_ pipe: Pipe) -> String {
    var text = ""
    while !text.hasSuffix("files staged\n") {
      let data = pipe.fileHandleForReading.availableData
      if data.isEmpty { break }
      text += String(decoding: data, as: UTF8.self)
    }
    return text
  }

  @Test(
    "a signal while every file is staged: the temporary files are removed, the earlier outputs kept",
    arguments: [SIGTERM, SIGINT])
  func signalWhileStaged(signal: Int32) throws {
    let folder = try OutputFailureTests.folder()
    #expect(try Survfig.run(OutputFailureTests.build, in: folder.path).status == 0)
    try folder.write("r.yaml", OutputFailureTests.template(title: "Second"))
    let before = folder.snapshot(".")
    let (process, errors) = try Survfig.start(
      OutputFailureTests.build, in: folder.path, environment: ["SURVFIG_TEST_HOLD_STAGED_FILES": "1"])
    // Every file but the dependency file, whose bytes are the same, is staged.
    #expect(Self.waitForStagedFiles(errors) == "survfig: 10 files staged\n")
    #expect(folder.temporaryFiles(in: "out").count == 10)
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
    #expect(folder.temporaryFiles(in: "out") == [])
    #expect(folder.snapshot(".") == before)
  }

  @Test("SIGTERM at any moment of a build of 37 files leaves every old file or every new one, never a temporary file")
  func signalAtAnyMoment() throws {
    let folder = try ScratchFolder()
    try folder.copyTemplate("lung.yaml", data: ["lung.csv", "veteran.csv"])
    let original = try String(contentsOfFile: folder.path + "/lung.yaml", encoding: .utf8)
    let versions = [
      original, original.replacingOccurrences(of: "title: Overall survival in", with: "title: Survival in"),
    ]
    #expect(versions[0] != versions[1])
    let build = ["build", "lung.yaml", "--out", "out", "--depfile", "out/lung.d", "--quiet"]
    // The folder after a complete build of each version: the two states it may be left in.
    var states: [FolderSnapshot] = []
    var duration = 0.0
    for version in versions {
      try folder.write("lung.yaml", version)
      let start = Date()
      #expect(try Survfig.run(build, in: folder.path).status == 0)
      duration = Date().timeIntervalSince(start)
      states.append(folder.snapshot("out"))
    }
    #expect(states[0].names.count == 37 && states[0] != states[1])
    var current = 1
    for attempt in 0..<8 {
      let next = 1 - current
      try folder.write("lung.yaml", versions[next])
      let (process, _) = try Survfig.start(build, in: folder.path)
      usleep(UInt32(duration * Double(attempt + 1) / 8 * 1_000_000))
      kill(process.processIdentifier, SIGTERM)
      process.waitUntilExit()
      let after = folder.snapshot("out")
      #expect(folder.temporaryFiles(in: "out") == [], "attempt \(attempt)")
      if process.terminationReason == .exit {
        #expect(process.terminationStatus == 0)
        #expect(after == states[next], "attempt \(attempt)")
      } else {
        #expect(process.terminationStatus == SIGTERM)
        #expect(after == states[current] || after == states[next], "attempt \(attempt): \(after)")
      }
      if after == states[next] { current = next }
    }
  }
}
