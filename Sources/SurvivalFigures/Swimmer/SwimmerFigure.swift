import FigureCore

/// One patient's lane in a swimmer plot: a bar from start to end, response spans above it and
/// event markers on it.
public struct SwimmerLane: Hashable, Sendable {
  /// A period of response, drawn as a line above the bar.
  public struct ResponseSpan: Hashable, Sendable {
    public var start: Double
    public var end: Double
    public init(start: Double, end: Double) {
      self.start = start
      self.end = end
    }
  }

  /// An event on the lane: its time and the index of its kind in ``SwimmerFigure/eventKinds``.
  public struct Event: Hashable, Sendable {
    public var time: Double
    public var kind: Int
    public init(time: Double, kind: Int) {
      self.time = time
      self.kind = kind
    }
  }

  /// The patient identifier, printed on the y axis.
  public var id: String
  /// The index of the patient's group in ``SwimmerFigure/groups``.
  public var group: Int
  public var start: Double
  public var end: Double
  /// Whether treatment or follow-up continues after `end` (an arrow at the bar's end).
  public var isOngoing: Bool
  public var responses: [ResponseSpan]
  public var events: [Event]

  public init(
    id: String, group: Int = 0, start: Double = 0, end: Double, isOngoing: Bool = false,
    responses: [ResponseSpan] = [], events: [Event] = []
  ) {
    self.id = id
    self.group = group
    self.start = start
    self.end = end
    self.isOngoing = isOngoing
    self.responses = responses
    self.events = events
  }

  /// The bar's length, `end − start`.
  public var length: Double { end - start }
}

/// How a group's bars are painted: a colour and a fill motif, so that groups differ in
/// grayscale print too (solid, oblique hatch, cross-hatch, dots, as in the IMT study's Figure 4).
public struct SwimmerBarStyle: Hashable, Sendable {
  /// nil: solid.
  public var pattern: FillPattern.Kind?
  public var color: Color

  public init(pattern: FillPattern.Kind?, color: Color) {
    self.pattern = pattern
    self.color = color
  }

  /// The motifs in the order groups get them: solid, oblique hatch, cross-hatch, dots,
  /// back-hatch, horizontal lines.
  public static let motifs: [FillPattern.Kind?] = [nil, .hatch, .crossHatch, .dots, .backHatch, .horizontal]

  /// The default style of the group at `index`: the theme colour and the motif in turn.
  public static func automatic(_ index: Int, theme: FigureTheme) -> SwimmerBarStyle {
    SwimmerBarStyle(pattern: motifs[index % motifs.count], color: theme.color(at: index))
  }

  /// The fill: a mid tint of the colour (so dark markers stay visible on it), or the motif in
  /// the colour over a light tint.
  public func paint(spacing: Double) -> Paint {
    guard let pattern else { return .solid(color.withAlpha(0.55).blended(over: .white)) }
    let tint = color.withAlpha(0.18).blended(over: .white)
    let width = pattern == .dots ? max(1.1, spacing * 0.4) : max(0.5, spacing * 0.2)
    return .pattern(
      FillPattern(kind: pattern, foreground: color, background: tint, spacing: spacing, lineWidth: width))
  }
}

/// A kind of event marked on the lanes (a response, progression, death, a dose change).
public struct SwimmerEventKind: Hashable, Sendable {
  public var label: String
  public var shape: MarkerShape
  public var color: Color
  /// Filled with the colour (true) or drawn as an outline on white.
  public var isFilled: Bool

  public init(label: String, shape: MarkerShape, color: Color, isFilled: Bool = true) {
    self.label = label
    self.shape = shape
    self.color = color
    self.isFilled = isFilled
  }

  /// The conventional marker of an event label: CR filled star, PR filled triangle, SD open
  /// circle, PD cross, death filled square; other labels take the remaining shapes in turn
  /// (`index` counts the unknown labels so far), open and filled alternately. All are black
  /// (with a white halo when drawn), so that no marker takes a bar's colour and every one
  /// reads on any bar fill and in grayscale.
  public static func automatic(label: String, index: Int) -> SwimmerEventKind {
    switch label.trimmingCharacters(in: .whitespaces).lowercased() {
    case "cr", "complete response":
      return SwimmerEventKind(label: label, shape: .star, color: .black)
    case "pr", "partial response":
      return SwimmerEventKind(label: label, shape: .triangleUp, color: .black)
    case "sd", "stable disease":
      return SwimmerEventKind(label: label, shape: .circle, color: .black, isFilled: false)
    case "pd", "progression", "progressive disease":
      return SwimmerEventKind(label: label, shape: .cross, color: .black)
    case "death", "died", "dead":
      return SwimmerEventKind(label: label, shape: .square, color: .black)
    default:
      let shapes: [MarkerShape] = [.diamond, .triangleDown, .plus, .circle, .verticalTick]
      return SwimmerEventKind(
        label: label, shape: shapes[index % shapes.count], color: .black,
        isFilled: index % shapes.count == 1)
    }
  }
}

