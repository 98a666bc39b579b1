import CairoRendering
import ClinicalData
import FigureCore
import Foundation
import Testing

@testable import Analyses
@testable import ReportEngine
@testable import ReportTemplates
@testable import SurvivalFigures

/// The stress suite: Kaplan–Meier, forest, swimmer, cumulative incidence and panel figures over
/// widths of 40–183 mm, 1–10 groups, labels of up to 60 characters in Latin, Greek and accented
/// text, 2–300 patients and 1–40 forest rows, sampled from the grid so that the suite stays fast.
///
/// Each figure is built as a template builds it, with Cairo's measurer. It either fits — figure
/// lint finds nothing, and every value its sidecar says is printed is among the scene's texts —
/// or fails with one of the documented errors naming the size that fits: a forest plot's
/// columns wider than its width, a swimmer plot's lanes taller than a page, a plot area too
/// small to read.
@Suite("Stress: every figure fits its size or names the size that does")
struct StressSuiteTests {
  static let widths = [40.0, 60, 89, 120, 183]

  /// One figure of the suite: its template entry and the data files it needs.
  struct Case {
    var name: String
    var yaml: String
    var width: Double
    /// Whether it must fit (a case the figure has room for at its width).
    var mustFit: Bool
  }

  static func cases() -> (cases: [Case], files: [String: String]) {
    var cases: [Case] = []
    var files: [String: String] = [:]
    let scripts = StressData.Script.allCases
    var k = 0
    for width in widths {
      // Kaplan–Meier: 1, 2, 4, 7 and 10 groups, labels 5–60 characters, the scripts in turn.
      for (groups, length) in [(1, 20), (2, 60), (4, 30), (7, 45), (10, 12)] {
        let script = scripts[k % scripts.count]
        k += 1
        let file = "km-\(groups).csv"
        files[file] = StressData.survival(groups: groups, perGroup: max(300 / groups / 3, 2))
        let labels = (0..<groups).map { "\"\($0 + 1)\": \"\(StressData.label($0, length: length, script: script))\"" }
        let table = groups >= 4 ? "kmunicate" : "number-at-risk"
        cases.append(
          Case(
            name: "km \(groups) groups, \(length) chars \(script) at \(Int(width)) mm",
            yaml:
              "{id: km-\(cases.count), data: \(file), time: time, event: status, group: arm, width: \(width), hazard-ratio: true, risk-table: \(table), group-labels: {\(labels.joined(separator: ", "))}}",
            width: width, mustFit: width >= 89 && groups <= 4))
      }
      // Forest plots from estimates: 1, 10 and 40 rows, labels of 10 and 60 characters.
      for (rows, length) in [(1, 60), (10, 10), (40, 60)] {
        let script = scripts[k % scripts.count]
        k += 1
        let file = "forest-\(rows)-\(length)-\(script).csv"
        files[file] = StressData.estimates(rows: rows, length: length, script: script)
        cases.append(
          Case(
            name: "forest \(rows) rows, \(length) chars \(script) at \(Int(width)) mm",
            yaml:
              "{id: forest-\(cases.count), type: forest, data: \(file), label: name, estimate: hr, lower: lo, upper: hi, p: p, width: \(width)}",
            width: width, mustFit: width >= 60))
      }
      // Swimmer plots of 2, 40 and 300 patients.
      for patients in [2, 40, 300] {
        files["patients-\(patients).csv"] = StressData.patients(patients)
        files["events-\(patients).csv"] = StressData.events(patients)
        cases.append(
          Case(
            name: "swimmer \(patients) patients at \(Int(width)) mm",
            yaml:
              "{id: swimmer-\(cases.count), type: swimmer, data: patients-\(patients).csv, events: events-\(patients).csv, id-column: patient, end: end, group: arm, ongoing: ongoing, event-id: patient, event-time: month, event-type: event, width: \(width)}",
            width: width, mustFit: patients <= 40 && width >= 60))
      }
      // Cumulative incidence with a competing event, 3 groups.
      files["cif.csv"] = StressData.survival(groups: 3, perGroup: 40, competing: true)
      cases.append(
        Case(
          name: "cif 3 groups at \(Int(width)) mm",
          yaml:
            "{id: cif-\(cases.count), type: cif, data: cif.csv, time: time, status: status, event-value: 1, competing-value: 2, group: arm, width: \(width)}",
          width: width, mustFit: width >= 89))
    }
    // Grids of panels: two Kaplan–Meier curves and a forest plot.
    for width in [89.0, 183] {
      cases.append(
        Case(
          name: "panels at \(Int(width)) mm",
          yaml: """
            {id: panels-\(cases.count), type: panels, columns: \(width > 100 ? 3 : 1), width: \(width), panels: [\
            {data: km-2.csv, time: time, event: status, group: arm}, \
            {data: km-4.csv, time: time, event: status, group: arm}, \
            {type: forest, data: km-4.csv, model: "Surv(time, status) ~ factor(arm)"}]}
            """,
          width: width, mustFit: true))
    }
    return (cases, files)
  }

