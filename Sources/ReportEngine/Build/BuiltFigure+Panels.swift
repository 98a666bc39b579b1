import Analyses
import ClinicalData
import Expressions
import FigureCore
import ReportTemplates
import SurvivalFigures

extension BuiltFigure {
  /// Height of the band above each panel that holds its letter.
  static let panelLetterBand = 14.0

  /// A grid of panels labelled A, B, …, every panel laid out at its cell's size.
  ///
  /// Kaplan–Meier panels are laid out together so that their plot areas line up
  /// (`KaplanMeierFigure.alignedLayouts`); forest plots move their rows closer and swimmer
  /// plots their lanes to fit the cell. When the template sets no height and a panel needs more
  /// than its cell (a plot area below its share, rows or lanes closer than they may be), every
  /// cell grows; with a height set, lint names the height that fits. Text that leaves its panel
  /// is reported by lint.
  static func panelContent(
    _ spec: FigureSpec, columns: Int, panels: [FigureSpec], data: (FigureSpec) -> FigureData,
    measurer: some TextMeasuring, detail: SidecarDetail
  ) throws -> (Scene, [String: Any], [(String, JSONValue)], [String], [LintFinding], [String]) {
    let rows = (panels.count + columns - 1) / columns
    let band = panelLetterBand
    let width = spec.widthMillimetres.millimetres
    let cellWidth = width / Double(columns)
    var cellHeight = spec.heightMillimetres.millimetres / Double(rows)

    // Step-curve panels (Kaplan–Meier) are aligned with each other; the others are laid out alone.
    var stepCurves: [Int: any StepCurveContent] = [:]
    var others: [Int: (content: any FigureContent, noun: String)] = [:]
    for (index, panel) in panels.enumerated() {
      guard case .figure(let request) = panel.kind else {
        // Refused when the template is read; a grid is one level deep.
        throw TemplateError(file: panel.location, key: "type", message: "a panel cannot itself hold panels")
      }
      // The theme follows the cell's width.
      var output = request.output
      output.widthMillimetres = cellWidth / 1.millimetres
      let content = try panel.columnKeys.locating { try request.with(output: output).content(data(panel)) }
      if let stepCurve = content as? any StepCurveContent {
        stepCurves[index] = stepCurve
      } else {
        others[index] = (content, request.kind.noun)
      }
    }
    func layouts(_ height: Double) -> [KaplanMeierLayout?] {
      let figures = panels.indices.map { index in
        stepCurves[index].map { content -> KaplanMeierFigure in
          var figure = content.stepFigure
          figure.options.size = Size(width: cellWidth, height: height - band)
          figure.options.growsToFit = false
          return figure
        }
      }
      return KaplanMeierFigure.alignedLayouts(figures, columns: columns, measurer: measurer)
    }
    func fits(_ layouts: [KaplanMeierLayout?]) -> Bool {
      layouts.allSatisfy { layout in layout.map { !$0.isCramped && !$0.isUnreadable } ?? true }
    }
    var laidOut = layouts(cellHeight)
    var size = Size(width: width, height: spec.heightMillimetres.millimetres)
    var needed = size
    if !fits(laidOut) {
      // The grid's height, in whole millimetres, grown by what its panels lack until every
      // aligned panel fits, then bisected down to the smallest that does.
      func estimate(_ layouts: [KaplanMeierLayout?]) -> Double {
        let panels = layouts.compactMap { $0 }
        return
          (((panels.map(\.requiredSize.height).max() ?? 0) + band) * Double(rows) / 1.millimetres)
          .rounded(.up)
      }
      needed.width = max(
        width, (laidOut.compactMap { $0?.requiredSize.width }.max() ?? 0) * Double(columns))
      var low = (size.height / 1.millimetres).rounded(.down)
      var high = max(estimate(laidOut), low + 1)
      var isFitting = false
      for _ in 0..<6 {
        let trial = layouts(high.millimetres / Double(rows))
        if fits(trial) {
          isFitting = true
          break
        }
        (low, high) = (high, max(estimate(trial), high + 1))
      }
      while isFitting && high - low > 1 {
        let mid = ((low + high) / 2).rounded(.down)
        if fits(layouts(mid.millimetres / Double(rows))) { high = mid } else { low = mid }
      }
      needed.height = high.millimetres
    }
    // Forest and swimmer panels need their rows or lanes at least their minimum distance
    // apart; their widths are the cell's.
    let requirements = try others.mapValues { try $0.content.layout(width: cellWidth, height: nil, measurer: measurer) }
    if let tallest = requirements.values.map(\.requiredHeight).max() {
      let grid = (((tallest + band) * Double(rows)) / 1.millimetres - 1e-9).rounded(.up).millimetres
      needed.height = max(needed.height, grid)
    }
    if !spec.isHeightFixed && needed.height > size.height + 1e-9 {
      size.height = needed.height
      cellHeight = needed.height / Double(rows)
      laidOut = layouts(cellHeight)
    }

    var placed: [(scene: Scene, origin: Point)] = []
    var labels: [DrawCommand] = []
    var contexts: [[String: Any]] = []
    var byLetter: [String: Any] = [:]
    var sidecars: [JSONValue] = []
    var files: [String] = []
    var findings: [LintFinding] = []
    var notes: [String] = []
    let unset = spec.isHeightFixed ? ", or leave its height unset so that it grows" : ""
    for index in panels.indices {
      let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
      let scene: Scene
      let context: [String: Any]
      let statistics: [(String, JSONValue)]
      files += panels[index].dataFiles
      if let content = stepCurves[index], let layout = laidOut[index] {
        if let warning = try layout.checkFit(
          panel: letter, neededSize: needed, isHeightFixed: spec.isHeightFixed)
        {
          findings.append(LintFinding(kind: .crampedPlot, texts: [], message: warning))
        }
        findings += layout.legendFindings.map {
          LintFinding(kind: $0.kind, texts: $0.texts, message: "panel \(letter): \($0.message)")
        }
        (scene, context, statistics) = (
          layout.scene, content.captionValues, content.sidecar(for: layout, detail: detail)
        )
      } else if let other = others[index], let requirement = requirements[index] {
        let laid = try other.content.layout(width: cellWidth, height: cellHeight - band, measurer: measurer)
        (scene, context, statistics) = (laid.scene, other.content.captionValues, laid.sidecar(detail))
        notes += other.content.notes.map { "panel \(letter): \($0)" }
        if requirement.requiredHeight > cellHeight - band + 1e-6 {
          findings.append(
            LintFinding(
              kind: .crampedPlot, texts: [],
              message:
                "panel \(letter): the \(other.noun) needs \(mm(requirement.requiredHeight)) mm of height, more than the panel's \(mm(cellHeight - band)) mm; make the figure at least \(mm(needed.height)) mm high\(unset)"
            ))
        }
        if requirement.requiredWidth > cellWidth + 1e-6 {
          findings.append(
            LintFinding(
              kind: .crampedPlot, texts: [],
              message:
                "panel \(letter): the \(other.noun) needs \(mm(requirement.requiredWidth)) mm of width, more than the panel's \(mm(cellWidth)) mm; make the figure at least \(mm(requirement.requiredWidth * Double(columns))) mm wide, or give it fewer columns"
            ))
        }
      } else {
        continue
      }
      // Text beyond the panel's cell would run into its neighbours or off the page.
      let cell = Scene(size: Size(width: cellWidth, height: cellHeight - band), commands: scene.commands)
      for finding in cell.lint(measurer: measurer, minimumFontSize: 0) where finding.kind == .clippedText {
        findings.append(
          LintFinding(
            kind: .clippedText, texts: finding.texts,
            message: "panel \(letter): text '\(finding.texts.first ?? "")' runs off its panel"))
      }
      let origin = Point(
        x: Double(index % columns) * cellWidth, y: Double(index / columns) * cellHeight)
      // Each panel is laid out below a band that holds its letter.
      placed.append((scene, Point(x: origin.x, y: origin.y + band)))
      // The panel letter sits in the panel's top-left corner, in bold, larger than the text,
      // its left edge on the left edge of the panel's titles.
      labels.append(
        .text(
          TextRun(
            .bold(letter), font: FontSpec(size: 11, family: panels[index].fontFamily),
            anchor: TextAnchor(.leading, .top)),
          at: Point(x: origin.x + titleEdge(scene, measurer: measurer), y: origin.y + 1)))
      var withLetter = context
      withLetter["letter"] = letter
      contexts.append(withLetter)
      byLetter[letter] = withLetter
      sidecars.append(.object([("panel", .string(letter))] + statistics))
    }
    let scene = Scene.composed(size: size, panels: placed, extra: [.group("panel-labels", labels)])
    return (
      scene, ["panels": contexts, "panel": byLetter],
      [("type", .string("panels")), ("panels", .array(sidecars))],
      Array(Set(files)).sorted(), findings, notes
    )
  }

  /// The left edge of a panel's titles: the leftmost ink of its left-aligned texts (title,
  /// column headings, risk-table title), 2 pt when it has none.
  static func titleEdge(_ scene: Scene, measurer: some TextMeasuring) -> Double {
    let edges = scene.texts.filter { $0.0.anchor.horizontal == .leading }.map {
      measurer.bounds(of: $0.0, at: $0.1).minX
    }
    return edges.min() ?? 2
  }

  /// Points as whole millimetres, for messages.
  private static func mm(_ points: Double) -> String {
    JournalFormat.fixed(points / 1.millimetres, decimals: 0)
  }
}
