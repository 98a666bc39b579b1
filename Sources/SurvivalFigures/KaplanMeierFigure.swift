import FigureCore

/// One group's curve for a Kaplan–Meier-type figure, as layout needs it: the step function's
/// rows and the counts behind the risk table. Built from a `KaplanMeierEstimate` by the
/// statistics adapter, or by hand in tests.
public struct KaplanMeierCurveData: Hashable, Sendable {
  /// One distinct time (an event or a censoring time).
  ///
  /// Stored in 48 bytes (a figure of a million patients holds a row per distinct time): the
  /// counts as 32-bit integers and a missing limit as one NaN payload that no arithmetic makes.
  public struct Row: Hashable, Sendable {
    public var time: Double
    /// The plotted value after this time: S(t), 1 − S(t) or the cumulative hazard.
    public var value: Double
    private var storedLower: Double
    private var storedUpper: Double
    private var storedAtRisk: Int32
    private var storedEvents: Int32
    private var storedCensored: Int32

    /// Number at risk just before `time` (R: `n.risk`).
    public var atRisk: Int {
      get { Int(storedAtRisk) }
      set { storedAtRisk = Int32(newValue) }
    }
    public var events: Int {
      get { Int(storedEvents) }
      set { storedEvents = Int32(newValue) }
    }
    public var censored: Int {
      get { Int(storedCensored) }
      set { storedCensored = Int32(newValue) }
    }
    /// Pointwise confidence limits of `value`; nil where not estimable.
    public var lower: Double? {
      get { Self.decode(storedLower) }
      set { storedLower = Self.encode(newValue) }
    }
    public var upper: Double? {
      get { Self.decode(storedUpper) }
      set { storedUpper = Self.encode(newValue) }
    }

    public init(
      time: Double, atRisk: Int, events: Int, censored: Int, value: Double, lower: Double? = nil,
      upper: Double? = nil
    ) {
      self.time = time
      self.value = value
      self.storedLower = Self.encode(lower)
      self.storedUpper = Self.encode(upper)
      self.storedAtRisk = Int32(atRisk)
      self.storedEvents = Int32(events)
      self.storedCensored = Int32(censored)
    }

    /// The bit pattern that stands for a missing limit: a quiet NaN with a payload of its own.
    private static let missingBits = Double(nan: 0x5_1F16, signaling: false).bitPattern

    private static func encode(_ value: Double?) -> Double {
      value ?? Double(bitPattern: missingBits)
    }

    private static func decode(_ stored: Double) -> Double? {
      stored.bitPattern == missingBits ? nil : stored
    }

    public static func == (left: Row, right: Row) -> Bool {
      left.time == right.time && left.value == right.value && left.lower == right.lower
        && left.upper == right.upper && left.storedAtRisk == right.storedAtRisk
        && left.storedEvents == right.storedEvents && left.storedCensored == right.storedCensored
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(time)
      hasher.combine(value)
      hasher.combine(lower)
      hasher.combine(upper)
      hasher.combine(storedAtRisk)
      hasher.combine(storedEvents)
      hasher.combine(storedCensored)
    }
  }

  public var label: String
  /// Subjects in the group.
  public var total: Int
  public var rows: [Row]
  /// The value at time 0 before any event: 1 for survival curves, 0 for cumulative ones.
  public var initialValue: Double
  /// Time at which the curve crosses its median, drawn when median lines are requested.
  public var median: Double?
  /// Overrides of the theme's colour and dash for this curve.
  public var color: Color?
  public var dash: [Double]?

  public init(
    label: String, total: Int, rows: [Row], initialValue: Double = 1, median: Double? = nil,
    color: Color? = nil, dash: [Double]? = nil
  ) {
    self.label = label
    self.total = total
    self.rows = rows
    self.initialValue = initialValue
    self.median = median
    self.color = color
    self.dash = dash
  }

  /// Subjects at risk at time `t`: those whose time is ≥ t (censored at t are still at risk at
  /// t, R's convention). 0 beyond the last observation.
  public func atRisk(at t: Double) -> Int {
    let i = firstIndex(atOrAfter: t)
    return i < rows.count ? rows[i].atRisk : 0
  }

  /// Events strictly before `t`, so that at risk + censored + events = total at every `t`
  /// (the KMunicate table).
  public func events(before t: Double) -> Int {
    rows[..<firstIndex(atOrAfter: t)].reduce(0) { $0 + $1.events }
  }

