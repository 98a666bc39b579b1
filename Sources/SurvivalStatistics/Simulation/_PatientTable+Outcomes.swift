extension _PatientTable {
  /// Entry times, latent event times, censoring and the endpoint columns.
  mutating func drawOutcomes(design: CohortDesign, generator: inout Xoshiro256StarStar)
    throws(SimulationError)
  {
    let censoring = design.censoring
    let processIndex = Dictionary(
      design.events.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { a, _ in a })
    for endpoint in design.endpoints {
      for name in endpoint.events + endpoint.competingEvents where processIndex[name] == nil {
        throw .invalidDesign(
          origin: endpoint.origin,
          message:
            "endpoint '\(endpoint.name)' names the unknown event '\(name)' (events: \(design.events.map(\.name).joined(separator: ", ")))"
        )
      }
    }
    var entries = [Double](repeating: 0, count: count)
    var latent = [[Double]](repeating: [], count: count)
    var censorTimes = [Double](repeating: .infinity, count: count)
    for i in 0..<count {
      let entry = censoring.accrual > 0 ? generator.nextUniform(from: 0, to: censoring.accrual) : 0
      entries[i] = entry
      for process in design.events {
        // A patient whose level is missing and has no baseline entry never has this event.
        let hazard = try resolve(
          process.baseline, i, origin: process.origin, allowingMissing: true)?.value
        let ratio = try hazardRatio(process, i)
        let time = (hazard ?? _never).randomTime(hazardRatio: ratio, using: &generator)
        latent[i].append(time)
      }
      var censor = Double.infinity
      if let minimum = censoring.minimumFollowUp { censor = censoring.accrual + minimum - entry }
      if censoring.lossRate > 0 {
        censor = min(censor, generator.nextExponential(rate: censoring.lossRate))
      }
      if let maximum = censoring.maximumFollowUp { censor = min(censor, maximum) }
      censorTimes[i] = censor
    }
    if let calendar = design.calendar {
      let dates = entries.map {
        SimulatedValue.text(calendar.start.adding(days: _days($0, design)).description)
      }
      try add(calendar.entryColumn, dates, origin: nil)
    }
    let resolution = _round(1 / _power10(design.timeDigits), digits: design.timeDigits)
    for endpoint in design.endpoints {
      var times = [SimulatedValue](repeating: .missing, count: count)
      var events = times
      var statuses = times
      var dates = times
      for i in 0..<count where try applies(endpoint, i) {
        let eventTime = endpoint.events.map { latent[i][processIndex[$0]!] }.min() ?? .infinity
        let competingTimes = endpoint.competingEvents.map { latent[i][processIndex[$0]!] }
        let competing = competingTimes.min() ?? .infinity
        let end = min(censorTimes[i], competing)
        let observed = min(eventTime, end)
        guard observed.isFinite else {
          throw .invalidDesign(
            origin: endpoint.origin,
            message:
              "endpoint '\(endpoint.name)' can go unobserved for ever: give 'censoring' a 'follow_up', 'loss_rate' or 'max_follow_up'"
          )
        }
        times[i] = .number(
          max(resolution, _round(observed, digits: design.timeDigits)), digits: design.timeDigits)
        events[i] = .text(eventTime <= end ? "1" : "0")
        if eventTime <= end {
          statuses[i] = .text("1")
        } else if competing < censorTimes[i], let first = competingTimes.firstIndex(of: competing) {
          statuses[i] = .text(String(first + 2))
        } else {
          statuses[i] = .text("0")
        }
        if let calendar = design.calendar {
          dates[i] = .text(
            calendar.start.adding(days: _days(entries[i], design) + _days(observed, design))
              .description)
        }
      }
      try add(endpoint.timeColumn, times, origin: endpoint.origin)
      try add(endpoint.eventColumn, events, origin: endpoint.origin)
      if let statusColumn = endpoint.statusColumn {
        guard !endpoint.competingEvents.isEmpty else {
          throw .invalidDesign(
            origin: endpoint.origin,
            message:
              "endpoint '\(endpoint.name)' has a 'status_column' but no 'censored_by': the status codes the competing events that end follow-up"
          )
        }
        try add(statusColumn, statuses, origin: endpoint.origin)
      }
      if let dateColumn = endpoint.dateColumn {
        guard design.calendar != nil else {
          throw .invalidDesign(
            origin: endpoint.origin,
            message: "endpoint '\(endpoint.name)' has a 'date_column' but the design has no 'dates'"
          )
        }
        try add(dateColumn, dates, origin: endpoint.origin)
      }
    }
  }

  private func applies(_ endpoint: Endpoint, _ i: Int) throws(SimulationError) -> Bool {
    for (column, levels) in endpoint.onlyIf {
      if !levels.contains(try key(column, i, origin: endpoint.origin)) { return false }
    }
    return true
  }

  private func hazardRatio(_ process: EventProcess, _ i: Int) throws(SimulationError) -> Double {
    var logRatio = 0.0
    for effect in process.effects {
      switch effect {
      case .levels(let column, let ratios):
        if let r = ratios[try key(column, i, origin: process.origin)] {
          logRatio += _PortableMath.log(r)
        }
      case .numeric(let column, let ratio, let per, let centre):
        guard case .number(let x, _) = values[column]?[i] ?? .missing else {
          if values[column] == nil { _ = try key(column, i, origin: process.origin) }
          continue
        }
        logRatio += _PortableMath.log(ratio) * (x - centre) / per
      }
    }
    return _PortableMath.exp(logRatio)
  }
}

/// Whole days in `time` units of the design (half away from zero).
func _days(_ time: Double, _ design: CohortDesign) -> Int {
  Int((time * design.daysPerTimeUnit).rounded(.toNearestOrAwayFromZero))
}

func _power10(_ digits: Int) -> Double {
  var scale = 1.0
  for _ in 0..<digits { scale *= 10 }
  return scale
}

/// A hazard that is always zero.
private let _never = try! PiecewiseExponentialHazard(starts: [0], rates: [0])
