import SurvivalStatistics
import Testing

/// The band of the Nelson–Aalen cumulative hazard against R's `plot.survfit(fun = "cumhaz")`.
///
/// R 4.2.2, survival 3.5.3; plot.survfit computes its limits with
/// `survfit_confint(x$cumhaz, x$std.chaz, logse = FALSE, "plain", conf.int, ulimit = FALSE)`:
/// ```r
/// fit <- survfit(Surv(time, status) ~ x, data = aml, conf.int = level)
/// ci <- survival:::survfit_confint(fit$cumhaz, fit$std.chaz, logse = FALSE, "plain", level, ulimit = FALSE)
/// sprintf("%.17g", ci$lower); sprintf("%.17g", ci$upper)
/// ```
@Suite("Cumulative hazard band against plot.survfit(fun = \"cumhaz\")")
struct CumulativeHazardBandTests {
  /// Per level: lower and upper limits for x = Maintained, then x = Nonmaintained.
  static let aml: [Double: (lower: [[Double]], upper: [[Double]])] = [
    0.95: (
      lower: [
        [
          0, 0, 0, 0.0020583461297068451, 0.0020583461297068451, 0.056902090078321921,
          0.13266596720877011, 0.13266596720877011, 0.15868770466332305, 0.15868770466332305,
        ],
        [
          0, 0.0058581701678379616, 0.055541036579313363, 0.055541036579313363, 0.11343632041913454,
          0.18708739665246121, 0.27727239465075748, 0.38455217823182042, 0.50018973420038626,
          0.50870251413039824,
        ],
      ],
      upper: [
        [
          0.26908763495818666, 0.45579053942218856, 0.67672064260850995, 0.91547412140276063,
          0.91547412140276063, 1.2606303774541456, 1.6848665003236976, 1.6848665003236976,
          2.658844762869145, 2.658844762869145,
        ],
        [
          0.39765063739161288, 0.72747516316549543, 0.92779229675401997, 0.92779229675401997,
          1.203230346247532, 1.5295792700142057, 1.9393942720159094, 2.4987811551015131,
          3.3831435991329473, 5.3746308192029346,
        ],
      ]
    ),
    0.9: (
      lower: [
        [
          0, 0, 0.01310649140211545, 0.075484892189656094, 0.075484892189656094, 0.15366592198197282,
          0.25744235822847883, 0.25744235822847883, 0.35966726113811553, 0.35966726113811553,
        ],
        [
          0, 0.063866631164852361, 0.12565850013190094, 0.12565850013190094, 0.20104134476790436,
          0.29500598536419664, 0.41088500775580072, 0.55450822185827819, 0.73194109046407552,
          0.89985878544617748,
        ],
      ],
      upper: [
        [
          0.24044123881377014, 0.41320460997760694, 0.61871169041606633, 0.84204757534281138,
          0.84204757534281138, 1.1638665455504946, 1.5600901093039887, 1.5600901093039887,
          2.4578652063943522, 2.4578652063943522,
        ],
        [
          0.36051452561277886, 0.66946670216848103, 0.85767483320143245, 0.85767483320143245,
          1.1156253218987624, 1.4216606813024701, 1.8057816589108659, 2.3288251114750551,
          3.1513922428692576, 4.9834745478871554,
        ],
      ]
    ),
  ]

  @Test(
    "aml by x: H ∓ z·std.chaz, lower limit at 0, for every survival transform",
    arguments: [0.95, 0.9], ConfidenceBand.Transform.allCases)
  func amlByX(level: Double, transform: ConfidenceBand.Transform) throws {
    let reference = try #require(Self.aml[level])
    let estimates = try KaplanMeierReference.amlByX.estimates(ConfidenceBand(transform, level: level))
    #expect(estimates.count == 2)
    for (index, estimate) in estimates.enumerated() {
      let intervals = estimate.cumulativeHazardIntervals
      expectClose(
        intervals.map(\.lower), reference.lower[index], relativeTolerance: 1e-12, absoluteTolerance: 1e-15,
        "group \(index + 1) lower")
      expectClose(
        intervals.map(\.upper), reference.upper[index], relativeTolerance: 1e-12, "group \(index + 1) upper")
    }
  }

  @Test("the band contains the cumulative hazard and widens with the level (seeded samples)")
  func containsEstimate() throws {
    var generator = SplitMix64(seed: 20_260_402)
    for _ in 0..<50 {
      let n = 1 + Int(generator.next() % 40)
      let times = (0..<n).map { _ in Double(generator.next() % 30) }
      let events = (0..<n).map { _ in generator.next() % 3 != 0 }
      let sample = try RightCensoredSample(times: times, events: events)
      let narrow = KaplanMeierEstimate(sample, confidence: try ConfidenceBand(.log, level: 0.8))
      let wide = KaplanMeierEstimate(sample, confidence: try ConfidenceBand(.log, level: 0.99))
      for position in narrow.times.indices {
        let h = narrow.cumulativeHazard[position]
        let a = narrow.cumulativeHazardInterval(at: position)
        let b = wide.cumulativeHazardInterval(at: position)
        #expect(a.lower >= 0 && a.lower <= h && h <= a.upper)
        #expect(b.lower <= a.lower && a.upper <= b.upper)
      }
    }
  }
}