  /// Censorings strictly before `t`.
  public func censored(before t: Double) -> Int {
    rows[..<firstIndex(atOrAfter: t)].reduce(0) { $0 + $1.censored }
  }

  /// The last observed time, or 0 for an empty group.
  public var lastTime: Double { rows.last?.time ?? 0 }

  private func firstIndex(atOrAfter t: Double) -> Int {
    var lo = 0
    var hi = rows.count
    while lo < hi {
      let mid = (lo + hi) / 2
      if rows[mid].time < t { lo = mid + 1 } else { hi = mid }
    }
    return lo
  }
}

/// What the y axis shows.
public enum KaplanMeierYAxis: Hashable, Sendable {
  /// Probabilities from 0 to 1 (survival, 1 − S, or a cumulative incidence).
  case probability
  /// The same as percentages from 0 to 100 %.
  case percent
  /// An unbounded non-negative value such as the cumulative hazard.
  case value
}

/// The table printed under the curves.
public enum RiskTableStyle: String, Hashable, Sendable, CaseIterable {
  case none
  /// One row per group: the number at risk at each time.
  case numberAtRisk = "number-at-risk"
  /// The KMunicate layout (Morris et al., BMJ Open 2019): per group, rows for the number at
  /// risk, censored and events (cumulative), which sum to the group's size at every time.
  case kmunicate
}

/// Where the legend goes.
public enum LegendPlacement: String, Hashable, Sendable, CaseIterable {
  /// Inside the plot, in the first corner where it covers no curve; otherwise in the risk table
  /// when it names the groups, above the plot when there is no table.
  case auto
  case topRight = "top-right"
  case topLeft = "top-left"
  case bottomRight = "bottom-right"
  case bottomLeft = "bottom-left"
  /// Above the plot, entries side by side.
  case top
  /// In the risk table: its row labels, coloured and led by the curve's line sample, name the
  /// groups, and the legend title joins the table's title. Above the plot without a table.
  case riskTable = "risk-table"
  case none
}

/// Where the inset of annotations (test results, medians, hazard ratios) goes.
public enum AnnotationPlacement: String, Hashable, Sendable, CaseIterable {
  /// Inside the plot in a free corner, or split by block over free corners; otherwise above or
  /// right of the plot, whichever leaves the larger plot area.
  case auto
  /// Above the plot, the lines flowed into as many columns as fit.
  case top
  /// Right of the plot, in one column.
  case right
}

/// Space around the plot area, in points, from the figure's edges.
public struct PlotMargins: Hashable, Sendable {
  public var top: Double
  public var left: Double
  public var bottom: Double
  public var right: Double
  public init(top: Double = 0, left: Double = 0, bottom: Double = 0, right: Double = 0) {
    self.top = top
    self.left = left
    self.bottom = bottom
    self.right = right
  }
  public static let zero = PlotMargins()

  /// The larger of each side.
  public func union(_ other: PlotMargins) -> PlotMargins {
    PlotMargins(
      top: max(top, other.top), left: max(left, other.left), bottom: max(bottom, other.bottom),
      right: max(right, other.right))
  }
}

