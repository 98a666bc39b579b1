import SurvivalStatistics
import Testing

extension CompetingRisksTests {
  /// Cumulative incidence against R's `cmprsk::cuminc` and `timepoints` (MASS::Melanoma and the
  /// hand-made data of the fixture generator).
  ///
  /// Tolerances: the estimate and variance are accumulated as cmprsk's `cinc` does, so they agree
  /// to rounding: relative 1e-12 (absolute 1e-16 where R has 0). Intervals: 1e-12.
  @Suite("Cumulative incidence vs cmprsk::cuminc")
  struct CumulativeIncidenceReferenceTests {
    private static let relative = 1e-12
    private static let absolute = 1e-16

    private func estimate(_ reference: CumulativeIncidenceCase) throws -> CumulativeIncidence {
      let sample = try reference.dataset.sample(
        censoring: reference.censoringCode, group: reference.groupColumn)
      return CumulativeIncidence(sample)
    }

    private func curve(
      _ fit: CumulativeIncidence, _ expected: CumulativeIncidenceCurveReference
    ) throws -> CumulativeIncidence.Curve {
      try #require(
        fit.curve(group: expected.group, cause: expected.cause), "curve \(expected.name)")
    }

    @Test("curves in cuminc's order, named \"group cause\"", arguments: CumulativeIncidenceCase.all)
    func curveOrder(_ reference: CumulativeIncidenceCase) throws {
      let fit = try estimate(reference)
      #expect(fit.curves.map { "\($0.groupLabel) \($0.cause)" } == reference.curves.map(\.name))
    }

    @Test(
      "a row per distinct time: counts, estimate and variance",
      arguments: CumulativeIncidenceCase.all
    )
    func rows(_ reference: CumulativeIncidenceCase) throws {
      let fit = try estimate(reference)
      for expected in reference.curves {
        let curve = try curve(fit, expected)
        #expect(curve.times == expected.rowTime, "\(expected.name) times")
        #expect(curve.atRisk == expected.atRisk, "\(expected.name) at risk")
        #expect(curve.events == expected.events, "\(expected.name) events")
        #expect(curve.competingEvents == expected.competingEvents, "\(expected.name) competing")
        #expect(curve.censored == expected.censored, "\(expected.name) censored")
        expectClose(
          curve.estimate, expected.rowEstimate, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) est")
        expectClose(
          curve.variance, expected.rowVariance, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) var")
      }
    }

    @Test(
      "cuminc's corner points ($time, $est, $var) follow from the rows",
      arguments: CumulativeIncidenceCase.all)
    func corners(_ reference: CumulativeIncidenceCase) throws {
      let fit = try estimate(reference)
      for expected in reference.curves {
        let curve = try curve(fit, expected)
        // 0, then each event time twice (before and after the jump), then the last time.
        var time = [0.0]
        var estimate = [0.0]
        var variance = [0.0]
        for row in curve.rows where row.events > 0 {
          time += [row.time, row.time]
          estimate += [estimate[estimate.count - 1], row.estimate]
          variance += [variance[variance.count - 1], row.variance]
        }
        time.append(curve.lastTime)
        estimate.append(estimate[estimate.count - 1])
        variance.append(variance[variance.count - 1])
        #expect(time == expected.cornerTime, "\(expected.name) $time")
        expectClose(
          estimate, expected.cornerEstimate, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) $est")
        expectClose(
          variance, expected.cornerVariance, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) $var")
      }
    }

    @Test("log-log (tidycmprsk) and plain intervals", arguments: CumulativeIncidenceCase.all)
    func intervals(_ reference: CumulativeIncidenceCase) throws {
      let logLog = try estimate(reference)
      let plain = logLog.withConfidence(try CumulativeIncidenceBand(.plain))
      #expect(logLog.confidence == .default)
      for expected in reference.curves {
        let logLogRows = try curve(logLog, expected).rows
        expectClose(
          logLogRows.map(\.lower), expected.logLogLower, relativeTolerance: Self.relative,
          "\(expected.name) log-log lower")
        expectClose(
          logLogRows.map(\.upper), expected.logLogUpper, relativeTolerance: Self.relative,
          "\(expected.name) log-log upper")
        let plainRows = try curve(plain, expected).rows
        expectClose(
          plainRows.map(\.lower), expected.plainLower, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) plain lower")
        expectClose(
          plainRows.map(\.upper), expected.plainUpper, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) plain upper")
      }
    }

    @Test("values at chosen times (timepoints)", arguments: CumulativeIncidenceCase.all)
    func timepoints(_ reference: CumulativeIncidenceCase) throws {
      let fit = try estimate(reference)
      for expected in reference.curves {
        let values = try curve(fit, expected).values(atTimes: reference.requestedTimes.reversed())
        #expect(values.map(\.time) == reference.requestedTimes)
        expectClose(
          values.map(\.estimate), expected.requestedEstimate, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) timepoints est")
        expectClose(
          values.map(\.variance), expected.requestedVariance, relativeTolerance: Self.relative,
          absoluteTolerance: Self.absolute, "\(expected.name) timepoints var")
        for value in values {
          #expect(value.isBeyondFollowUp == (value.atRisk == 0))
        }
      }
    }
  }
}
