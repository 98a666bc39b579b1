import ClinicalCSV
import FigureCore
import SurvivalFigures

extension BuiltFigure {
  /// Height of the band above each panel that holds its letter.
  static let panelLetterBand = 14.0

  /// A grid of panels labelled A, B, …: Kaplan–Meier panels are laid out together so that
  /// their plot areas line up (`KaplanMeierFigure.alignedLayouts`); when the template sets no
  /// height and a plot area would get less than its share of the panel, every cell grows.
  static func panelContent(
    _ spec: FigureSpec, columns: Int, panels: [FigureSpec], tables: [String: DataTable],
    measurer: some TextMeasuring
  ) throws -> (Scene, [String: Any], [(String, JSONValue)], [String], [String], [String]) {
    let rows = (panels.count + columns - 1) / columns
    let band = panelLetterBand
    let width = spec.widthMillimetres.millimetres
    let cellWidth = width / Double(columns)
    var cellHeight = spec.heightMillimetres.millimetres / Double(rows)

    var kaplanMeier: [Int: _KaplanMeierContent] = [:]
    for (index, panel) in panels.enumerated() {
      guard case .kaplanMeier(var request, let data) = panel.kind else { continue }
      // The theme follows the cell's width.
      request.figure.widthMillimetres = cellWidth / 1.millimetres
      kaplanMeier[index] = try panel.columnKeys.locating {
        try _KaplanMeierContent(panel, request: request, data: data, tables: tables)
      }
    }
    func layouts(_ height: Double) -> [KaplanMeierLayout?] {
      let figures = panels.indices.map { index in
        kaplanMeier[index].map { content -> KaplanMeierFigure in
          var figure = content.figure
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
      if !spec.isHeightFixed {
        size.height = needed.height
        cellHeight = needed.height / Double(rows)
        laidOut = layouts(cellHeight)
      }
    }

    var placed: [(scene: Scene, origin: Point)] = []
    var labels: [DrawCommand] = []
    var contexts: [[String: Any]] = []
    var byLetter: [String: Any] = [:]
    var sidecars: [JSONValue] = []
    var files: [String] = []
    var warnings: [String] = []
    var notes: [String] = []
    for (index, panel) in panels.enumerated() {
      let letter = String(UnicodeScalar(UInt8(65 + index % 26)))
      let scene: Scene
      let context: [String: Any]
      let statistics: [(String, JSONValue)]
      if let content = kaplanMeier[index], let layout = laidOut[index] {
        if let warning = try layout.checkFit(
          panel: letter, neededSize: needed, isHeightFixed: spec.isHeightFixed)
        {
          warnings.append(warning)
        }
        (scene, context, statistics) = (layout.scene, content.context, content.statistics(layout))
        files.append(content.request.dataPath)
      } else {
        let (panelScene, panelContext, panelStatistics, panelFiles, panelWarnings, panelNotes) = try content(
          panel, tables: tables, measurer: measurer)
        (scene, context, statistics) = (panelScene, panelContext, panelStatistics)
        files += panelFiles
        warnings += panelWarnings
        notes += panelNotes.map { "panel \(letter): \($0)" }
      }
      let origin = Point(
        x: Double(index % columns) * cellWidth, y: Double(index / columns) * cellHeight)
      // Each panel is laid out below a band that holds its letter.
      placed.append((scene, Point(x: origin.x, y: origin.y + band)))
      // The panel letter sits in the panel's top-left corner, in bold, larger than the text.
      labels.append(
        .text(
          TextRun(.bold(letter), font: FontSpec(size: 11), anchor: TextAnchor(.leading, .top)),
          at: Point(x: origin.x + 2, y: origin.y + 1)))
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
      Array(Set(files)).sorted(), warnings, notes
    )
  }
}
