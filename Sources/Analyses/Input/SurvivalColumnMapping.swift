/// Which columns of a table hold a right-censored survival outcome and its groupings
/// (R: `Surv(time, event) ~ group + strata(strata)`, or `Surv(entry, time, event)` with
/// delayed entry, `weights = w` with case weights).
public struct SurvivalColumnMapping: Hashable, Sendable {
  /// The follow-up time column (numbers ≥ 0).
  public var time: String
  /// The column of entry times (delayed entry, left truncation), if any: a subject is at risk
  /// from its entry to its time.
  public var entry: String?
  /// The column of case weights, if any (finite and ≥ 0).
  public var weights: String?
  /// The event indicator column.
  public var event: String
  /// How ``event`` codes events and censoring.
  public var eventCoding: EventCoding
  /// The column of comparison groups, if any.
  public var group: String?
  /// The group labels in the order wanted; nil for R's factor order.
  public var groupOrder: [String]?
  /// Without ``groupOrder``, group labels to put first in this order (an ADaM treatment's
  /// numeric twin); levels it does not name follow in R's order.
  public var preferredGroupOrder: [String]?
  /// The column of strata, if any.
  public var strata: String?
  /// The strata labels in the order wanted; nil for R's factor order.
  public var strataOrder: [String]?
  /// Further columns whose missing values also exclude a row.
  ///
  /// For model covariates, as R's `na.omit` on a model frame.
  public var requiredColumns: [String]

  /// A mapping of the named columns; only `time` and `event` are required.
  public init(
    time: String, event: String, eventCoding: EventCoding = .automatic, group: String? = nil,
    groupOrder: [String]? = nil, strata: String? = nil, strataOrder: [String]? = nil,
    requiredColumns: [String] = [], entry: String? = nil, weights: String? = nil
  ) {
    self.entry = entry
    self.weights = weights
    self.time = time
    self.event = event
    self.eventCoding = eventCoding
    self.group = group
    self.groupOrder = groupOrder
    self.strata = strata
    self.strataOrder = strataOrder
    self.requiredColumns = requiredColumns
  }
}
