import ClinicalData
import FigureCore
import SurvivalFigures

/// Everything a swimmer plot needs: the patients file (one row per patient), an optional
/// events file (one row per event), the column mapping and how to draw it.
public struct SwimmerRequest: Hashable, Sendable {
  public var dataPath: String
  /// The patients drawn: one ADaM parameter, a population, an expression.
  public var rowSelection = RowSelection()
  public var idColumn: String
  /// End of treatment or follow-up.
  public var endColumn: String
  /// Start of the bar; nil: 0 for every patient.
  public var startColumn: String?
  public var groupColumn: String?
  /// Group values in display order; nil: R's factor order.
  public var groupOrder: [String]?
  /// A yes/no column: treatment or response ongoing at the end (an arrow).
  public var ongoingColumn: String?
  /// Start and end of the response, drawn as a line above the bar.
  public var responseStartColumn: String?
  public var responseEndColumn: String?

  public var eventsPath: String?
  public var eventIdColumn: String
  public var eventTimeColumn: String
  public var eventTypeColumn: String

  public var order: SwimmerOrder
  public var dataTimeUnit: TimeUnit?
  public var displayTimeUnit: TimeUnit?

  /// Files, size, resolution, title and type; without a height the plot grows with the
  /// number of patients.
  public var output = FigureOutput()
  public var xTitle: String?
  public var yTitle: String?
  public var xMax: Double?
  /// Label lanes by the patients' identifiers; by default by their numbers, so that figures
  /// that circulate carry no identifiers.
  public var showsIdentifiers = false
  public var legendTitle: String?

  public init(
    dataPath: String, idColumn: String, endColumn: String, startColumn: String? = nil,
    groupColumn: String? = nil, groupOrder: [String]? = nil, ongoingColumn: String? = nil,
    responseStartColumn: String? = nil, responseEndColumn: String? = nil,
    eventsPath: String? = nil, eventIdColumn: String = "id", eventTimeColumn: String = "time",
    eventTypeColumn: String = "event", order: SwimmerOrder = .length,
    dataTimeUnit: TimeUnit? = nil, displayTimeUnit: TimeUnit? = nil
  ) {
    self.dataPath = dataPath
    self.idColumn = idColumn
    self.endColumn = endColumn
    self.startColumn = startColumn
    self.groupColumn = groupColumn
    self.groupOrder = groupOrder
    self.ongoingColumn = ongoingColumn
    self.responseStartColumn = responseStartColumn
    self.responseEndColumn = responseEndColumn
    self.eventsPath = eventsPath
    self.eventIdColumn = eventIdColumn
    self.eventTimeColumn = eventTimeColumn
    self.eventTypeColumn = eventTypeColumn
    self.order = order
    self.dataTimeUnit = dataTimeUnit
    self.displayTimeUnit = displayTimeUnit
  }

  /// The factor from the data's time unit to the displayed one.
  var timeScale: Double {
    guard let data = dataTimeUnit, let display = displayTimeUnit else { return 1 }
    return data.days / display.days
  }

  /// Tick steps that read well in the displayed unit.
  var breakSteps: [Double] {
    switch displayTimeUnit ?? dataTimeUnit {
    case .months: return [1, 2, 3, 6, 12, 24, 36, 60, 120]
    case .weeks: return [1, 2, 4, 8, 12, 26, 52, 104, 208]
    default: return []
    }
  }
}
