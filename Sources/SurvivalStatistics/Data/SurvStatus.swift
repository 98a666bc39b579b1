/// R's `Surv(time, status)` event coding, in one place: the Kaplan–Meier column mapping and
/// the model frame of Cox formulas both detect and read status values through it.
///
/// A numeric status is 0/1 (1 = event) unless its largest value is 2, in which case it is 1/2
/// (2 = event; R subtracts 1); after that every value must be 0 or 1. A logical status is
/// TRUE = event, in R's spellings `TRUE`/`True`/`true`/`T` and `FALSE`/`False`/`false`/`F`.
public enum SurvStatus {
  /// The two numeric codings.
  public enum Coding: Hashable, Sendable {
    /// 0 = censored, 1 = event.
    case zeroOne
    /// 1 = censored, 2 = event.
    case oneTwo

    /// Whether `value` is an event in this coding; nil for a value it does not have.
    public func isEvent(_ value: Double) -> Bool? {
      switch (self, value) {
      case (.zeroOne, 0), (.oneTwo, 1): false
      case (.zeroOne, 1), (.oneTwo, 2): true
      default: nil
      }
    }
  }

  /// The coding R's `Surv` chooses for numbers whose largest (non-missing) value is `largest`.
  public static func coding(largest: Double) -> Coding { largest == 2 ? .oneTwo : .zeroOne }

  /// The coding of `values` (NaN being missing), or nil when a value is neither of its codes.
  public static func coding(of values: some Sequence<Double>) -> Coding? {
    let present = values.filter { !$0.isNaN }
    let coding = coding(largest: present.max() ?? 0)
    return present.allSatisfy { coding.isEvent($0) != nil } ? coding : nil
  }

  /// A logical value in R's spellings; nil for anything else.
  public static func logical(_ text: String) -> Bool? {
    switch text {
    case "TRUE", "True", "true", "T": true
    case "FALSE", "False", "false", "F": false
    default: nil
    }
  }
}
