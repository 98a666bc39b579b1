import Analyses
// survfig-bench: the speed benchmark behind `make bench`.
//
//   survfig-bench generate ROWS SEED FILE   writes a synthetic cohort (time, status, arm)
//   survfig-bench stages FILE               times CSV load, Kaplan–Meier and log-rank in-process
//   survfig-bench generate-cox ROWS SEED FILE   a cohort with five covariates for the Cox fit
//   survfig-bench template FOLDER           writes a 1,000-patient cohort and a template of 15 figures
//                                           (KM, forest, swimmer) and 3 tables
//
// The cohort: three arms of equal size with exponential event times (hazard ratios 1, 0.8 and
// 0.65 against a median of 12 months) and uniform administrative censoring over 0–60 months,
// which censors about 30 % of patients; times have 4 decimals, so nearly all are distinct.
import ClinicalData
import Foundation
import ReportEngine
import ReportTemplates
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
    let linear =
      [0, -0.2, -0.4][arm] + 0.02 * (age - 60) - 0.3 * Double(sex - 1) + 0.25 * Double(ecog) + 0.1 * biomarker
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
  print(
    "medians: \(medians.joined(separator: ", ")); log-rank χ² = "
      + String(format: "%.2f", test.chiSquare?.statistic ?? .nan))
  print(String(format: "KM_LOGRANK_SECONDS=%.6f", km + logRank))
}

