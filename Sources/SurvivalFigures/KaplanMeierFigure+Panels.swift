import FigureCore

extension KaplanMeierFigure {
  /// Lays out the panels of one figure, in a grid of `columns` filled row by row, so that they
  /// line up: the plot areas share their top and height (cells are all of one size, so every
  /// row looks alike), those of a column their left and right edges, and every panel draws its
  /// legend the same way.
  ///
  /// Each panel is laid out on its own first. A legend that found no free corner in one panel
  /// goes where it went there (into the risk table, or above the plot) in every panel; an inset
  /// above or right of the plot in one panel goes there in every panel. Then every panel is laid
  /// out again with the largest top and bottom margins of the grid and the largest left and
  /// right margins of its column, until the margins no longer change.
  ///
  /// - Parameter figures: the panels in grid order; nil for a cell that is not a Kaplan–Meier
  ///   figure (it is skipped).
  /// - Complexity: a few layouts per panel.
  public static func alignedLayouts(
    _ figures: [KaplanMeierFigure?], columns: Int, measurer: some TextMeasuring
  ) -> [KaplanMeierLayout?] {
    var panels = figures
    var layouts = panels.map { $0?.layout(measurer: measurer) }
    let cells = panels.indices.filter { panels[$0] != nil }
    guard cells.count > 1 else { return layouts }
    let columns = max(columns, 1)

    // One legend style: the fallback of any panel whose legend left the plot.
    let fallbacks = cells.compactMap { i -> LegendPlacement? in
      guard panels[i]!.options.legend == .auto, let placement = layouts[i]?.legendPlacement else {
        return nil
      }
      return placement == .top || placement == .riskTable ? placement : nil
    }
    if let shared = fallbacks.contains(.top) ? LegendPlacement.top : fallbacks.first {
      for i in cells where panels[i]!.options.legend == .auto { panels[i]!.options.legend = shared }
    }
    // Insets: right of the plot everywhere, or above the plot everywhere.
    let positions = cells.map { layouts[$0]?.annotationPosition }
    for i in cells
    where panels[i]!.options.annotationPlacement == .auto && !panels[i]!.options.annotations.isEmpty {
      if positions.contains(.right) {
        panels[i]!.options.annotationPlacement = .right
      } else if positions.contains(.top) {
        panels[i]!.options.annotationPlacement = .top
      }
    }
    layouts = panels.map { $0?.layout(measurer: measurer) }

    // Shared margins, grown until stable (a larger margin can move an inset out of a corner).
    for _ in 0..<4 {
      var rows: PlotMargins = .zero
      var byColumn: [Int: PlotMargins] = [:]
      for i in cells {
        guard let m = layouts[i]?.margins else { continue }
        rows = rows.union(PlotMargins(top: m.top, bottom: m.bottom))
        byColumn[i % columns] = (byColumn[i % columns] ?? .zero).union(
          PlotMargins(left: m.left, right: m.right))
      }
      var changed = false
      for i in cells {
        let row = rows
        let column = byColumn[i % columns] ?? .zero
        let wanted = PlotMargins(
          top: row.top, left: column.left, bottom: row.bottom, right: column.right)
        if let m = layouts[i]?.margins, Self.close(m, wanted) { continue }
        panels[i]!.options.minimumMargins = wanted
        // The shared geometry is the grid's: a panel no longer grows on its own.
        panels[i]!.options.growsToFit = false
        changed = true
      }
      guard changed else { break }
      layouts = panels.map { $0?.layout(measurer: measurer) }
    }
    return layouts
  }

  private static func close(_ a: PlotMargins, _ b: PlotMargins) -> Bool {
    abs(a.top - b.top) < 1e-6 && abs(a.left - b.left) < 1e-6 && abs(a.bottom - b.bottom) < 1e-6
      && abs(a.right - b.right) < 1e-6
  }
}
