import Foundation
import Testing

@testable import ReportEngine

@Suite("Temporary files a killed run left behind")
struct StaleTemporaryFileTests {
  /// The process id of a process that has ended.
  static func endedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test("a commit removes its targets' temporary files of ended processes, and nothing else")
  func removesStale() throws {
    let folder = try StageFolder()
    let ended = try Self.endedProcess()
    try folder.write("km.pdf", "earlier")
    try folder.write(".km.pdf.\(ended)-3.tmp", "half")
    try folder.write(".km.pdf.\(ended)-4.old", "kept during a rename")
    // Process 1 runs as long as the machine does; another name, and a name of another form, are not ours.
    try folder.write(".km.pdf.1-2.tmp", "a running process's")
    try folder.write(".notes.txt.\(ended)-1.tmp", "another target's")
    try folder.write(".km.pdf.backup", "the user's")
    var stage = OutputStage()
    stage.add(Array("new".utf8), to: folder.path + "/km.pdf")
    try stage.commit()
    #expect(
      folder.snapshot.entries == [
        "km.pdf": .file(Array("new".utf8)), ".km.pdf.1-2.tmp": .file(Array("a running process's".utf8)),
        ".notes.txt.\(ended)-1.tmp": .file(Array("another target's".utf8)),
        ".km.pdf.backup": .file(Array("the user's".utf8)),
      ])
  }

  @Test("only names of the temporary form name a process")
  func names() {
    #expect(_StaleTemporaryFiles.processID(inTemporaryName: "1234-5.tmp") == 1234)
    #expect(_StaleTemporaryFiles.processID(inTemporaryName: "1234-5.old") == 1234)
    for tail in ["1234.tmp", "1234-5.bak", "x-5.tmp", "1234-5.tmp.tmp", "0-1.tmp", "-3-1.tmp", "backup"] {
      #expect(_StaleTemporaryFiles.processID(inTemporaryName: tail) == nil, "\(tail)")
    }
  }
}
