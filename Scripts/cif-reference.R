# Reference values of `survfig cif --json` from R's cmprsk (R 4.2.2, cmprsk 2.2-11, survival
# 3.5-3, MASS 7.3): cuminc, timepoints and crr on four real data sets and two edge cases.
#
# Run from the package root:  Rscript Scripts/cif-reference.R
#
# Writes the data sets to Templates/data (pbc.csv, mgus2.csv, colon-recurrence.csv,
# melanoma.csv) and reads them back, so that the references are computed from exactly the
# numbers survfig reads; then writes
# Tests/SurvfigCLITests/CumulativeIncidence/CumulativeIncidenceReference+Cases.swift.
# Numbers are printed with sprintf("%.17g"), NA as nil.
suppressMessages({ library(survival); library(cmprsk); library(MASS) })

out_data <- "Templates/data"
out_swift <- "Tests/SurvfigCLITests/CumulativeIncidence/CumulativeIncidenceReference+Cases.swift"

# ---- Data sets ----
write_data <- function(d, name) {
  path <- file.path(out_data, name)
  write.csv(d, path, row.names = FALSE, quote = FALSE, na = "")
  read.csv(path, stringsAsFactors = FALSE)
}

# survival::pbc: status 0 = censored, 1 = transplant, 2 = death.
pbc_data <- write_data(survival::pbc, "pbc.csv")

# survival::mgus2: progression to a plasma cell malignancy (PCM) or death first, as in the
# survival package's "compete" vignette.
m <- survival::mgus2
m$etime <- ifelse(m$pstat == 0, m$futime, m$ptime)
m$event <- ifelse(m$pstat == 0, ifelse(m$death == 1, "death", "censored"), "pcm")
mgus2_data <- write_data(m, "mgus2.csv")

# survival::colon: recurrence, or death without recurrence, first (one row per patient).
rec <- survival::colon[survival::colon$etype == 1, ]
dth <- survival::colon[survival::colon$etype == 2, ]
rec <- rec[order(rec$id), ]
dth <- dth[order(dth$id), ]
stopifnot(all(rec$id == dth$id))
cr <- data.frame(
  id = rec$id, rx = as.character(rec$rx), sex = rec$sex, age = rec$age, nodes = rec$nodes,
  node4 = rec$node4, differ = rec$differ, extent = rec$extent,
  time = ifelse(rec$status == 1, rec$time, dth$time),
  status = ifelse(rec$status == 1, 1, ifelse(dth$status == 1, 2, 0)))
colon_data <- write_data(cr, "colon-recurrence.csv")

# MASS::Melanoma: status 1 = died of melanoma, 2 = alive, 3 = died of other causes.
melanoma_data <- write_data(MASS::Melanoma, "melanoma.csv")

# ---- Swift output ----
f17 <- function(x) ifelse(is.na(x), "nil", sprintf("%.17g", x))
wrap <- function(items, indent) {
  lines <- character(); line <- ""
  for (item in items) {
    piece <- paste0(item, ",")
    if (nchar(line) + nchar(piece) + 1 + indent > 110 && nchar(line) > 0) { lines <- c(lines, line); line <- piece }
    else line <- if (nchar(line)) paste(line, piece) else piece
  }
  if (nchar(line)) lines <- c(lines, line)
  paste0(strrep(" ", indent), lines, collapse = "\n")
}
arr <- function(x, indent) {
  if (length(x) == 0) return("[]")
  paste0("[\n", wrap(f17(x), indent), "\n", strrep(" ", indent - 2), "]")
}
iarr <- function(x, indent) {
  if (length(x) == 0) return("[]")
  paste0("[\n", wrap(as.character(as.integer(x)), indent), "\n", strrep(" ", indent - 2), "]")
}
str_lit <- function(s) paste0('"', gsub('"', '\\\\"', s), '"')
sarr <- function(x) paste0("[", paste(str_lit(x), collapse = ", "), "]")

# Log-log interval of tidycmprsk: F^exp(±z·se/(F log F)); NA where F is 0.
loglog <- function(est, var, level = 0.95) {
  z <- qnorm((1 - level) / 2)
  se <- sqrt(var)
  lower <- est^exp(z * se / (est * log(est)))
  upper <- est^exp(-z * se / (est * log(est)))
  lower[!is.na(est) & est == 0] <- NA
  upper[!is.na(est) & est == 0] <- NA
  lower[!is.na(est) & est == 1] <- 1
  upper[!is.na(est) & est == 1] <- 1
  list(lower = lower, upper = upper)
}

