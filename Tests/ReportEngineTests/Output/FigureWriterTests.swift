import FigureCore
import Foundation
import Testing

@testable import ReportEngine

@Suite("A command's figure and table files are written together")
struct FigureWriterTests {
  @Test("a table file that cannot be written leaves no figure file either")
  func figureAndTableTogether() throws {
    let folder = try StageFolder()
    let writer = try FigureWriter(paths: [folder.path + "/km.pdf"], dpi: 300, title: nil)
    // A folder where the table should go: the stage refuses it before writing anything.
    try FileManager.default.createDirectory(atPath: folder.path + "/km.docx", withIntermediateDirectories: false)
    #expect(throws: OutputError.self) {
      try writer.write(alongside: [(folder.path + "/km.docx", Array("table".utf8))]) { _ in
        Scene(size: Size(width: 100, height: 100), commands: [])
      }
    }
    #expect(folder.snapshot.entries == ["km.docx": .folder])
    // Without figure paths, the files alongside are still written.
    let tablesOnly = try FigureWriter(paths: [], dpi: 300, title: nil)
    try tablesOnly.write(alongside: [(folder.path + "/km.csv", Array("a,b".utf8))]) { _ in
      Issue.record("no figure to lay out")
      return Scene(size: Size(width: 1, height: 1), commands: [])
    }
    #expect(folder.snapshot.entries == ["km.docx": .folder, "km.csv": .file(Array("a,b".utf8))])
  }
}
