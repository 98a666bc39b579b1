import Analyses
import CairoRendering
import ClinicalData
import Expressions
import FigureCore
import Foundation
import ReportTemplates
import SurvivalFigures

/// Options of `survfig build`.
public struct ReportBuildOptions: Sendable {
  /// Folder the outputs go to; created when missing (and removed again when the build fails).
  public var outputFolder: String
  /// Build only these figure ids (nil: all). The report PDF is written only for a full build.
  public var only: [String]?
  /// Figures built at the same time.
  public var jobs: Int
  /// A make-format dependency file to write.
  public var depfile: String?
  /// Treat every finding as an error: figure lint's, also of figures that allow them, and the
  /// caption's unknown names.
  public var isStrict: Bool
  /// Write every figure even when figure lint finds problems (`--allow-lint`); they are then
  /// warnings. Without it a figure's findings are an error unless the figure (or the style)
  /// sets `allow-lint: true`.
  public var allowsLint = false
  /// The survfig executable, listed as a prerequisite in the dependency file.
  public var executable: String?
  /// How much the sidecars hold: what is printed (the default), or also the row-level data.
  public var sidecarDetail: SidecarDetail = .summary
  /// The manuscript outputs to write (`--documents`); nil: the template's `documents`.
  public var documents: [ManuscriptDocumentKind]?

  public init(
    outputFolder: String = "Output", only: [String]? = nil,
    jobs: Int = ProcessInfo.processInfo.activeProcessorCount, depfile: String? = nil,
    isStrict: Bool = false, executable: String? = nil
  ) {
    self.outputFolder = outputFolder
    self.only = only
    self.jobs = max(1, jobs)
    self.depfile = depfile
    self.isStrict = isStrict
    self.executable = executable
  }
}

/// What a build wrote and found.
public struct ReportBuildResult: Sendable {
  /// Files the build made, in order: each figure's and table's, the report PDF, the
  /// dependency file.
  public var files: [String]
  /// Lint findings and statistical caveats of the models as `figure: message` lines.
  public var warnings: [String]
  /// Files among `files` left as they were: the same bytes, and newer than the template, data
  /// and binary they depend on (so that make finds them up to date without a new time).
  public var unchanged: [String] = []
}

extension ReportBuilder {
  /// A template's ways to allow figure lint's findings.
  public static let lintAllowance =
    "set 'allow-lint: true' on the figure (or in the style), or build with --allow-lint, to write it anyway"
}

/// Figure lint findings that `--strict` turns into an error.
public struct LintError: Error, CustomStringConvertible {
  public var findings: [String]
  public var description: String {
    "figure lint found \(findings.count) problem\(findings.count == 1 ? "" : "s") (--strict):\n"
      + findings.map { "  " + $0 }.joined(separator: "\n")
  }
}

/// Builds every figure of a template: statistics, layout, caption, figure files in their
/// formats, a sidecar JSON per figure, the combined report PDF and the dependency file.
///
/// Every output path is checked before any work; everything is computed and rendered in memory,
/// figures in parallel; then the files are written together through an `OutputStage`, so that
/// an error (or a signal) leaves the output folder exactly as it was: no new, partial or
/// temporary file. Files whose bytes are the same and that make finds up to date are left
/// untouched.
public struct ReportBuilder: Sendable {
  public var template: ReportTemplate
  public var options: ReportBuildOptions

  public init(template: ReportTemplate, options: ReportBuildOptions) {
    self.template = template
    self.options = options
  }

  /// The figures and tables a build makes, in template order (all, or those `--only` names).
  var selection: (figures: [FigureSpec], tables: [TableSpec]) {
    guard let only = options.only else { return (template.figures, template.tables) }
    return (template.figures.filter { only.contains($0.id) }, template.tables.filter { only.contains($0.id) })
  }

  /// The number of progress lines ``run(progress:)`` reports: one per figure and per table.
  public var progressStepCount: Int {
    let (figures, tables) = selection
    return figures.count + tables.count
  }

