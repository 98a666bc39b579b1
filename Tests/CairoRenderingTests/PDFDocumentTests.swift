import CairoRendering
import FigureCore
import Foundation
import Testing

@Suite("Multi-page PDF documents")
struct PDFDocumentTests {
  static func page(_ widthMM: Double, _ heightMM: Double, _ title: String) -> Scene {
    Scene(
      size: .millimetres(width: widthMM, height: heightMM),
      commands: [
        .text(TextRun(StyledText(title), font: FontSpec(size: 10)), at: Point(x: 20, y: 30))
      ])
  }

  static let document = PDFDocument(
    pages: [
      PDFPage(scene: page(85, 70, "Figure 1"), label: "F1"),
      PDFPage(scene: page(170, 80, "Figure 2"), label: "F2"),
      PDFPage(scene: SampleScenes.figure(), label: "S1"),
    ],
    outline: [
      PDFOutlineItem(
        title: "Figures", pageIndex: 0,
        children: [
          PDFOutlineItem(title: "Figure 1 – OS", pageIndex: 0),
          PDFOutlineItem(title: "Figure 2 – PFS ≥ 65", pageIndex: 1),
        ]),
      PDFOutlineItem(title: "Supplement", pageIndex: 2, isOpen: false),
    ])

  @Test("Pages keep their own sizes; the file is valid")
  func pageSizes() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("report.pdf")
    try testRenderer.write(Self.document, to: path)
    let info = try ExternalTool.run("pdfinfo", ["-f", "1", "-l", "3", path]).output
    #expect(info.contains("Pages:           3"))
    #expect(info.contains("Page    1 size:  240.945 x 198.425 pts"))
    #expect(info.contains("Page    2 size:  481.89 x 226.772 pts"))
    #expect(info.contains("Page    3 size:  240.945 x 198.425 pts"))
    if let check = try ExternalTool.runIfInstalled("qpdf", ["--check", path]) {
      #expect(check.status == 0, "\(check.output)")
    }
    let text = try ExternalTool.run("pdftotext", [path, "-"]).output
    #expect(text.contains("Figure 2"))
  }

  @Test("The outline and the page labels are written")
  func outlineAndLabels_inFile() throws {
    // Cairo writes these dictionaries uncompressed; titles outside Latin-1 are UTF-16BE.
    let pdf = String(decoding: try testRenderer.render(Self.document), as: UTF8.self)
    #expect(pdf.contains("/Title (Figures)"))
    #expect(pdf.contains("/Title (Supplement)"))
    #expect(pdf.contains("/Title <FEFF00460069006700750072006500200031002020130020004F0053>"))
    #expect(pdf.contains("/PageLabels"))
    #expect(pdf.contains("/P (F)") && pdf.contains("/P (S)"))
  }

  @Test(
    "The outline nests and points at the right pages; pages carry their labels (qpdf)",
    .enabled(if: ExternalTool.locate("qpdf") != nil, "needs qpdf"))
  func outlineAndLabels() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("report.pdf")
    try testRenderer.write(Self.document, to: path)
    let json = try ExternalTool.run(
      "qpdf", ["--json=2", "--json-key=outlines", "--json-key=pagelabels", path]
    ).output
    let root = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let outlines = try #require(root["outlines"] as? [[String: Any]])
    #expect(outlines.map { $0["title"] as? String } == ["Figures", "Supplement"])
    #expect(outlines.map { $0["destpageposfrom1"] as? Int } == [1, 3])
    let kids = try #require(outlines[0]["kids"] as? [[String: Any]])
    #expect(kids.map { $0["title"] as? String } == ["Figure 1 – OS", "Figure 2 – PFS ≥ 65"])
    #expect(kids.map { $0["destpageposfrom1"] as? Int } == [1, 2])
    let labels = try #require(root["pagelabels"] as? [[String: Any]])
    // Cairo writes "F1", "F2" as one range with prefix "F" numbered from 1.
    let ranges = labels.map {
      ($0["index"] as? Int, ($0["label"] as? [String: Any])?["/P"] as? String)
    }
    #expect(ranges.map(\.0) == [0, 2], "\(labels)")
    #expect(ranges.map(\.1) == ["u:F", "u:S"], "\(labels)")
  }

  @Test("A multi-page PDF is deterministic")
  func deterministic() throws {
    #expect(try testRenderer.render(Self.document) == testRenderer.render(Self.document))
  }
}
