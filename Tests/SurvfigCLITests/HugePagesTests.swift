import Foundation
import Testing

@testable import SurvfigCLI

#if canImport(Glibc)
  @Suite("Huge pages: the restart is asked for only by a large data file")
  struct HugePagesTests {
    /// A sparse file of `bytes` (no disk blocks written) in a fresh folder.
    static func file(bytes: Int) throws -> String {
      let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("survfig-hugepages-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      let path = folder.appendingPathComponent("cohort.csv").path
      #expect(FileManager.default.createFile(atPath: path, contents: nil))
      let handle = try #require(FileHandle(forWritingAtPath: path))
      try handle.truncate(atOffset: UInt64(bytes))
      try handle.close()
      return path
    }

    @Test("A file of the threshold or more, as an argument or an --option=value")
    func largeFile() throws {
      let large = try Self.file(bytes: HugePages.largeFileBytes)
      defer { try? FileManager.default.removeItem(atPath: (large as NSString).deletingLastPathComponent) }
      #expect(HugePages.namesLargeFile(["km", "--data", large]))
      #expect(HugePages.namesLargeFile(["km", "--data=\(large)", "--group", "arm"]))
    }

    @Test("A smaller file, a folder, a missing path, option names: no restart")
    func smallOrNone() throws {
      let small = try Self.file(bytes: HugePages.largeFileBytes - 1)
      let folder = (small as NSString).deletingLastPathComponent
      defer { try? FileManager.default.removeItem(atPath: folder) }
      #expect(!HugePages.namesLargeFile(["km", "--data", small]))
      #expect(!HugePages.namesLargeFile(["km", "--data=\(small)"]))
      #expect(!HugePages.namesLargeFile(["build", folder, "--out", folder]))
      #expect(!HugePages.namesLargeFile(["km", "--data", folder + "/missing.csv", "--json"]))
      #expect(!HugePages.namesLargeFile([]))
    }
  }
#endif