  /// The documented failures: what does not fit, with the size that would.
  static let documented = [
    "the forest plot does not fit its width:", "the swimmer plot of ", "the swimmer plot's ", "the plot area is only",
    "is too small for its contents",
  ]

  static func isDocumented(_ message: String) -> Bool {
    documented.contains { message.contains($0) }
      && (message.contains("make the figure at least") || message.contains("give its height"))
  }

  @Test("each case fits and lints clean with every printed value drawn, or fails with a documented error")
  func stress() throws {
    let folder = NSTemporaryDirectory() + "survfig-stress-\(ProcessInfo.processInfo.processIdentifier)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let (cases, files) = Self.cases()
    var data: [String] = []
    for (name, text) in files.sorted(by: { $0.key < $1.key }) {
      try text.write(toFile: folder + "/" + name, atomically: true, encoding: .utf8)
      data.append("  \(name): \(folder)/\(name)")
    }
    let yaml =
      "data:\n" + data.joined(separator: "\n") + "\nfigures:\n"
      + cases.map { "  - " + $0.yaml }.joined(separator: "\n") + "\n"
    let template = try ReportTemplate(yaml: yaml, file: folder + "/stress.yaml")
    var tables: [String: DataTable] = [:]
    for path in template.data.values { tables[path] = try DataTable(contentsOfFile: path) }
    let measurer = try FigureRenderer().measurer
    var fitted = 0
    for (spec, stress) in zip(template.figures, cases) {
      let figure: BuiltFigure
      do {
        figure = try BuiltFigure.build(spec, tables: tables, measurer: measurer, minimumFontSize: 6)
      } catch {
        #expect(Self.isDocumented("\(error)") && !stress.mustFit, "\(stress.name): \(error)")
        continue
      }
      let messages = figure.lint.map(\.message)
      guard messages.isEmpty else {
        // What does not fit comes first, naming the size that would; texts it pushes off follow.
        #expect(!stress.mustFit, "\(stress.name) must fit: \(messages)")
        #expect(Self.isDocumented(messages[0]), "\(stress.name): \(messages)")
        #expect(
          messages.dropFirst().allSatisfy {
            Self.isDocumented($0) || $0.contains("run off") || $0.contains("runs off")
          },
          "\(stress.name): \(messages)")
        continue
      }
      fitted += 1
      Self.checkPrinted(figure, name: stress.name)
    }
    #expect(fitted >= cases.count * 2 / 3, "only \(fitted) of \(cases.count) cases fit")
  }

  @Test(
    "in the PDF: every printed value of a wrapped forest plot and a four-group KMunicate figure is in pdftotext's text")
  func pdfText() throws {
    let tool = "/usr/bin/pdftotext"
    guard FileManager.default.isExecutableFile(atPath: tool) else {
      print("pdftotext (poppler-utils) is not installed: the PDF text check is skipped")
      return
    }
    let folder = NSTemporaryDirectory() + "survfig-stress-pdf-\(ProcessInfo.processInfo.processIdentifier)"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try StressData.estimates(rows: 6, length: 60, script: .accented).write(
      toFile: folder + "/hr.csv", atomically: true, encoding: .utf8)
    try StressData.survival(groups: 4, perGroup: 30).write(
      toFile: folder + "/km.csv", atomically: true, encoding: .utf8)
    let labels = (0..<4).map { "\"\($0 + 1)\": \"\(StressData.label($0, length: 45, script: .greek))\"" }
    let yaml = """
      data: {hr: \(folder)/hr.csv, km: \(folder)/km.csv}
      figures:
        - {id: forest, type: forest, data: hr, label: name, estimate: hr, lower: lo, upper: hi, p: p, width: 89}
        - {id: km, data: km, time: time, event: status, group: arm, width: 89, risk-table: kmunicate, hazard-ratio: true, group-labels: {\(labels.joined(separator: ", "))}}

      """
    let template = try ReportTemplate(yaml: yaml, file: folder + "/pdf.yaml")
    var tables: [String: DataTable] = [:]
    for path in template.data.values { tables[path] = try DataTable(contentsOfFile: path) }
    let renderer = try FigureRenderer()
    for spec in template.figures {
      let figure = try BuiltFigure.build(spec, tables: tables, measurer: renderer.measurer, minimumFontSize: 6)
      #expect(figure.lint.isEmpty, "\(spec.id): \(figure.lint.map(\.message))")
      let pdf = folder + "/\(spec.id).pdf"
      try Data(try renderer.render(figure.scene, as: .pdf)).write(to: URL(fileURLWithPath: pdf))
      let process = Process()
      process.executableURL = URL(fileURLWithPath: tool)
      process.arguments = [pdf, pdf + ".txt"]
      try process.run()
      process.waitUntilExit()
      let text = try String(contentsOfFile: pdf + ".txt", encoding: .utf8)
      // pdftotext keeps lines; words are compared with runs of white space as one space.
      let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
      var printed = Self.printedValues(figure)
      printed.expected = printed.expected.map { $0.split(separator: " ").joined(separator: " ") }
      for value in printed.expected + printed.wrapped {
        let normal = value.split(separator: " ").joined(separator: " ")
        #expect(words.contains(normal), "\(spec.id): '\(value)' is in the sidecar but not in the PDF's text")
      }
    }
  }

  /// The values a figure's sidecar says are printed: exact texts (counts, ticks, estimates,
  /// P values) and texts that may be wrapped into lines (inset lines, legend and row labels).
  static func printedValues(_ figure: BuiltFigure) -> (expected: [String], wrapped: [String]) {
    var expected: [String] = []
    var wrapped: [String] = []
    func collect(_ printed: JSONValue?) {
      guard let printed else { return }
      if case .array(let tables)? = printed["risk_table"] {
        for row in tables {
          if case .array(let counts)? = row["counts"] {
            for count in counts {
              if case .int(let n) = count { expected.append(String(n)) }
              if case .string(let s) = count { expected.append(s) }
            }
          }
        }
      }
      for key in ["annotations", "legend"] {
        if case .array(let lines)? = printed[key] {
          for case .string(let line) in lines { wrapped.append(line) }
        }
      }
      if case .array(let ticks)? = printed["x_ticks"] { for case .string(let t) in ticks { expected.append(t) } }
      if case .array(let rows)? = printed["rows"] {
        for row in rows {
          if case .string(let label)? = row["label"] { wrapped.append(label) }
          if case .array(let series)? = row["series"] {
            for entry in series {
              for key in ["estimate", "p"] {
                if case .string(let text)? = entry[key], !text.isEmpty { expected.append(text) }
              }
            }
          }
        }
      }
    }
    collect(figure.sidecar["printed"])
    if case .array(let panels)? = figure.sidecar["panels"] { for panel in panels { collect(panel["printed"]) } }
    return (expected, wrapped)
  }

  /// Every value the sidecar lists under `printed` (risk-table counts, inset lines, forest
  /// labels, estimates, P values and ticks, swimmer legend and ticks) is among the scene's
  /// texts; a text wrapped into lines is found with its lines joined by spaces.
  static func checkPrinted(_ figure: BuiltFigure, name: String) {
    let texts = figure.scene.texts.map { $0.0.text.plainText }
    let set = Set(texts)
    let joined = texts.joined(separator: " ")
    let (expected, wrapped) = printedValues(figure)
    for value in expected { #expect(set.contains(value), "\(name): '\(value)' is in the sidecar but not drawn") }
    for value in wrapped {
      let words = value.split(separator: " ").joined(separator: " ")
      #expect(joined.contains(words), "\(name): '\(value)' is in the sidecar but not drawn")
    }
  }
}
