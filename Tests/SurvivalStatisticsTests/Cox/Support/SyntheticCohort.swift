import Foundation
import SurvivalStatistics

/// A synthetic cohort with known log hazard ratios, for property tests and the benchmark.
///
/// Covariates: age ~ N(60, 10), sex ∈ {0, 1}, grade ∈ {"1", "2", "3"}, x1 ~ N(0, 1),
/// x2 ~ N(0, 2); log hazard 0.03·age − 0.5·sex + 0.4·[grade 2] + 0.8·[grade 3] + 0.2·x1;
/// exponential event times (rounded to days, so ties occur) and uniform censoring.
enum SyntheticCohort {
  static func make(rows n: Int, seed: UInt64) -> ModelData {
    var rng = SeededGenerator(seed: seed)
    var time = [Double](repeating: 0, count: n)
    var status = [Double](repeating: 0, count: n)
    var age = [Double](repeating: 0, count: n)
    var sex = [Double](repeating: 0, count: n)
    var grade = [String?](repeating: nil, count: n)
    var x1 = [Double](repeating: 0, count: n)
    var x2 = [Double](repeating: 0, count: n)
    for i in 0..<n {
      age[i] = 60 + 10 * rng.normal()
      sex[i] = Double(Int.random(in: 0...1, using: &rng))
      let g = Int.random(in: 1...3, using: &rng)
      grade[i] = String(g)
      x1[i] = rng.normal()
      x2[i] = 2 * rng.normal()
      let eta = 0.03 * (age[i] - 60) - 0.5 * sex[i] + (g == 2 ? 0.4 : g == 3 ? 0.8 : 0) + 0.2 * x1[i]
      let u = Double.random(in: Double.ulpOfOne..<1, using: &rng)
      let eventTime = (-log(u) / (0.002 * exp(eta))).rounded(.up)
      let censorTime = Double.random(in: 30..<1500, using: &rng).rounded(.up)
      time[i] = min(eventTime, censorTime)
      status[i] = eventTime <= censorTime ? 1 : 0
    }
    return ModelData(columns: [
      "time": .numeric(time), "status": .numeric(status), "age": .numeric(age),
      "sex": .numeric(sex), "grade": .categorical(grade, levels: nil), "x1": .numeric(x1),
      "x2": .numeric(x2),
    ])
  }
}