  /// Builds; `progress` receives one line per figure and per table.
  public func run(progress: @escaping @Sendable (String) -> Void = { _ in }) throws -> ReportBuildResult {
    if let only = options.only {
      let known = Set(template.figures.map(\.id) + template.tables.map(\.id))
      for id in only where !known.contains(id) {
        throw TemplateError(
          file: template.file, key: "figures",
          message: FigureSpec.unknown("figure id", id, among: Array(known)).replacingOccurrences(
            of: "unknown figure id", with: "--only names an unknown figure id"))
      }
    }
    let (specs, tableSpecs) = selection
    try checkOutputs()
    let renderer = try FigureRenderer(
      options: RenderOptions(
        dpi: template.style.dpi,
        metadata: DocumentMetadata(
          title: template.title, author: template.author, creator: "survfig \(SurvfigVersion.string)")))

    // Data, each file read once, by path, with the derived columns of every name it has.
    var tables: [String: DataTable] = [:]
    let used = Set(specs.flatMap(\.dataFiles) + tableSpecs.flatMap(\.request.dataFiles))
    for (name, path) in template.data.sorted(by: { $0.key < $1.key }) where used.contains(path) {
      var table = try tables[path] ?? DataTable(contentsOfFile: path)
      for derivation in template.derivations[name] ?? [] {
        table = table.appending(try derivation.expression.column(named: derivation.name, of: table))
      }
      tables[path] = table
    }

    // 1. Statistics, layout and captions, figures in parallel; results kept in template order.
    let results = ResultSlots<BuiltFigure>(count: specs.count)
    let (selected, loaded) = (specs, tables)
    let measurer = renderer.measurer
    let minimum = template.style.minimumFontSize
    let journal = template.style.journal
    let folder = options.outputFolder
    let workers = options.jobs
    let detail = options.sidecarDetail
    let templateFolder = (template.file as NSString).deletingLastPathComponent
    DispatchQueue.concurrentPerform(iterations: min(workers, max(selected.count, 1))) { _ in
      while let index = results.claim() {
        let spec = selected[index]
        do {
          results.store(
            .success(
              try BuiltFigure.build(
                spec, tables: loaded, measurer: measurer, minimumFontSize: minimum, journal: journal, detail: detail,
                templateFolder: templateFolder)),
            at: index)
        } catch {
          results.store(
            .failure(FigureBuildError(figure: spec.id, location: spec.location, underlying: error)), at: index)
        }
      }
    }
    let built = try results.values.map { try $0!.get() }
    let builtTables = try tableSpecs.map { spec in
      do {
        return try BuiltTable.build(spec, tables: loaded, detail: detail, templateFolder: templateFolder)
      } catch {
        throw FigureBuildError(figure: spec.id, location: spec.location, underlying: error, noun: "table")
      }
    }
    var warnings = built.flatMap { figure in
      (figure.lint.map(\.message) + figure.captionFindings).map { "\(figure.spec.id): \($0)" }
    }
    if options.isStrict && !warnings.isEmpty { throw LintError(findings: warnings) }
    let refused = built.filter { !$0.spec.allowsLint && !options.allowsLint }.flatMap { figure in
      figure.lint.map { "\(figure.spec.id): \($0.message)" }
    }
    if !refused.isEmpty { throw FigureLintError(findings: refused, allowance: Self.lintAllowance) }
    // Statistical caveats are reported, not lint: --strict does not fail on them.
    warnings += built.flatMap { figure in figure.notes.map { "\(figure.spec.id): \($0)" } }
    warnings += builtTables.flatMap { table in table.notes.map { "\(table.spec.id): \($0)" } }
    warnings += built.compactMap { figure in
      renderer.fonts.missingGlyphWarning(for: figure.scene).map { "\(figure.spec.id): \($0)" }
    }

    // 2. Every file rendered in parallel, the report PDF (the longest) first.
    var jobs: [@Sendable () throws -> [(String, [UInt8])]] = []
    if options.only == nil {
      let report = try reportDocument(built, tables: builtTables, measurer: measurer)
      let path = "\(folder)/\(reportName).pdf"
      let title = (template.title, titleOption)
      jobs.append {
        do {
          return [(path, try renderer.render(report))]
        } catch {
          throw OutputError.translating(error, path: path, title: title.0, titleOption: title.1)
        }
      }
    }
    for figure in built {
      var renderer = renderer
      renderer.options.dpi = figure.spec.dpi
      renderer.options.svgText = figure.spec.svgText
      let colorModel = figure.spec.colorModel
      let title = (template.title, titleOption)
      jobs.append { [renderer] in
        let start = DispatchTime.now().uptimeNanoseconds
        var files: [(String, [UInt8])] = []
        for format in figure.spec.formats {
          let path = "\(folder)/\(figure.spec.id).\(format.fileExtension)"
          do {
            var formatRenderer = renderer
            // CMYK is for PDF and TIFF; the other formats of a CMYK figure stay RGB.
            formatRenderer.options.colorModel = format == .pdf || format == .tiff ? colorModel : .rgb
            files.append((path, try formatRenderer.render(figure.scene, as: format)))
          } catch {
            throw OutputError.translating(error, path: path, title: title.0, titleOption: title.1)
          }
        }
        files.append(("\(folder)/\(figure.spec.id).json", figure.sidecar.utf8(pretty: true) + [UInt8(ascii: "\n")]))
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        progress(
          "built \(figure.spec.id) (\(figure.spec.formats.map(\.fileExtension).joined(separator: ", ")), rendered in \(Int(ms.rounded())) ms)"
        )
        return files
      }
    }
    let rendered = ResultSlots<[(String, [UInt8])]>(count: jobs.count)
    let work = jobs
    DispatchQueue.concurrentPerform(iterations: min(workers, max(work.count, 1))) { _ in
      while let index = rendered.claim() {
        rendered.store(Result { try work[index]() }, at: index)
      }
    }
    // Each figure's and table's files, then the report, in template order.
    var groups: [(files: [(String, [UInt8])], dataFiles: [String])] = []
    var renderedFiles = try rendered.values.map { try $0!.get() }
    var report = options.only == nil ? renderedFiles.removeFirst() : nil
    for (figure, files) in zip(built, renderedFiles) { groups.append((files, figure.dataFiles)) }
    for table in builtTables {
      groups.append((table.files(in: folder, template: template), table.dataFiles))
      progress("built \(table.spec.id) (\(table.spec.formats.map(\.rawValue).joined(separator: ", ")))")
    }
    if report != nil {
      report! += try manuscriptFiles(built, tables: builtTables, rendered: renderedFiles, renderer: renderer)
    }
    if let report { groups.append((report, groups.flatMap(\.dataFiles))) }
    var files = groups.flatMap(\.files)
    var unchanged: Set<String> = []
    for group in groups {
      let prerequisites = prerequisites(group.dataFiles)
      for (path, bytes) in group.files where Self.isCurrent(path, bytes: bytes, prerequisites: prerequisites) {
        unchanged.insert(path)
      }
    }
    if let depfile = options.depfile {
      let text = dependencies(groups.map { OutputGroup(targets: $0.files.map(\.0), dataFiles: $0.dataFiles) })
      let bytes = Array(text.utf8)
      files.append((depfile, bytes))
      if FileManager.default.contents(atPath: depfile).map({ $0.elementsEqual(bytes) }) == true {
        unchanged.insert(depfile)
      }
    }

    // 3. Every changed file written, all or none: the output folder is left as it was on failure.
    assert(Set(files.map(\.0)) == Set(plannedOutputs), "the files written are not those checked before the build")
    var stage = OutputStage(creatingFolders: [folder])
    for (path, bytes) in files where !unchanged.contains(path) { stage.add(bytes, to: path) }
    try stage.commit()
    return ReportBuildResult(
      files: files.map(\.0), warnings: warnings, unchanged: files.map(\.0).filter(unchanged.contains))
  }