/// A 1,000-patient cohort with covariates, treatment courses and events, and a template of 15
/// figures — 11 Kaplan–Meier figures with risk tables, 2 forest plots (Cox models, subgroups) and
/// 2 swimmer plots of 40 patients each — and 3 tables (survival, Cox, characteristics) over it,
/// for timing `survfig build` as a whole process; with `bench.R` drawing the same with R.
func template(folder: String) throws {
  var random = SplitMix64(state: 20_261_123)
  var text = "id,number,time,status,arm,sex,stage,ecog,age,treatment,ongoing,response_start,response_end\n"
  var events = "id,month,event\n"
  let stages = ["I", "II", "III", "IV"]
  for index in 0..<1000 {
    let arm = index % 3
    let stage = Int(random.uniform() * 4)
    let hazard = Foundation.log(2.0) / 24 * [1.0, 0.8, 0.65][arm] * [0.5, 0.8, 1.2, 2.0][stage]
    let event = -Foundation.log(random.uniform()) / hazard
    let censor = 12 + 48 * random.uniform()
    let age = 62 + 10 * (random.uniform() + random.uniform() + random.uniform() - 1.5) * 2
    let time = min(event, censor)
    // Treatment until progression (before death or the end of follow-up), responses in some.
    let treatment = time * (0.3 + 0.7 * random.uniform())
    let ongoing = event > censor && random.uniform() < 0.5
    let responds = random.uniform() < 0.4
    let responseStart = treatment * 0.25
    let id = String(format: "P%04d", index + 1)
    text += String(
      format: "%@,%d,%.2f,%d,%@,%@,%@,%d,%.0f,%.2f,%@,%@,%@\n", id, index + 1, time, event <= censor ? 1 : 0,
      ["A", "B", "C"][arm], random.uniform() < 0.55 ? "M" : "F", stages[stage], Int(random.uniform() * 3), age,
      treatment,
      ongoing ? "yes" : "no", responds ? String(format: "%.2f", responseStart) : "",
      responds && !ongoing ? String(format: "%.2f", treatment) : "")
    if responds { events += String(format: "%@,%.2f,PR\n", id, responseStart) }
    if !ongoing { events += String(format: "%@,%.2f,PD\n", id, treatment) }
    if event <= censor { events += String(format: "%@,%.2f,Death\n", id, time) }
  }
  try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  try text.write(toFile: folder + "/cohort.csv", atomically: true, encoding: .utf8)
  try events.write(toFile: folder + "/events.csv", atomically: true, encoding: .utf8)
  let model = "Surv(time, status) ~ arm + sex + stage + factor(ecog) + age"
  var yaml = """
    title: Benchmark report
    documents: none
    data:
      cohort: cohort.csv
      events: events.csv
    endpoints:
      os: {data: cohort, time: time, event: status, time-unit: months}
    figures:

    """
  let groupings = ["arm", "sex", "stage", "ecog", "arm"]
  for index in 0..<11 {
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
  yaml += """
      - id: forest-models
        type: forest
        data: cohort
        model: \(model)
        labels: {arm: Arm, sex: Sex, stage: Stage, ecog: ECOG PS, age: Age (per year)}
        formats: pdf
        caption: Hazard ratios for death ({{n}} patients, {{events}} deaths).
      - id: forest-subgroups
        type: forest
        data: cohort
        filter: arm != "C"
        time: time
        event: status
        treatment: arm
        subgroups: [sex, stage, ecog]
        formats: pdf
        caption: Hazard ratio of death, arm B against arm A, by subgroup.

    """
  for (index, range) in [(1, "number <= 40"), (2, "number > 40 and number <= 80")] {
    yaml += """
        - id: swimmer-\(index)
          type: swimmer
          data: cohort
          filter: \(range)
          events: events
          id-column: id
          end: treatment
          group: arm
          ongoing: ongoing
          response-start: response_start
          response-end: response_end
          event-id: id
          event-time: month
          event-type: event
          time-unit: months
          formats: pdf
          caption: Treatment courses of {{patients}} patients.

      """
  }
  yaml += """
    tables:
      - {id: table-survival, type: survival, endpoint: os, group: arm, times: [12, 24, 36]}
      - {id: table-cox, type: cox, data: cohort, model: "\(model)"}
      - id: table-characteristics
        type: characteristics
        data: cohort
        group: arm
        variables: [age, sex, stage, ecog]

    """
  try yaml.write(toFile: folder + "/bench.yaml", atomically: true, encoding: .utf8)

  // The same figures and tables with R's survival, survminer and ggplot2, for the comparison
  // in `make bench`.
  var r = """
    suppressMessages({library(survival); library(survminer); library(ggplot2)})
    d <- read.csv("cohort.csv")
    e <- read.csv("events.csv")
    dir.create("r-out", showWarnings = FALSE)
    save <- function(p, name, height = 120) {
      pdf(file.path("r-out", name), width = 170 / 25.4, height = height / 25.4, onefile = FALSE); print(p); invisible(dev.off())
    }

    """
  for index in 0..<11 {
    let group = groupings[index % groupings.count]
    r += """
      f <- survfit(Surv(time, status) ~ \(group), data = d)
      save(ggsurvplot(f, data = d, risk.table = TRUE, pval = TRUE, conf.int = \(index % 2 == 0 ? "TRUE" : "FALSE"), break.time.by = 12), "km-\(index + 1).pdf")

      """
  }
  r += """
    # ggforest reads each term's column from the data: the factor is a column of its own there.
    d$ecog_level <- factor(d$ecog)
    save(ggforest(coxph(Surv(time, status) ~ arm + sex + stage + ecog_level + age, data = d), data = d), "forest-models.pdf")
    s <- subset(d, arm != "C"); s$arm <- factor(s$arm)
    rows <- do.call(rbind, lapply(c("sex", "stage", "ecog"), function(v) do.call(rbind, lapply(sort(unique(s[[v]])), function(l) {
      fit <- coxph(Surv(time, status) ~ arm, data = s[s[[v]] == l, ])
      data.frame(label = paste(v, l), hr = exp(coef(fit)), lower = exp(confint(fit))[1], upper = exp(confint(fit))[2],
        p = anova(coxph(Surv(time, status) ~ arm + factor(s[[v]]), data = s), coxph(Surv(time, status) ~ arm * factor(s[[v]]), data = s))[2, 4])
    }))))
    save(ggplot(rows, aes(x = hr, y = label, xmin = lower, xmax = upper)) + geom_pointrange() + geom_vline(xintercept = 1) + scale_x_log10(), "forest-subgroups.pdf")
    for (k in 1:2) {
      w <- d[d$number > (k - 1) * 40 & d$number <= k * 40, ]
      w$id <- factor(w$id, levels = w$id[order(w$arm, w$treatment)])
      we <- e[e$id %in% w$id, ]; we$id <- factor(we$id, levels = levels(w$id))
      p <- ggplot(w) + geom_segment(aes(x = 0, xend = treatment, y = id, yend = id, colour = arm), linewidth = 3) +
        geom_segment(data = w[!is.na(w$response_start), ], aes(x = response_start, xend = ifelse(is.na(response_end), treatment, response_end), y = id, yend = id)) +
        geom_point(data = we, aes(x = month, y = id, shape = event)) + labs(x = "Time (months)", y = "Patients")
      save(p, sprintf("swimmer-%d.pdf", k))
    }
    f <- survfit(Surv(time, status) ~ arm, data = d)
    write.csv(summary(f, times = c(12, 24, 36))$table, "r-out/table-survival.csv")
    write.csv(summary(coxph(\(model), data = d))$coefficients, "r-out/table-cox.csv")
    write.csv(rbind(
      age = c(tapply(d$age, d$arm, median), p = wilcox.test(age ~ arm, data = d[d$arm != "C", ])$p.value, kw = kruskal.test(age ~ arm, data = d)$p.value),
      sex = c(table(d$sex, d$arm)[1, ], chisq.test(table(d$sex, d$arm))$p.value, NA),
      stage = c(table(d$stage, d$arm)[1, ], chisq.test(table(d$stage, d$arm))$p.value, NA),
      ecog = c(table(d$ecog, d$arm)[1, ], chisq.test(table(d$ecog, d$arm))$p.value, NA)), "r-out/table-characteristics.csv")

    """
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