# One case: `d` the analysed rows (time, status, group, strata columns named as in the call),
# `codes` the status codes with the event of interest first, `cencode` the censoring code.
reference_case <- function(id, title, arguments, d, time, status, group, codes, cencode, times,
                           strata = NULL, rhs = NULL, calls) {
  ftime <- d[[time]]; fstatus <- d[[status]]
  grp <- if (is.null(group)) rep(1, nrow(d)) else d[[group]]
  str <- if (is.null(strata)) NULL else d[[strata]]
  fit <- if (is.null(str)) cuminc(ftime, fstatus, grp, cencode = cencode)
         else cuminc(ftime, fstatus, grp, strata = str, cencode = cencode)
  levels <- sort(unique(grp))
  present <- codes[codes %in% unique(fstatus)]
  lines <- c(
    paste0("  /// ", title),
    paste0("  static let ", id, " = CumulativeIncidenceReference("),
    paste0("    name: ", str_lit(title), ","),
    "    calls: [",
    paste0("      ", str_lit(calls), ",", collapse = "\n"),
    "    ],",
    paste0("    arguments: ", sarr(arguments), ","),
    paste0("    causes: ", sarr(as.character(present)), ","),
    "    groups: [")
  for (g in levels) {
    rows <- grp == g
    t <- sort(unique(ftime[rows]))
    name <- paste(g, codes[1])
    tp <- timepoints(fit[name], t)
    est <- as.numeric(tp$est); v <- as.numeric(tp$var)
    ci <- loglog(est, v)
    at <- timepoints(fit[name], times)
    at_est <- as.numeric(at$est); at_var <- as.numeric(at$var)
    at_ci <- loglog(at_est, at_var)
    label <- if (is.null(group)) "All" else as.character(g)
    lines <- c(lines,
      "      CumulativeIncidenceReference.Group(",
      paste0("        label: ", str_lit(label), ", n: ", sum(rows), ", events: ", sum(rows & fstatus == codes[1]),
             ", competing: ", sum(rows & fstatus %in% codes[-1]), ","),
      paste0("        // t <- sort(unique(", time, "[", if (is.null(group)) "" else paste0(group, " == ", g), "])); tp <- timepoints(fit[\"", name, "\"], t)"),
      paste0("        time: ", arr(t, 10), ","),
      paste0("        atRisk: ", iarr(sapply(t, function(x) sum(rows & ftime >= x)), 10), ","),
      paste0("        censored: ", iarr(sapply(t, function(x) sum(rows & ftime == x & fstatus == cencode)), 10), ","),
      "        eventsByCause: [")
    for (code in present) {
      lines <- c(lines, paste0("          ", str_lit(as.character(code)), ": ",
        iarr(sapply(t, function(x) sum(rows & ftime == x & fstatus == code)), 12), ","))
    }
    lines <- c(lines, "        ],",
      paste0("        estimate: ", arr(est, 10), ","),
      paste0("        variance: ", arr(v, 10), ","),
      "        // tidycmprsk's log-log interval from $est and $var",
      paste0("        lower: ", arr(ci$lower, 10), ","),
      paste0("        upper: ", arr(ci$upper, 10), ","),
      paste0("        // timepoints(fit[\"", name, "\"], c(", paste(times, collapse = ", "), "))"),
      paste0("        atTimes: ", arr(times, 10), ","),
      paste0("        atTimesRisk: ", iarr(sapply(times, function(x) sum(rows & ftime >= x)), 10), ","),
      paste0("        atTimesEstimate: ", arr(at_est, 10), ","),
      paste0("        atTimesVariance: ", arr(at_var, 10), ","),
      paste0("        atTimesLower: ", arr(at_ci$lower, 10), ","),
      paste0("        atTimesUpper: ", arr(at_ci$upper, 10)),
      "      ),")
  }
  lines <- c(lines, "    ],")
  if (length(levels) > 1) {
    test <- fit$Tests[as.character(codes[1]), ]
    stat <- if (test[["stat"]] < 0) NA else test[["stat"]]
    p <- if (is.na(stat)) NA else pchisq(stat, test[["df"]], lower.tail = FALSE)
    lines <- c(lines,
      paste0("    // fit$Tests[\"", codes[1], "\", ] (stat -1: singular, reported as null); p = pchisq(stat, df, lower.tail = FALSE)"),
      paste0("    gray: .init(statistic: ", f17(stat), ", df: ", test[["df"]], ", p: ", f17(p), "),"))
  } else {
    lines <- c(lines, "    gray: nil,")
  }
  if (!is.null(rhs)) {
    vars <- all.vars(as.formula(paste("~", rhs)))
    dd <- d[complete.cases(d[, vars, drop = FALSE]), ]
    x <- model.matrix(as.formula(paste("~", rhs)), dd)[, -1, drop = FALSE]
    crr_fit <- crr(dd[[time]], dd[[status]], cov1 = x, failcode = codes[1], cencode = cencode)
    s <- summary(crr_fit)
    se <- sqrt(diag(crr_fit$var))
    z <- crr_fit$coef / se
    lines <- c(lines,
      paste0("    // crr(", time, ", ", status, ", cov1 = model.matrix(~ ", rhs, ", d)[, -1], failcode = ", deparse(codes[1]),
             ", cencode = ", deparse(cencode), ") on the complete cases; p = 2 * pnorm(-abs(z))"),
      "    fineGray: .init(",
      paste0("      n: ", crr_fit$n, ","),
      paste0("      names: ", sarr(names(crr_fit$coef)), ","),
      paste0("      coef: ", arr(crr_fit$coef, 8), ","),
      paste0("      se: ", arr(se, 8), ","),
      paste0("      hr: ", arr(exp(crr_fit$coef), 8), ","),
      paste0("      lower: ", arr(s$conf.int[, "2.5%"], 8), ","),
      paste0("      upper: ", arr(s$conf.int[, "97.5%"], 8), ","),
      paste0("      p: ", arr(2 * pnorm(-abs(z)), 8)),
      "    )")
  } else {
    lines <- c(lines, "    fineGray: nil")
  }
  c(lines, "  )", "")
}

