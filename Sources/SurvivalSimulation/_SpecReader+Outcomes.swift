import SurvivalStatistics
import Yams

extension _SpecReader {
  func events(_ node: Node) throws(CohortSpecificationError) -> [EventProcess] {
    var result: [EventProcess] = []
    for entry in try entries(node, allowed: nil, what: "'events'") {
      let fields = try entries(
        entry.value, allowed: ["baseline", "hazard_ratios"], what: "event '\(entry.key)'")
      let baselineNode = try require(
        fields, "baseline", in: entry.value, what: "event '\(entry.key)'")
      let baseline = try conditional(baselineNode, what: "'baseline'") {
        (n) throws(CohortSpecificationError) in
        try self.hazard(n)
      }
      var effects: [EventProcess.Effect] = []
      if let ratios = value(fields, "hazard_ratios") {
        for effect in try entries(ratios, allowed: nil, what: "'hazard_ratios'") {
          effects.append(try self.effect(column: effect.key, effect.value))
        }
      }
      result.append(
        EventProcess(
          name: entry.key, baseline: baseline, effects: effects, origin: location(entry.keyNode)))
    }
    return result
  }

  func hazard(_ node: Node) throws(CohortSpecificationError) -> PiecewiseExponentialHazard {
    let fields = try entries(
      node, allowed: ["median", "survival", "rate", "hazards", "breaks"], what: "a baseline hazard")
    do {
      if let rateNode = value(fields, "rate") {
        return try PiecewiseExponentialHazard(
          starts: [0], rates: [try nonNegative(rateNode, what: "'rate'")])
      }
      if let hazardsNode = value(fields, "hazards") {
        let rates = try texts(hazardsNode, what: "'hazards'").map {
          (raw) throws(CohortSpecificationError) in
          guard let x = Double(raw) else {
            throw error(hazardsNode, "'hazards' expects numbers, found '\(raw)'")
          }
          return x
        }
        var starts = [0.0]
        if let breaksNode = value(fields, "breaks") {
          for raw in try texts(breaksNode, what: "'breaks'") {
            guard let x = Double(raw) else {
              throw error(breaksNode, "'breaks' expects numbers, found '\(raw)'")
            }
            starts.append(x)
          }
        }
        guard starts.count == rates.count else {
          throw error(
            hazardsNode,
            "\(rates.count) hazards need \(rates.count - 1) breaks, found \(starts.count - 1)")
        }
        return try PiecewiseExponentialHazard(starts: starts, rates: rates)
      }
      var targets: [(time: Double, survival: Double)] = []
      if let survivalNode = value(fields, "survival") {
        for point in try entries(survivalNode, allowed: nil, what: "'survival'") {
          guard let t = Double(point.key) else {
            throw error(
              point.keyNode,
              "'survival' expects times as keys (e.g. '12: 0.7'), found '\(point.key)'")
          }
          targets.append((t, try number(point.value, what: "survival at \(point.key)")))
        }
      }
      if let medianNode = value(fields, "median") {
        targets.append((try positive(medianNode, what: "'median'"), 0.5))
      }
      guard !targets.isEmpty else {
        throw error(node, "a baseline hazard needs 'median', 'survival', 'rate' or 'hazards'")
      }
      return try PiecewiseExponentialHazard(survivalTargets: targets.sorted { $0.time < $1.time })
    } catch let error as CohortSpecificationError {
      throw error
    } catch {
      throw self.error(node, "\(error)")
    }
  }

