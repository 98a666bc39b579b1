/// What a categorical column splits the samples into: comparison groups or strata.
public enum GroupingRole: Hashable, Sendable {
  /// Groups compared with each other (R: the right-hand side of `survfit(Surv(t, e) ~ arm)`).
  case group
  /// Strata of a stratified test (R: `strata(site)` in `survdiff`).
  case strata
  /// The levels of a categorical variable described in a table (R: `levels(f)`).
  case level

  /// One category: `group` or `stratum`.
  var noun: String {
    switch self {
    case .group: "group"
    case .strata: "stratum"
    case .level: "level"
    }
  }

  /// Several categories: `groups` or `strata`.
  var pluralNoun: String {
    switch self {
    case .group: "groups"
    case .strata: "strata"
    case .level: "levels"
    }
  }

  /// The name of the user's ordering: `group order` or `strata order`.
  var orderName: String {
    switch self {
    case .group: "group order"
    case .strata: "strata order"
    case .level: "level order"
    }
  }
}
