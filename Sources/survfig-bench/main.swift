// survfig-bench: the speed benchmark behind `make bench`.
//
//   survfig-bench generate ROWS SEED FILE   writes a synthetic cohort (time, status, arm)
//   survfig-bench stages FILE               times CSV load, Kaplan–Meier and log-rank in-process
//   survfig-bench generate-cox ROWS SEED FILE   a cohort with five covariates for the Cox fit
//   survfig-bench template FOLDER           writes a 1,000-patient cohort and a 15-figure template
//
// The cohort: three arms of equal size with exponential event times (hazard ratios 1, 0.8 and
// 0.65 against a median of 12 months) and uniform administrative censoring over 0–60 months,
// which censors about 30 % of patients; times have 4 decimals, so nearly all are distinct.
import ClinicalCSV
import Foundation
import ReportEngine
import SurvivalStatistics

/// SplitMix64 (Steele, Lea & Flood 2014): the same sequence on every platform.
struct SplitMix64 {
  var state: UInt64
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  /// Uniform on (0, 1), never 0.
  mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) / 9_007_199_254_740_992 }
}

func generate(rows: Int, seed: UInt64, path: String) throws {
  var random = SplitMix64(state: seed)
  let hazardRatios = [1.0, 0.8, 0.65]
  let baseHazard = Foundation.log(2.0) / 12
  var text = "time,status,arm\n"
  text.reserveCapacity(rows * 16)
  for index in 0..<rows {
    let arm = index % 3
    let event = -Foundation.log(random.uniform()) / (baseHazard * hazardRatios[arm])
    let censor = 60 * random.uniform()
    let time = min(event, censor)
    text += String(format: "%.4f,%d,%@\n", time, event <= censor ? 1 : 0, ["A", "B", "C"][arm])
  }
  try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// A cohort for the Cox benchmark: a 3-level arm and four more covariates with known effects.
func generateCox(rows: Int, seed: UInt64, path: String) throws {
  var random = SplitMix64(state: seed)
  let baseHazard = Foundation.log(2.0) / 12
  var text = "time,status,arm,age,sex,ecog,biomarker\n"
  text.reserveCapacity(rows * 32)
  for index in 0..<rows {
    let arm = index % 3
    let age = 40 + 40 * random.uniform()
    let sex = random.uniform() < 0.5 ? 1 : 2
    let ecog = Int(random.uniform() * 3)
    let biomarker = -Foundation.log(random.uniform())
    let linear = [0, -0.2, -0.4][arm] + 0.02 * (age - 60) - 0.3 * Double(sex - 1) + 0.25 * Double(ecog) + 0.1 * biomarker
    let event = -Foundation.log(random.uniform()) / (baseHazard * Foundation.exp(linear))
    let censor = 60 * random.uniform()
    text += String(
      format: "%.4f,%d,%@,%.1f,%d,%d,%.3f\n", min(event, censor), event <= censor ? 1 : 0, ["A", "B", "C"][arm],
      age, sex, ecog, biomarker)
  }
  try text.write(toFile: path, atomically: true, encoding: .utf8)
}

/// Peak resident memory of this process in megabytes.
func peakMegabytes() -> Double {
  var usage = rusage()
  getrusage(RUSAGE_SELF.rawValue, &usage)
  return Double(usage.ru_maxrss) / 1024
}

/// The best of `repeats` wall-clock times of `work`, in seconds, and its last result.
func best<T>(of repeats: Int, _ work: () throws -> T) rethrows -> (Double, T) {
  var fastest = Double.infinity
  var last: T?
  for _ in 0..<repeats {
    let start = DispatchTime.now().uptimeNanoseconds
    last = try work()
    fastest = min(fastest, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
  }
  return (fastest, last!)
}

func stages(path: String) throws {
  let (load, table) = try best(of: 3) { try DataTable(contentsOfFile: path) }
  let (columnsTime, columns) = try best(of: 3) {
    try SurvivalColumns(
      table: table, mapping: SurvivalColumnMapping(time: "time", event: "status", group: "arm"))
  }
  let group = columns.group!
  let sample = try GroupedSample(
    times: columns.times, events: columns.events, groupCodes: group.codes,
    groupLabels: group.levels)
  let (km, estimates) = best(of: 3) { KaplanMeierEstimate.byGroup(sample) }
  let (logRank, test) = try best(of: 3) { try LogRankTest(sample) }
  let row = { (name: String, seconds: Double) in
    print(name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.3f s", seconds))
  }
  print("rows: \(columns.count), events: \(columns.eventCount), groups: \(group.levels.count)")
  row("CSV load (DataTable)", load)
  row("columns → survival sample", columnsTime)
  row("Kaplan–Meier, all groups", km)
  row("log-rank test", logRank)
  row("Kaplan–Meier + log-rank", km + logRank)
  print(String(format: "peak memory (this process)          %8.0f MB", peakMegabytes()))
  let medians = estimates.map { $0.median.estimate.map { String(format: "%.3f", $0) } ?? "NR" }
  print("medians: \(medians.joined(separator: ", ")); log-rank χ² = "
    + String(format: "%.2f", test.chiSquare?.statistic ?? .nan))
  print(String(format: "KM_LOGRANK_SECONDS=%.6f", km + logRank))
}

/// A 1,000-patient cohort with covariates, and a template of 15 Kaplan–Meier figures with risk
/// tables over it, for timing `survfig build` as a whole process.
func template(folder: String) throws {
  var random = SplitMix64(state: 20261123)
  var text = "id,time,status,arm,sex,stage,ecog,age\n"
  let stages = ["I", "II", "III", "IV"]
  for index in 0..<1000 {
    let arm = index % 3
    let stage = Int(random.uniform() * 4)
    let hazard = Foundation.log(2.0) / 24 * [1.0, 0.8, 0.65][arm] * [0.5, 0.8, 1.2, 2.0][stage]
    let event = -Foundation.log(random.uniform()) / hazard
    let censor = 12 + 48 * random.uniform()
    let age = 62 + 10 * (random.uniform() + random.uniform() + random.uniform() - 1.5) * 2
    text += String(
      format: "P%04d,%.2f,%d,%@,%@,%@,%d,%.0f\n", index + 1, min(event, censor), event <= censor ? 1 : 0,
      ["A", "B", "C"][arm], random.uniform() < 0.55 ? "M" : "F", stages[stage], Int(random.uniform() * 3), age)
  }
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try text.write(toFile: folder + "/cohort.csv", atomically: true, encoding: .utf8)
  var yaml = """
    title: Benchmark report
    data:
      cohort: cohort.csv
    endpoints:
      os: {data: cohort, time: time, event: status, time-unit: months}
    figures:

    """
  let groupings = ["arm", "sex", "stage", "ecog", "arm"]
  for index in 0..<15 {
    let group = groupings[index % groupings.count]
    yaml += """
        - id: km-\(index + 1)
          endpoint: os
          group: \(group)
          x-by: 12
          formats: pdf
          times: 12, 24
          confidence-bands: \(index % 2 == 0)
          risk-table: \(index % 3 == 2 && group != "stage" ? "kmunicate" : "number-at-risk")
          caption: Overall survival by \(group) (log-rank {{logrank.p_text}}).

      """
  }
  try yaml.write(toFile: folder + "/bench.yaml", atomically: true, encoding: .utf8)

  // The same 15 figures with R's survival + survminer, for the comparison in `make bench`.
  var r = """
    suppressMessages({library(survival); library(survminer)})
    d <- read.csv("cohort.csv")
    dir.create("r-out", showWarnings = FALSE)

    """
  for index in 0..<15 {
    let group = groupings[index % groupings.count]
    r += """
      f <- survfit(Surv(time, status) ~ \(group), data = d)
      p <- ggsurvplot(f, data = d, risk.table = TRUE, pval = TRUE, conf.int = \(index % 2 == 0 ? "TRUE" : "FALSE"), break.time.by = 12)
      pdf("r-out/km-\(index + 1).pdf", width = 170 / 25.4, height = 120 / 25.4, onefile = FALSE); print(p); invisible(dev.off())

      """
  }
  try r.write(toFile: folder + "/bench.R", atomically: true, encoding: .utf8)
}

let arguments = CommandLine.arguments
do {
  switch arguments.dropFirst().first {
  case "generate" where arguments.count == 5:
    try generate(rows: Int(arguments[2]) ?? 1_000_000, seed: UInt64(arguments[3]) ?? 1, path: arguments[4])
  case "stages" where arguments.count == 3:
    try stages(path: arguments[2])
  case "generate-cox" where arguments.count == 5:
    try generateCox(rows: Int(arguments[2]) ?? 1_000_000, seed: UInt64(arguments[3]) ?? 1, path: arguments[4])
  case "template" where arguments.count == 3:
    try template(folder: arguments[2])
  default:
    print("usage: survfig-bench generate|generate-cox ROWS SEED FILE | stages FILE | template FOLDER")
    exit(64)
  }
} catch {
  print("error: \(error)")
  exit(1)
}