  func effect(column: String, _ node: Node) throws(CohortSpecificationError) -> EventProcess.Effect {
    if node.scalar != nil {
      return .numeric(
        column: column, ratio: try positive(node, what: "hazard ratio"), per: 1, centre: 0)
    }
    guard let mapping = node.mapping else {
      throw error(node, "hazard ratios of '\(column)' must be a mapping")
    }
    if mapping["ratio"] != nil {
      let fields = try entries(
        node, allowed: ["ratio", "per", "centre"], what: "a numeric hazard ratio")
      let ratio = try positive(
        require(fields, "ratio", in: node, what: "a numeric hazard ratio"), what: "'ratio'")
      let per =
        try value(fields, "per").map { (n) throws(CohortSpecificationError) in
          try positive(n, what: "'per'")
        } ?? 1
      let centre =
        try value(fields, "centre").map { (n) throws(CohortSpecificationError) in
          try number(n, what: "'centre'")
        } ?? 0
      return .numeric(column: column, ratio: ratio, per: per, centre: centre)
    }
    var ratios: [String: Double] = [:]
    for level in try entries(node, allowed: nil, what: "hazard ratios of '\(column)'") {
      ratios[level.key] = try positive(level.value, what: "hazard ratio")
    }
    return .levels(column: column, ratios: ratios)
  }

  func endpoints(_ node: Node, unit: String) throws(CohortSpecificationError) -> [Endpoint] {
    var result: [Endpoint] = []
    let keys = ["events", "censored_by", "time_column", "event_column", "status_column", "date_column", "only_if"]
    for entry in try entries(node, allowed: nil, what: "'endpoints'") {
      let fields = try entries(entry.value, allowed: keys, what: "endpoint '\(entry.key)'")
      let events = try texts(
        require(fields, "events", in: entry.value, what: "endpoint '\(entry.key)'"),
        what: "'events'")
      let competing =
        try value(fields, "censored_by").map { (n) throws(CohortSpecificationError) in
          try texts(n, what: "'censored_by'")
        } ?? []
      var onlyIf: [(column: String, levels: [String])] = []
      if let only = value(fields, "only_if") {
        for condition in try entries(only, allowed: nil, what: "'only_if'") {
          onlyIf.append((condition.key, try texts(condition.value, what: "'only_if'")))
        }
      }
      func name(_ key: String, _ fallback: String) throws(CohortSpecificationError) -> String {
        try value(fields, key).map { (n) throws(CohortSpecificationError) in
          try text(n, what: "'\(key)'")
        } ?? fallback
      }
      var endpoint =
        Endpoint(
          name: entry.key, events: events,
          timeColumn: try name("time_column", "\(entry.key)_\(unit)"),
          eventColumn: try name("event_column", "\(entry.key)_event"),
          dateColumn: try value(fields, "date_column").map { (n) throws(CohortSpecificationError) in
            try text(n, what: "'date_column'")
          },
          onlyIf: onlyIf, origin: location(entry.keyNode))
      endpoint.competingEvents = competing
      endpoint.statusColumn = try value(fields, "status_column").map { (n) throws(CohortSpecificationError) in
        try text(n, what: "'status_column'")
      }
      result.append(endpoint)
    }
    return result
  }

  func censoring(_ node: Node) throws(CohortSpecificationError) -> CensoringScheme {
    let fields = try entries(
      node, allowed: ["accrual", "follow_up", "loss_rate", "max_follow_up"], what: "'censoring'")
    var scheme = CensoringScheme()
    if let n = value(fields, "accrual") { scheme.accrual = try nonNegative(n, what: "'accrual'") }
    if let n = value(fields, "follow_up") {
      scheme.minimumFollowUp = try nonNegative(n, what: "'follow_up'")
    }
    if let n = value(fields, "loss_rate") {
      scheme.lossRate = try nonNegative(n, what: "'loss_rate'")
    }
    if let n = value(fields, "max_follow_up") {
      scheme.maximumFollowUp = try positive(n, what: "'max_follow_up'")
    }
    return scheme
  }

  func calendar(_ node: Node) throws(CohortSpecificationError) -> CalendarSettings {
    let fields = try entries(node, allowed: ["start", "column"], what: "'dates'")
    let startNode = try require(fields, "start", in: node, what: "'dates'")
    let raw = try text(startNode, what: "'start'")
    guard let start = CalendarDate(iso: raw) else {
      throw error(startNode, "'start' expects a date as YYYY-MM-DD, found '\(raw)'")
    }
    let column = try value(fields, "column").map { (n) throws(CohortSpecificationError) in
      try text(n, what: "'column'")
    }
    return CalendarSettings(start: start, entryColumn: column ?? "entry_date")
  }
}