/// Everything about a Kaplan–Meier figure that is not data.
public struct KaplanMeierFigureOptions: Hashable, Sendable {
  public var size: Size
  /// nil: `FigureTheme.scaled(forWidth:)`.
  public var theme: FigureTheme?
  public var title: StyledText?
  public var xTitle: StyledText
  public var yTitle: StyledText
  public var yAxis: KaplanMeierYAxis
  /// Explicit x breaks; nil chooses round numbers.
  public var xBreaks: [Double]?
  /// Whether `xBreaks` are a step's multiples (`x-by`) rather than times the user listed: a
  /// stepped break past the data gets no risk-table column, a listed one keeps its column.
  public var xBreaksAreStepped = false
  /// Right end of the x axis; nil uses the longest follow-up.
  public var xMax: Double?
  /// Top of the y axis for `.value`; nil fits the data.
  public var yMax: Double?
  public var showsConfidenceBands: Bool
  public var showsCensorMarks: Bool
  public var censorMark: MarkerShape
  public var showsMedianLines: Bool
  public var riskTable: RiskTableStyle
  /// Times of the risk-table columns; nil uses the x breaks.
  public var riskTableTimes: [Double]?
  public var riskTableTitle: String
  /// The risk table's default title.
  public static let riskTableTitle = "Number at risk"
  /// The default title of a KMunicate table, which lists the numbers at risk, censored and with
  /// an event (Morris et al., BMJ Open 2019).
  public static let kmunicateTableTitle = "Number at risk, censored and with an event"
  /// Counts from 1 to one below this print as `<N` (small-cell suppression); nil prints every
  /// count.
  public var suppressedBelow: Int?
  public var legend: LegendPlacement
  public var legendTitle: String?
  /// Lines of an inset (test results, medians, hazard ratios), placed where no curve runs.
  public var annotations: [StyledText]
  /// Indices of annotation lines that head the lines after them ("Median (95% CI)"): a
  /// heading starts a block that may go to a corner of its own, and a column of a flowed inset
  /// never ends with one.
  public var annotationHeadings: Set<Int> = []
  public var annotationPlacement: AnnotationPlacement = .auto
  /// Let the figure grow taller than `size.height` when its plot area would otherwise get less
  /// than `KaplanMeierLayout.minimumPlotShare` of the height (a height the user did not set).
  public var growsToFit = false
  /// Margins the plot area keeps at least, so that the panels of one figure share their plot
  /// geometry.
  public var minimumMargins: PlotMargins = .zero
  /// Draw each curve as the upper edge of a filled area that starts at the curve before it
  /// (the first at 0): the curves are cumulative sums, such as the cumulative incidences of
  /// the causes of one group stacked under the event-free share. The legend shows filled
  /// swatches; censoring marks and bands are not drawn.
  public var stacksAreas = false

  public init(
    size: Size = .millimetres(width: 170, height: 120), theme: FigureTheme? = nil,
    title: StyledText? = nil, xTitle: StyledText = "Time",
    yTitle: StyledText = "Survival probability", yAxis: KaplanMeierYAxis = .probability,
    xBreaks: [Double]? = nil, xMax: Double? = nil, yMax: Double? = nil,
    showsConfidenceBands: Bool = false, showsCensorMarks: Bool = true,
    censorMark: MarkerShape = .verticalTick, showsMedianLines: Bool = false,
    riskTable: RiskTableStyle = .numberAtRisk, riskTableTimes: [Double]? = nil,
    riskTableTitle: String = KaplanMeierFigureOptions.riskTableTitle, legend: LegendPlacement = .auto,
    legendTitle: String? = nil, annotations: [StyledText] = []
  ) {
    self.size = size
    self.theme = theme
    self.title = title
    self.xTitle = xTitle
    self.yTitle = yTitle
    self.yAxis = yAxis
    self.xBreaks = xBreaks
    self.xMax = xMax
    self.yMax = yMax
    self.showsConfidenceBands = showsConfidenceBands
    self.showsCensorMarks = showsCensorMarks
    self.censorMark = censorMark
    self.showsMedianLines = showsMedianLines
    self.riskTable = riskTable
    self.riskTableTimes = riskTableTimes
    self.riskTableTitle = riskTableTitle
    self.legend = legend
    self.legendTitle = legendTitle
    self.annotations = annotations
  }
}

/// A Kaplan–Meier figure: step curves with censoring marks and optional confidence bands, a
/// legend, an annotation inset and a risk table whose columns share the curve's x scale.
///
/// The same layout draws any right-continuous step function of time: survival curves falling
/// from 1, cumulative incidences rising from 0 (one curve per group, or per cause and group),
/// and stacked areas of the causes of one group (`stacksAreas`).
public struct KaplanMeierFigure: Hashable, Sendable {
  public var curves: [KaplanMeierCurveData]
  public var options: KaplanMeierFigureOptions
  /// The groups of the risk table when they are not the curves: one row per group where each
  /// group has several curves (a cumulative incidence per cause). nil: one row per curve. A
  /// legend that does not fit in the plot then goes above it, since the table's rows do not
  /// name the curves.
  public var tableCurves: [KaplanMeierCurveData]?

  public init(
    curves: [KaplanMeierCurveData], options: KaplanMeierFigureOptions = .init(),
    tableCurves: [KaplanMeierCurveData]? = nil
  ) {
    self.curves = curves
    self.options = options
    self.tableCurves = tableCurves
  }
}

extension KaplanMeierFigureOptions {
  /// A count as the risk table prints it: `<N` for counts from 1 to N − 1 under small-cell
  /// suppression, the number otherwise (0 stays 0: an empty row identifies no one).
  public func printedCount(_ count: Int) -> String {
    if let threshold = suppressedBelow, count > 0, count < threshold { return "<\(threshold)" }
    return String(count)
  }
}