  /// The report's file name: the template's without its extension.
  var reportName: String {
    ((template.file as NSString).lastPathComponent as NSString).deletingPathExtension
  }

  /// One A4 page per figure: the figure at its print size (scaled down when it does not fit
  /// the page with its caption, `figurePage`), its label ("Figure n.") and its caption below;
  /// then one page per table, its label before its title.
  func reportDocument(_ figures: [BuiltFigure], tables: [BuiltTable], measurer: some TextMeasuring) throws
    -> PDFDocument
  {
    let page = Self.reportPage
    let margin = Self.reportMargin
    var pages: [PDFPage] = []
    var outline: [PDFOutlineItem] = []
    for figure in figures {
      let scene = Self.figurePage(
        figure.scene, label: figure.spec.label, caption: figure.caption, fontFamily: template.style.fontFamily,
        measurer: measurer
      ).scene
      pages.append(PDFPage(scene: scene, label: figure.spec.id))
      outline.append(PDFOutlineItem(title: "\(figure.spec.label): \(figure.spec.id)", pageIndex: pages.count - 1))
    }
    // Tables after the figures, typeset at the text width in one type size: the largest, up to
    // 8 pt, at which every table fits, and not below the style's minimum (nor 6 pt). A table
    // too wide even then is set on a landscape page.
    let titled = tables.enumerated().map { index, built -> ReportTable in
      var table = built.table
      table.title = "\(built.spec.label). " + (table.title ?? built.spec.id)
      return table
    }
    let smallest = max(template.style.minimumFontSize, 6)
    let portrait = page.width - 2 * margin
    let sizes = titled.map {
      $0.fittingFontSize(
        width: portrait, largest: 8, smallest: smallest, family: template.style.fontFamily, measurer: measurer)
    }
    let fontSize = sizes.map { $0 ?? smallest }.min() ?? 8
    for (index, built) in tables.enumerated() {
      let landscape = Size(width: page.height, height: page.width)
      let size = sizes[index] == nil ? landscape : page
      let layout = titled[index].layout(
        width: size.width - 2 * margin, exactFontSize: fontSize, family: template.style.fontFamily, measurer: measurer)
      let commands = layout.scene.commands.map { $0.translated(dx: margin, dy: margin) }
      pages.append(PDFPage(scene: Scene(size: size, background: .white, commands: commands), label: built.spec.id))
      outline.append(PDFOutlineItem(title: "\(built.spec.label): \(built.spec.id)", pageIndex: pages.count - 1))
    }
    return PDFDocument(pages: pages, outline: outline)
  }
}

/// Results of parallel work in input order, and the next index to work on.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private let lock = NSLock()
  private var next = 0
  private var slots: [Result<Value, Error>?]

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func claim() -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard next < slots.count else { return nil }
    next += 1
    return next - 1
  }

  func store(_ result: Result<Value, Error>, at index: Int) {
    lock.lock()
    slots[index] = result
    lock.unlock()
  }

  var values: [Result<Value, Error>?] {
    lock.lock()
    defer { lock.unlock() }
    return slots
  }
}
