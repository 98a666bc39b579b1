import SurvivalStatistics

/// Random right-censored data for seeded property tests.
struct RandomSurvivalData {
  var times: [Double]
  var events: [Bool]
  var groups: [Int]

  /// `count` subjects in `groupCount` groups; times are integers in 1…`maximumTime` (many ties)
  /// or continuous, with the given share of events.
  static func make(
    count: Int, groupCount: Int, maximumTime: Int? = 60, eventShare: Double = 0.7,
    using generator: inout SplitMix64
  ) -> RandomSurvivalData {
    var data = RandomSurvivalData(times: [], events: [], groups: [])
    for _ in 0..<count {
      let group = Int.random(in: 0..<groupCount, using: &generator)
      let time: Double
      if let maximumTime {
        time = Double(Int.random(in: 1...maximumTime, using: &generator))
      } else {
        time = Double.random(in: 0..<100, using: &generator)
      }
      data.times.append(time)
      data.events.append(Double.random(in: 0..<1, using: &generator) < eventShare)
      data.groups.append(group)
    }
    return data
  }

  func sample() throws -> RightCensoredSample {
    try RightCensoredSample(times: times, events: events)
  }

  func grouped(groupCount: Int) throws -> GroupedSample {
    try GroupedSample(
      times: times, events: events, groupCodes: groups,
      groupLabels: (0..<groupCount).map { "g\($0)" })
  }

  /// The same subjects in another order.
  func shuffled(using generator: inout SplitMix64) -> RandomSurvivalData {
    let order = Array(times.indices).shuffled(using: &generator)
    return RandomSurvivalData(
      times: order.map { times[$0] }, events: order.map { events[$0] },
      groups: order.map { groups[$0] })
  }
}