/// The order of the lanes from top to bottom.
public enum SwimmerOrder: String, Hashable, Sendable, CaseIterable {
  /// Groups in their order; within a group the longest bar first.
  case length
  /// Groups in their order; within a group the lanes as given.
  case given
}

/// Everything about a swimmer plot that is not data.
public struct SwimmerFigureOptions: Hashable, Sendable {
  /// Page width.
  public var width: Double
  /// Page height; nil grows the figure with the number of patients.
  public var height: Double?
  /// nil: `FigureTheme.scaled(forWidth:)`.
  public var theme: FigureTheme?
  public var title: StyledText?
  public var xTitle: StyledText
  public var yTitle: StyledText
  /// Explicit x breaks; nil chooses round numbers (from `breakSteps` when given).
  public var xBreaks: [Double]?
  /// Candidate distances between breaks, smallest first (months: 1, 3, 6, 12, 24); empty uses
  /// 1, 2, 2.5, 5 × 10^k.
  public var breakSteps: [Double]
  /// Right end of the axis; nil fits the data.
  public var xMax: Double?
  public var order: SwimmerOrder
  /// Label the lanes on the y axis (dropped automatically when the lanes are too thin to
  /// carry legible type).
  public var showsIdentifiers: Bool
  /// Label lanes by the patients' identifiers; otherwise by their number from the top (1, 2,
  /// …), so that a figure that circulates does not carry identifiers.
  public var labelsLanesByIdentifier = true
  /// Labels of the legend entries for ongoing lanes and response spans.
  public var ongoingLabel: String
  public var responseLabel: String
  public var legendTitle: String?
  /// Width of the response lines in points; nil: from the bar height (0.8–1.6 pt).
  public var lineWidth: Double?

  public init(
    width: Double = 170.millimetres, height: Double? = nil, theme: FigureTheme? = nil,
    title: StyledText? = nil, xTitle: StyledText = "Time", yTitle: StyledText = "Patients",
    xBreaks: [Double]? = nil, breakSteps: [Double] = [], xMax: Double? = nil,
    order: SwimmerOrder = .length, showsIdentifiers: Bool = true,
    ongoingLabel: String = "Ongoing", responseLabel: String = "Response duration",
    legendTitle: String? = nil
  ) {
    self.width = width
    self.height = height
    self.theme = theme
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.xBreaks = xBreaks
    self.breakSteps = breakSteps
    self.xMax = xMax
    self.order = order
    self.showsIdentifiers = showsIdentifiers
    self.ongoingLabel = ongoingLabel
    self.responseLabel = responseLabel
    self.legendTitle = legendTitle
  }
}

/// A swimmer plot: one horizontal bar per patient, patterned by group, with event markers,
/// arrows for ongoing lanes and response spans above the bars.
public struct SwimmerFigure: Hashable, Sendable {
  public var lanes: [SwimmerLane]
  /// Group labels, indexed by ``SwimmerLane/group``.
  public var groups: [String]
  /// Per group, its bar style; nil entries (or a short array) use ``SwimmerBarStyle/automatic(_:theme:)``.
  public var groupStyles: [SwimmerBarStyle?]
  public var eventKinds: [SwimmerEventKind]
  public var options: SwimmerFigureOptions

  public init(
    lanes: [SwimmerLane], groups: [String] = [], groupStyles: [SwimmerBarStyle?] = [],
    eventKinds: [SwimmerEventKind] = [], options: SwimmerFigureOptions = .init()
  ) {
    self.lanes = lanes
    self.groups = groups
    self.groupStyles = groupStyles
    self.eventKinds = eventKinds
    self.options = options
  }
}

#if canImport(Foundation)
  import Foundation
#endif
