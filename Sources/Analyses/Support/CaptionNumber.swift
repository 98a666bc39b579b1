import SurvivalFigures

/// A number among a caption's values: written as the figure prints it, and reformatted by the
/// caption's number helpers, Mustache transforms written around the name:
///
/// - `{{fixed0(median)}}` … `{{fixed3(median)}}`: fixed decimals ("20.1" → "20");
/// - `{{percent0(survival)}}` … `{{percent2(survival)}}`: a proportion as a percentage
///   ("0.453" → "45%", "45.3%");
/// - `{{pvalue(p)}}`: a P value as journals print it ("0.003", "<0.001", ">0.99").
///
/// A number that does not exist (a median not reached, a rate not estimable) keeps its text
/// ("NR", "NE") under every helper.
public struct CaptionNumber: Sendable, CustomStringConvertible {
  /// The number, nil when not reached or not estimable.
  public var value: Double?
  /// The default text.
  public var text: String

  public init(value: Double?, text: String) {
    self.value = value
    self.text = text
  }

  public var description: String { text }

  /// The text of helper `name` applied to the number; nil for an unknown helper.
  public func applying(_ name: String) -> String? {
    guard let value else { return text }
    switch name {
    case "fixed0": return JournalFormat.fixed(value, decimals: 0)
    case "fixed1": return JournalFormat.fixed(value, decimals: 1)
    case "fixed2": return JournalFormat.fixed(value, decimals: 2)
    case "fixed3": return JournalFormat.fixed(value, decimals: 3)
    case "percent0": return JournalFormat.fixed(value * 100, decimals: 0) + "%"
    case "percent1": return JournalFormat.fixed(value * 100, decimals: 1) + "%"
    case "percent2": return JournalFormat.fixed(value * 100, decimals: 2) + "%"
    case "pvalue": return JournalFormat.pValue(value)
    default: return nil
    }
  }

  /// The helpers, for messages.
  public static let transforms = [
    "fixed0", "fixed1", "fixed2", "fixed3", "percent0", "percent1", "percent2", "pvalue",
  ]
}
