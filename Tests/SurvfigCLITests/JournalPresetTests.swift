import Analyses
import Foundation
import Testing

@Suite("Journal presets")
struct JournalPresetTests {
  static let arguments = [
    "km", "--data", Survfig.data("lung.csv"), "--time", "time", "--event", "status", "--event-value", "2",
    "--group", "sex",
  ]

  /// The page size of a PDF in millimetres, from its MediaBox.
  static func pageSize(_ path: String) throws -> (width: Double, height: Double) {
    let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    let box = try #require(
      text.range(of: #"/MediaBox \[ *[0-9.]+ +[0-9.]+ +([0-9.]+) +([0-9.]+)"#, options: .regularExpression))
    let numbers = text[box].split(whereSeparator: { $0 == " " || $0 == "[" }).compactMap { Double($0) }
    return (numbers[2] / 72 * 25.4, numbers[3] / 72 * 25.4)
  }

  @Test("every journal has its widths, type and source, and its single column is between 60 and 100 mm")
  func table() {
    #expect(Journal.names == ["nature", "lancet", "nejm", "jama", "jco", "plos", "elife"])
    for journal in Journal.all {
      #expect((60...100).contains(journal.singleColumn), "\(journal.name)")
      #expect(journal.doubleColumn > journal.singleColumn && journal.doubleColumn <= 200, "\(journal.name)")
      #expect(journal.minimumFontSize <= journal.fontSize - 1 || journal.minimumFontSize == journal.fontSize)
      #expect(journal.source.hasPrefix("https://"), "\(journal.name)")
      #expect(!journal.notes.isEmpty && !journal.formats.isEmpty, "\(journal.name)")
    }
  }

  @Test("--journal sets the single-column width; --width double and one-and-a-half take the journal's others")
  func widths() throws {
    let folder = try ScratchFolder()
    for journal in Journal.all {
      for (column, width) in [
        ("single", journal.singleColumn), ("double", journal.doubleColumn),
        ("one-and-a-half", journal.oneAndHalfColumn),
      ] {
        let arguments = Self.arguments + ["--journal", journal.name, "--width", column, "--out", "f.pdf"]
        let result = try Survfig.run(arguments, in: folder.path)
        guard let width else {
          #expect(result.status != 0)
          #expect(
            result.standardError.contains("\(journal.title) publishes no one-and-a-half-column width"),
            "\(result.standardError)")
          continue
        }
        #expect(result.status == 0, "\(journal.name) \(column): \(result.standardError)")
        #expect(abs(try Self.pageSize(folder.path + "/f.pdf").width - width) < 0.01, "\(journal.name) \(column)")
      }
    }
    let plain = try Survfig.run(Self.arguments + ["--journal", "nature", "--out", "f.pdf"], in: folder.path)
    #expect(plain.status == 0)
    #expect(abs(try Self.pageSize(folder.path + "/f.pdf").width - 89) < 0.01)
    // An explicit width wins, whichever comes first.
    let given = try Survfig.run(
      Self.arguments + ["--width", "120", "--journal", "nature", "--out", "f.pdf"], in: folder.path)
    #expect(given.status == 0)
    #expect(abs(try Self.pageSize(folder.path + "/f.pdf").width - 120) < 0.01)
  }

  @Test("a column name without a journal, and an unknown journal, are errors saying what to write")
  func errors() throws {
    let folder = try ScratchFolder()
    let noJournal = try Survfig.run(Self.arguments + ["--width", "double", "--out", "f.pdf"], in: folder.path)
    #expect(noJournal.status != 0)
    #expect(
      noJournal.standardError.contains("names a journal's column: give the journal (nature, lancet"),
      "\(noJournal.standardError)")
    let unknown = try Survfig.run(Self.arguments + ["--journal", "natur", "--out", "f.pdf"], in: folder.path)
    #expect(unknown.status != 0)
    #expect(unknown.standardError.contains("Did you mean 'nature'?"), "\(unknown.standardError)")
    #expect(folder.files.isEmpty)
  }

  @Test("a figure taller than the journal prints, or type below its minimum, is a lint error")
  func limits() throws {
    let folder = try ScratchFolder()
    let tall = try Survfig.run(
      Self.arguments + ["--journal", "nature", "--height", "200", "--out", "f.pdf"], in: folder.path)
    #expect(tall.status != 0)
    #expect(
      tall.standardError.contains("the figure is 200 mm tall; Nature prints figures up to 170 mm"),
      "\(tall.standardError)")
    let small = try Survfig.run(
      Self.arguments + ["--journal", "plos", "--font-size", "6", "--out", "f.pdf"], in: folder.path)
    #expect(small.status != 0)
    #expect(small.standardError.contains("below the minimum of 8 pt"), "\(small.standardError)")
    #expect(folder.files.isEmpty)
    let allowed = try Survfig.run(
      Self.arguments + ["--journal", "nature", "--height", "200", "--allow-lint", "--out", "f.pdf"], in: folder.path)
    #expect(allowed.status == 0)
    #expect(allowed.standardError.contains("warning: the figure is 200 mm tall"), "\(allowed.standardError)")
  }

  @Test("a template's journal: sets the width, the type and the formats; width: double takes its double column")
  func template() throws {
    let folder = try ScratchFolder()
    try folder.copyData("lung.csv")
    try folder.write(
      "t.yaml",
      """
      data:
        lung: data/lung.csv
      style:
        journal: plos
      figures:
        - {id: single, data: lung, time: time, event: status, event-value: 2, group: sex}
        - {id: wide, data: lung, time: time, event: status, event-value: 2, group: sex, width: double, formats: pdf}

      """)
    let result = try Survfig.run(["build", "t.yaml", "--out", "out", "--quiet"], in: folder.path)
    #expect(result.status == 0, "\(result.standardError)")
    let plos = try #require(Journal.named("plos"))
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out")
    #expect(Set(plos.formats.map { "single.\($0.rawValue)" }).isSubset(of: files), "\(files.sorted())")
    #expect(abs(try Self.pageSize(folder.path + "/out/single.pdf").width - plos.singleColumn) < 0.01)
    #expect(abs(try Self.pageSize(folder.path + "/out/wide.pdf").width - plos.doubleColumn) < 0.01)
    let sidecar = try String(contentsOfFile: folder.path + "/out/single.json", encoding: .utf8)
    #expect(sidecar.contains("\"lint\": []") || sidecar.contains("\"lint\":[]"), "\(sidecar.prefix(400))")
  }
}
