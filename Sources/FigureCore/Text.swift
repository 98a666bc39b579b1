/// The typeface of a text: sans-serif (the default of most journals' figure guidelines) or serif.
/// The backend sets each from pinned font files (Liberation Sans, metric-compatible with
/// Helvetica and Arial; Liberation Serif, with Times New Roman), so a figure never depends on
/// what fontconfig would match on a given machine.
public enum FontFamily: String, CaseIterable, Hashable, Sendable {
  case sans
  case serif
}

/// A font request: size, weight, slant and family.
public struct FontSpec: Hashable, Sendable {
  /// Size in points at final print size.
  public var size: Double
  public var isBold: Bool
  public var isItalic: Bool
  public var family: FontFamily
  public init(size: Double, isBold: Bool = false, isItalic: Bool = false, family: FontFamily = .sans) {
    self.size = size
    self.isBold = isBold
    self.isItalic = isItalic
    self.family = family
  }
  public func bold(_ on: Bool = true) -> FontSpec {
    FontSpec(size: size, isBold: on, isItalic: isItalic, family: family)
  }
  public func withSize(_ size: Double) -> FontSpec {
    FontSpec(size: size, isBold: isBold, isItalic: isItalic, family: family)
  }
}

/// Where a text's anchor point lies on the text's box.
public struct TextAnchor: Hashable, Sendable {
  public enum Horizontal: Hashable, Sendable { case leading, center, trailing }
  public enum Vertical: Hashable, Sendable {
    /// The anchor is on the baseline.
    case baseline
    /// The anchor is at the top of the ascent.
    case top
    /// The anchor is halfway between ascent and descent.
    case middle
    /// The anchor is at the bottom of the descent.
    case bottom
  }
  public var horizontal: Horizontal
  public var vertical: Vertical
  public init(_ horizontal: Horizontal, _ vertical: Vertical) {
    self.horizontal = horizontal
    self.vertical = vertical
  }
  public static let leadingBaseline = TextAnchor(.leading, .baseline)
  public static let centerBaseline = TextAnchor(.center, .baseline)
  public static let trailingBaseline = TextAnchor(.trailing, .baseline)
  public static let leadingMiddle = TextAnchor(.leading, .middle)
  public static let centerMiddle = TextAnchor(.center, .middle)
  public static let trailingMiddle = TextAnchor(.trailing, .middle)
  public static let centerTop = TextAnchor(.center, .top)
}

/// A piece of text placed on the page.
public struct TextRun: Hashable, Sendable {
  public var text: StyledText
  public var font: FontSpec
  public var color: Color
  public var anchor: TextAnchor
  /// Rotation about the anchor point in degrees, counter-clockwise as seen on the page
  /// (90 reads bottom-to-top, as a y-axis title).
  public var rotation: Double

  public init(
    _ text: StyledText, font: FontSpec, color: Color = .black,
    anchor: TextAnchor = .leadingBaseline, rotation: Double = 0
  ) {
    self.text = text
    self.font = font
    self.color = color
    self.anchor = anchor
    self.rotation = rotation
  }
}

/// Logical extents of a text, in points: the advance width (not the ink width) and the font's
/// ascent and descent, as used for layout and alignment.
public struct TextMetrics: Hashable, Sendable {
  public var width: Double
  public var ascent: Double
  public var descent: Double
  public init(width: Double, ascent: Double, descent: Double) {
    self.width = width
    self.ascent = ascent
    self.descent = descent
  }
  public var height: Double { ascent + descent }
}

/// Measures text before anything is drawn; layout depends only on this.
public protocol TextMeasuring: Sendable {
  func measure(_ text: StyledText, font: FontSpec) -> TextMetrics
}

extension TextMeasuring {
  /// The box a run occupies when drawn at `point` (unrotated runs; for rotated runs the box
  /// of the rotation by a multiple of 90°).
  public func bounds(of run: TextRun, at point: Point) -> Rect {
    let m = measure(run.text, font: run.font)
    let x0: Double
    switch run.anchor.horizontal {
    case .leading: x0 = 0
    case .center: x0 = -m.width / 2
    case .trailing: x0 = -m.width
    }
    let top: Double  // offset of the box top relative to the anchor, before rotation
    switch run.anchor.vertical {
    case .baseline: top = -m.ascent
    case .top: top = 0
    case .middle: top = -m.height / 2
    case .bottom: top = -m.height
    }
    let local = Rect(x: x0, y: top, width: m.width, height: m.height)
    let quarter = Int((run.rotation / 90).rounded()) & 3
    let r: Rect
    switch quarter {
    case 1:  // counter-clockwise 90°: (x, y) → (y, −x)
      r = Rect(corner: Point(x: local.minY, y: -local.minX), Point(x: local.maxY, y: -local.maxX))
    case 2: r = Rect(corner: Point(x: -local.minX, y: -local.minY), Point(x: -local.maxX, y: -local.maxY))
    case 3: r = Rect(corner: Point(x: -local.minY, y: local.minX), Point(x: -local.maxY, y: local.maxX))
    default: r = local
    }
    return Rect(x: r.minX + point.x, y: r.minY + point.y, width: r.width, height: r.height)
  }
}

/// A measurer with fixed per-character advance, for tests that must not depend on fonts.
public struct MonospaceTextMeasurer: TextMeasuring {
  /// Advance of one character as a fraction of the font size.
  public var advancePerCharacter: Double
  public init(advancePerCharacter: Double = 0.6) { self.advancePerCharacter = advancePerCharacter }
  public func measure(_ text: StyledText, font: FontSpec) -> TextMetrics {
    let count = text.spans.reduce(0.0) {
      $0 + Double($1.text.count) * ($1.shift == .none ? 1 : 0.7)
    }
    return TextMetrics(
      width: count * advancePerCharacter * font.size, ascent: 0.75 * font.size,
      descent: 0.25 * font.size)
  }
}