cases <- list()

d <- pbc_data[!is.na(pbc_data$trt), ]
cases$pbc <- reference_case(
  "pbc", "pbc: death with transplant competing, by treatment arm (312 patients with a trt)",
  c("--data", "pbc.csv", "--time", "time", "--status", "status", "--event-value", "2", "--competing-value", "1",
    "--group", "trt", "--times", "1000,2000,3000", "--fine-gray", "age + factor(edema) + log(bili)"),
  d, "time", "status", "trt", c(2, 1), 0, c(1000, 2000, 3000),
  rhs = "age + factor(edema) + log(bili)",
  calls = c(
    "d <- read.csv(\"Templates/data/pbc.csv\"); d <- d[!is.na(d$trt), ]",
    "fit <- cuminc(d$time, d$status, d$trt, cencode = 0)",
    "timepoints(fit, c(1000, 2000, 3000)); fit$Tests[\"2\", ]",
    "crr(d$time, d$status, cov1 = model.matrix(~ age + factor(edema) + log(bili), d)[, -1], failcode = 2, cencode = 0)"))

cases$mgus2 <- reference_case(
  "mgus2", "mgus2: progression to PCM with death competing, by sex (text status codes)",
  c("--data", "mgus2.csv", "--time", "etime", "--status", "event", "--event-value", "pcm",
    "--competing-value", "death", "--censor-value", "censored", "--group", "sex", "--times", "60,120,240",
    "--fine-gray", "age + sex + hgb"),
  mgus2_data, "etime", "event", "sex", c("pcm", "death"), "censored", c(60, 120, 240),
  rhs = "age + sex + hgb",
  calls = c(
    "d <- read.csv(\"Templates/data/mgus2.csv\")",
    "fit <- cuminc(d$etime, d$event, d$sex, cencode = \"censored\")",
    "timepoints(fit, c(60, 120, 240)); fit$Tests[\"pcm\", ]",
    "dd <- d[complete.cases(d[, c(\"age\", \"sex\", \"hgb\")]), ]",
    "crr(dd$etime, dd$event, cov1 = model.matrix(~ age + sex + hgb, dd)[, -1], failcode = \"pcm\", cencode = \"censored\")"))

cases$colon <- reference_case(
  "colon", "colon: recurrence with death competing, by treatment (three arms)",
  c("--data", "colon-recurrence.csv", "--time", "time", "--status", "status", "--event-value", "1",
    "--competing-value", "2", "--group", "rx", "--times", "365,1095,1826", "--fine-gray", "rx + age + node4"),
  colon_data, "time", "status", "rx", c(1, 2), 0, c(365, 1095, 1826),
  rhs = "rx + age + node4",
  calls = c(
    "d <- read.csv(\"Templates/data/colon-recurrence.csv\")",
    "fit <- cuminc(d$time, d$status, d$rx, cencode = 0)",
    "timepoints(fit, c(365, 1095, 1826)); fit$Tests[\"1\", ]",
    "crr(d$time, d$status, cov1 = model.matrix(~ rx + age + node4, d)[, -1], failcode = 1, cencode = 0)"))

cases$melanoma <- reference_case(
  "melanoma", "Melanoma: death from melanoma with other deaths competing, by ulceration, Gray's test stratified by sex",
  c("--data", "melanoma.csv", "--time", "time", "--status", "status", "--event-value", "1",
    "--competing-value", "3", "--censor-value", "2", "--group", "ulcer", "--strata", "sex",
    "--times", "1826,3652", "--fine-gray", "sex + age + thickness + factor(ulcer)"),
  melanoma_data, "time", "status", "ulcer", c(1, 3), 2, c(1826, 3652), strata = "sex",
  rhs = "sex + age + thickness + factor(ulcer)",
  calls = c(
    "d <- read.csv(\"Templates/data/melanoma.csv\")",
    "fit <- cuminc(d$time, d$status, d$ulcer, strata = d$sex, cencode = 2)",
    "timepoints(fit, c(1826, 3652)); fit$Tests[\"1\", ]",
    "crr(d$time, d$status, cov1 = model.matrix(~ sex + age + thickness + factor(ulcer), d)[, -1], failcode = 1, cencode = 2)"))

