import SurvivalFigures
import SurvivalStatistics

/// The one way a median (or another quantile) of a Kaplan–Meier curve is printed, with its
/// interval: by the figure's inset and risk table, the summary table, captions and sidecars.
///
/// | quantile | `compact` | `withLevel("95")` | `interval` |
/// |---|---|---|---|
/// | 8.5, 6.1 to 11.2 | `8.5 (6.1–11.2)` | `8.5 (95% CI 6.1–11.2)` | `6.1–11.2` |
/// | 20.1, 15.0, upper not reached | `20.1 (15.0–NR)` | `20.1 (95% CI 15.0–NR)` | `15.0–NR` |
/// | not reached, 3.0 | `NR (3.0–NR)` | `NR (95% CI 3.0–NR)` | `3.0–NR` |
/// | not reached, no limit | `NR` | `NR` | `NR` |
/// | 5.0, neither limit estimable | `5.0 (NE)` | `5.0 (95% CI NE)` | `NE` |
///
/// A median is "not reached" (NR) when the curve stays above 0.5; when it is reached but
/// neither limit exists (all events at one time, so the band never crosses 0.5 on either
/// side), the interval is "not estimable" (NE).
public struct MedianText: Sendable {
  public var quantile: KaplanMeierEstimate.Quantile
  /// From the data's time unit to the printed one.
  public var scale: Double
  public var decimals: Int

  public init(_ quantile: KaplanMeierEstimate.Quantile, scale: Double = 1, decimals: Int) {
    self.quantile = quantile
    self.scale = scale
    self.decimals = decimals
  }

  private func time(_ value: Double?) -> String {
    value.map { JournalFormat.fixed($0 * scale, decimals: decimals) } ?? "NR"
  }

  private var hasNoLimit: Bool { quantile.lower == nil && quantile.upper == nil }

  /// The estimate alone: `8.5`, `NR`.
  public var estimate: String { time(quantile.estimate) }

  /// The interval alone: `6.1–11.2`, `3.0–NR`, `NE`, or `NR` when nothing was reached.
  public var interval: String {
    guard hasNoLimit else { return "\(time(quantile.lower))–\(time(quantile.upper))" }
    return quantile.estimate == nil ? "NR" : "NE"
  }

  /// The estimate and its interval as insets and tables print them: `8.5 (6.1–11.2)`.
  public var compact: String {
    if quantile.estimate == nil && hasNoLimit { return "NR" }
    return "\(estimate) (\(interval))"
  }

  /// The estimate and its interval with the level, as captions print them:
  /// `8.5 (95% CI 6.1–11.2)`.
  public func withLevel(_ level: String) -> String {
    if quantile.estimate == nil && hasNoLimit { return "NR" }
    return "\(estimate) (\(level)% CI \(interval))"
  }
}
