/// How the values of an event column mean "event" or "censored" (R: the `event` argument of
/// `Surv(time, event)`).
///
/// R's conventions are detected by ``automatic``: codes 0/1 (1 = event), 1/2 (2 = event) or
/// logical values (TRUE = event). Other codings are given as values, compared numerically when
/// both sides are numbers (`1` matches `1.0`) and as text otherwise:
///
/// | Data | Coding | R |
/// |---|---|---|
/// | `lung` `status` 1 = censored, 2 = dead | `.values(event: "2", censored: [])` (1 by default) | `Surv(time, status == 2)` |
/// | `pbc` `status` 0 censored, 1 transplant, 2 dead | `.values(event: "2", censored: ["0", "1"])` | `Surv(time, status == 2)` |
/// | CDISC ADaM `CNSR` 0 = event, 1, 2, … = censoring reasons | `.values(event: "0", censored: ["1", "2"])` | `Surv(AVAL, 1 - CNSR)` |
public enum EventCoding: Hashable, Sendable, CustomStringConvertible {
  /// Detect the coding from the values present, as R's `Surv` does: values within {0, 1} are
  /// ``zeroOne``; otherwise values within {1, 2} are ``oneTwo``; logical values are
  /// ``logical``. Anything else is an error.
  case automatic
  /// 0 = censored, 1 = event.
  case zeroOne
  /// 1 = censored, 2 = event.
  case oneTwo
  /// FALSE = censored, TRUE = event; accepts `TRUE`/`FALSE`, `True`/`False`, `true`/`false`
  /// and `T`/`F` (R's logical spellings).
  case logical
  /// Explicit codes (`--event-value`, `--censor-value`).
  ///
  /// - Only `event`: that value is an event and its complementary code in R's `Surv`
  ///   conventions is censored (`0` for `1`, `1` for `2`, `1` for `0`, `FALSE` for `TRUE`);
  ///   any other value is an error that asks for `--censor-value` (so that a stray code such
  ///   as `7` is never silently counted as censored). An event code without a complement
  ///   (`dead`) needs its censoring codes given.
  /// - Only `censored`: those values are censored, every other value is an event
  ///   (R: `!(status %in% censored)`).
  /// - Both: those values and no others are accepted; any other value is an error.
  case values(event: String?, censored: [String])
  /// A censoring indicator (ADaM's `CNSR`): 0 = event, 1, 2, … = censored, each a reason.
  case censorIndicator

  /// The coding for the `--event-value` and `--censor-value` options.
  ///
  /// ``automatic`` when neither is given, ``values(event:censored:)`` otherwise. Values are
  /// trimmed of spaces; empty values are ignored.
  public init(eventValue: String?, censorValues: [String]) {
    let event = eventValue.map(_trimmed).flatMap { $0.isEmpty ? nil : $0 }
    let censored = censorValues.map(_trimmed).filter { !$0.isEmpty }
    self = event == nil && censored.isEmpty ? .automatic : .values(event: event, censored: censored)
  }

  /// The coding as shown in messages and reports, such as `1/2 (2 = event)`.
  public var description: String {
    switch self {
    case .automatic: "automatic"
    case .zeroOne: "0/1 (1 = event)"
    case .oneTwo: "1/2 (2 = event)"
    case .logical: "TRUE/FALSE (TRUE = event)"
    case .values(let event?, let censored) where censored.isEmpty:
      "'\(event)' = event, other values censored"
    case .values(nil, let censored):
      "\(_quotedList(censored)) = censored, other values events"
    case .values(let event?, let censored):
      "'\(event)' = event, \(_quotedList(censored)) = censored"
    case .censorIndicator:
      "0 = event, 1 or more = censored (ADaM CNSR)"
    }
  }
}

/// The text without surrounding spaces and tabs.
func _trimmed(_ text: String) -> String {
  let blank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
  guard let first = text.firstIndex(where: { !blank($0) }),
    let last = text.lastIndex(where: { !blank($0) })
  else { return "" }
  return String(text[first...last])
}
