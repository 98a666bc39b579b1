/// A synthetic cohort's design: who the patients are, how their covariates and event times are
/// distributed, and how follow-up ends. ``SimulatedCohort/init(design:seed:)`` realises it.
///
/// Patients are laid out in ``groups`` of exact sizes (or proportions rounded by largest
/// remainder), each fixing some columns; ``covariates`` are then drawn in order, each possibly
/// depending on earlier columns; latent event times of each ``EventProcess`` follow a
/// piecewise-exponential baseline times hazard ratios; each ``Endpoint`` is the first of its
/// processes, censored by uniform administrative censoring and exponential loss to follow-up.
public struct CohortDesign: Sendable {
  /// Number of patients.
  public var patients: Int
  /// Column numbering the patients 1…n in row order; nil for none.
  public var idColumn: String? = "id"
  /// Time unit of every time in the design and the output ("months").
  public var timeUnit: String = "months"
  /// Days per time unit, for dates (months: 30.4375, R's and survfig's convention).
  public var daysPerTimeUnit: Double = 30.4375
  /// Decimal places of output times.
  public var timeDigits: Int = 1
  public var groups: [PatientGroup] = []
  public var covariates: [Covariate] = []
  public var events: [EventProcess] = []
  public var endpoints: [Endpoint] = []
  public var censoring = CensoringScheme()
  /// Calendar dates of entry and of endpoints; nil for times only.
  public var calendar: CalendarSettings?

  public init(patients: Int) { self.patients = patients }
}

/// A value that may depend on the levels of earlier columns:
/// `by(column: "therapy", levels: ["immunotherapy": …, "targeted": …])`.
public indirect enum Conditional<Value: Sendable>: Sendable {
  case value(Value)
  case by(column: String, levels: [String: Conditional<Value>])
}

/// A set of patients of one size fixing the values of some columns.
public struct PatientGroup: Sendable {
  public enum Size: Sendable, Equatable {
    case count(Int)
    case proportion(Double)
  }
  public var size: Size
  /// Column values shared by the group, in column order.
  public var values: [(column: String, value: String)]
  public var origin: String?

  public init(size: Size, values: [(column: String, value: String)], origin: String? = nil) {
    self.size = size
    self.values = values
    self.origin = origin
  }
}

/// A column drawn for every patient.
public struct Covariate: Sendable {
  public enum Law: Sendable {
    /// Exact level counts shuffled over the patients (of each condition cell).
    case counts([(level: String, count: Int)])
    /// Independent draws with these probabilities (summing to 1).
    case probabilities([(level: String, probability: Double)])
  }

  public enum Distribution: Sendable, Equatable {
    case normal(mean: Double, standardDeviation: Double)
    /// log X ~ N(meanlog, sdlog), as R's `rlnorm`.
    case lognormal(meanlog: Double, sdlog: Double)
    case uniform(minimum: Double, maximum: Double)
  }

  public enum Kind: Sendable {
    case categorical(Conditional<Law>)
    /// Drawn, redrawn until inside [lower, upper], then rounded to `digits` decimals.
    case continuous(Conditional<Distribution>, digits: Int, lower: Double?, upper: Double?)
    /// Looked up from the values of earlier columns joined by single spaces ("T3 N0").
    case derived(from: [String], map: [String: String], fallback: String?)
  }

  public var name: String
  public var kind: Kind
  public var origin: String?

  public init(name: String, kind: Kind, origin: String? = nil) {
    self.name = name
    self.kind = kind
    self.origin = origin
  }
}

/// A latent event process (death, progression, distant metastasis …).
public struct EventProcess: Sendable {
  /// A multiplicative effect on the hazard.
  public enum Effect: Sendable, Equatable {
    /// Hazard ratio of each listed level against the unlisted ones (ratio 1).
    case levels(column: String, ratios: [String: Double])
    /// Hazard ratio per `per` units of a numeric column above `centre`: r^((x − centre)/per).
    case numeric(column: String, ratio: Double, per: Double, centre: Double)
  }

  public var name: String
  public var baseline: Conditional<PiecewiseExponentialHazard>
  public var effects: [Effect]
  public var origin: String?

  public init(
    name: String, baseline: Conditional<PiecewiseExponentialHazard>, effects: [Effect] = [],
    origin: String? = nil
  ) {
    self.name = name
    self.baseline = baseline
    self.effects = effects
    self.origin = origin
  }
}

/// An observed endpoint: the first of its event processes, or censoring.
public struct Endpoint: Sendable {
  public var name: String
  public var events: [String]
  /// Competing events that end follow-up without an event (e.g. death for time to metastasis).
  public var competingEvents: [String] = []
  public var timeColumn: String
  public var eventColumn: String
  /// A column coding what ended follow-up for competing-risks analyses, from the same times as
  /// the event column: 0 censored, 1 one of ``events``, k + 1 the k-th of ``competingEvents``
  /// (cmprsk's `fstatus`); nil for none.
  public var statusColumn: String?
  /// Column with the calendar date of the event or of censoring (needs calendar settings).
  public var dateColumn: String?
  /// Only patients whose columns take one of these values have the endpoint; others are empty.
  public var onlyIf: [(column: String, levels: [String])]
  public var origin: String?

  public init(
    name: String, events: [String], timeColumn: String, eventColumn: String,
    dateColumn: String? = nil,
    onlyIf: [(column: String, levels: [String])] = [], origin: String? = nil
  ) {
    self.name = name
    self.events = events
    self.timeColumn = timeColumn
    self.eventColumn = eventColumn
    self.dateColumn = dateColumn
    self.onlyIf = onlyIf
    self.origin = origin
  }
}

/// How follow-up ends for patients without an event.
///
/// Entry is uniform over [0, accrual]; administrative censoring falls at accrual + minimum
/// follow-up, i.e. after a follow-up uniform on [minimum, minimum + accrual]; loss to follow-up
/// is exponential with rate `lossRate` per time unit; `maximumFollowUp` caps every time.
public struct CensoringScheme: Sendable, Equatable {
  public var accrual: Double = 0
  public var minimumFollowUp: Double?
  public var lossRate: Double = 0
  public var maximumFollowUp: Double?
  public init() {}
}

/// Calendar settings: entry dates from `start` + the entry time.
public struct CalendarSettings: Sendable, Equatable {
  public var start: CalendarDate
  public var entryColumn: String
  public init(start: CalendarDate, entryColumn: String) {
    self.start = start
    self.entryColumn = entryColumn
  }
}
