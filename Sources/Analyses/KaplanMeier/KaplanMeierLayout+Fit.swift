import FigureCore
import SurvivalFigures

/// A figure too small for its contents: its plot area would be too small to read.
public struct FigureTooSmallError: Error, Equatable, Sendable, CustomStringConvertible {
  public var message: String
  public var description: String { message }
}

extension KaplanMeierLayout {
  /// Checks that the plot area can be read: throws `FigureTooSmallError` when it is too small
  /// (`isUnreadable`), and returns a warning when it got less than its minimum height
  /// height (`isCramped`), naming in both cases the size that would fit.
  ///
  /// - Parameters:
  ///   - panel: the panel's letter in a multi-panel figure.
  ///   - neededSize: the size the whole figure needs, in points (a panel's figure is larger
  ///     than the panel); nil: `requiredSize`.
  ///   - isHeightFixed: whether the user set the height (then leaving it unset is a remedy).
  package func checkFit(panel: String? = nil, neededSize: Size? = nil, isHeightFixed: Bool)
    throws(FigureTooSmallError)
    -> String?
  {
    let needed = neededSize ?? requiredSize
    let unset = isHeightFixed ? ", or leave its height unset so that it grows" : ""
    let size = "\(Self.mm(scene.size.width)) × \(Self.mm(scene.size.height)) mm"
    let subject = panel.map { "panel \($0)" } ?? "the figure"
    if isUnreadable {
      let tooNarrow = plotRect.width < Self.readablePlotWidth - 1e-6
      let extent = tooNarrow ? plotRect.width : plotRect.height
      let problem =
        extent < 1.millimetres
        ? "no room is left for the plot area"
        : "the plot area would be only \(Self.mm(extent)) mm \(tooNarrow ? "wide" : "high")"
      let remedy =
        tooNarrow
        ? "make the figure at least \(Self.mm(needed.width)) mm wide"
        : "make the figure at least \(Self.mm(needed.height)) mm high\(unset)"
      throw FigureTooSmallError(
        message: "\(subject) is too small for its contents: at \(size) \(problem); \(remedy)")
    }
    guard isCramped else { return nil }
    let share = Int((plotRect.height / scene.size.height * 100).rounded(.down))
    let whose = panel == nil ? "the figure's" : "the panel's"
    return (panel.map { "panel \($0): " } ?? "")
      + "the plot area is only \(Self.mm(plotRect.height)) mm high, \(share)% of \(whose) height; make the figure at least \(Self.mm(needed.height)) mm high\(unset)"
  }

  /// A finding when the legend, in a corner the user chose, covers a curve: name the corners
  /// and the automatic placement.
  package var legendFindings: [LintFinding] {
    guard legendCoversCurves else { return [] }
    let corner = legendPlacement.rawValue
    return [
      LintFinding(
        kind: .overlappingText, texts: [],
        message:
          "the legend placed \(corner) covers the curves; choose another corner with --legend (legend: in a template), or leave it automatic so that it takes a free corner or the risk table"
      )
    ]
  }

  private static func mm(_ points: Double) -> String {
    JournalFormat.fixed(points / 1.millimetres, decimals: 0)
  }
}