# Ties across causes, censorings at event times, a group whose last subjects all fail at one
# time (the hand-made data of the statistics tests).
toy <- data.frame(
  time = c(2, 3, 3, 5, 5, 5, 7, 8, 10, 12, 12, 14, 15, 15,
           1, 2, 2, 3, 3, 4, 5, 5, 6, 6, 8, 9, 11, 11, 11, 13, 16, 18,
           1, 4, 6, 9, 17, 17),
  status = c(1, 0, 1, 1, 1, 0, 0, 1, 0, 1, 1, 0, 1, 0,
             2, 2, 1, 2, 2, 1, 0, 2, 1, 1, 2, 0, 1, 2, 0, 2, 0, 0,
             1, 0, 2, 1, 1, 1),
  group = c(rep("A", 14), rep("B", 18), rep("C", 6)),
  x = c(0.5, -1.2, 0.3, 1.8, -0.4, 0.9, 2.1, -0.7, 0.2, 1.1, -1.5, 0.6, 0.8, -0.3,
        1.4, -0.9, 0.1, 2.3, -0.2, 0.7, -1.1, 0.4, 1.6, -0.6, 0.0, 1.2, -1.8, 0.5, 0.9, -0.5, 1.0, -1.3,
        0.3, -0.8, 1.9, 0.2, -0.1, 1.5))
cases$ties <- reference_case(
  "ties", "tied times: ties across causes, censorings at event times, a group ending with tied failures",
  c("--data", "ties.csv", "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2",
    "--group", "group", "--times", "3,5,11,17", "--fine-gray", "x"),
  toy, "time", "status", "group", c(1, 2), 0, c(3, 5, 11, 17), rhs = "x",
  calls = c(
    "d <- data.frame(time, status, group, x)  # as in CumulativeIncidenceReference.tiesCSV",
    "fit <- cuminc(d$time, d$status, d$group, cencode = 0)",
    "timepoints(fit, c(3, 5, 11, 17)); fit$Tests[\"1\", ]",
    "crr(d$time, d$status, cov1 = model.matrix(~ x, d)[, -1, drop = FALSE], failcode = 1, cencode = 0)"))

# A group in which every patient is censored: its incidence stays 0 and Gray's variance is
# singular (cuminc: stat -1).
censored <- data.frame(
  time = c(1, 2, 3, 4, 5, 2, 3, 3, 4, 6, 7, 8),
  status = c(0, 0, 0, 0, 0, 1, 2, 1, 0, 1, 2, 0),
  group = c(rep("A", 5), rep("B", 7)))
cases$censored <- reference_case(
  "censoredGroup", "a group in which every patient is censored",
  c("--data", "censored.csv", "--time", "time", "--status", "status", "--event-value", "1", "--competing-value", "2",
    "--group", "group", "--times", "2,4,8"),
  censored, "time", "status", "group", c(1, 2), 0, c(2, 4, 8),
  calls = c(
    "d <- data.frame(time, status, group)  # as in CumulativeIncidenceReference.censoredCSV",
    "fit <- cuminc(d$time, d$status, d$group, cencode = 0)",
    "timepoints(fit, c(2, 4, 8)); fit$Tests[\"1\", ]"))

csv_text <- function(d) paste(c(paste(names(d), collapse = ","), apply(d, 1, function(r) paste(trimws(r), collapse = ","))), collapse = "\n")

out <- c(
  "// Generated by Scripts/cif-reference.R with R 4.2.2, cmprsk 2.2-11, survival 3.5-3 and MASS;",
  "// do not edit. Each number is R's double printed with sprintf(\"%.17g\") (nil = NA); the R calls",
  "// that produced a case are its `calls`.",
  "// swift-format-ignore-file",
  "",
  "extension CumulativeIncidenceReference {",
  "  static let all: [CumulativeIncidenceReference] = [pbc, mgus2, colon, melanoma, ties, censoredGroup]",
  "",
  paste0("  static let tiesCSV = \"\"\"\n", gsub("(^|\n)", "\\1    ", csv_text(toy)), "\n    \"\"\""),
  "",
  paste0("  static let censoredCSV = \"\"\"\n", gsub("(^|\n)", "\\1    ", csv_text(censored)), "\n    \"\"\""),
  "",
  unlist(cases),
  "}")
writeLines(out, out_swift)
