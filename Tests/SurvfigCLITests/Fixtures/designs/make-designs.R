# Data and R reference values for Tests/SurvfigCLITests/DesignCommandTests.swift.
# R 4.2.2, survival 3.5.3: Rscript make-designs.R (in this folder) writes the CSV files and
# designs-reference.json: per case the survfig command, the R calls and, per JSON path of the
# command's output, R's value.
library(survival)
library(jsonlite)
options(digits = 17)

heart2 <- heart[, c("id", "start", "stop", "event", "age", "transplant")]
write.csv(heart2, "heart.csv", row.names = FALSE)
cgd2 <- cgd[, c("id", "tstart", "tstop", "status", "treat", "age")]
cgd2$treat <- as.character(cgd2$treat)
cgd2$w <- cgd2$age / 10
write.csv(cgd2, "cgd.csv", row.names = FALSE)
lw <- na.omit(lung[, c("inst", "time", "status", "sex", "age", "ph.ecog")])
# Inverse-probability-of-sex weights from a logistic model (as an IPTW analysis would).
ps <- fitted(glm(I(sex == 2) ~ age + ph.ecog, family = binomial, data = lw))
lw$w <- round(ifelse(lw$sex == 2, 1 / ps, 1 / (1 - ps)), 6)
write.csv(lw, "lung-weights.csv", row.names = FALSE)
vw <- veteran[, c("time", "status", "trt", "karno", "age")]
ps <- fitted(glm(I(trt == 2) ~ karno + age, family = binomial, data = vw))
vw$w <- round(ifelse(vw$trt == 2, 1 / ps, 1 / (1 - ps)), 6)
write.csv(vw, "veteran-weights.csv", row.names = FALSE)
write.csv(rats, "rats.csv", row.names = FALSE)
lung2 <- lung[, c("inst", "time", "status", "sex", "age")]
write.csv(lung2, "lung.csv", row.names = FALSE)
write.csv(veteran[, c("time", "status", "trt", "karno")], "veteran.csv", row.names = FALSE)

cases <- list()
add <- function(id, args, calls, checks) cases[[length(cases) + 1]] <<- list(id = id, args = args, r = calls, checks = checks)
# Checks of every row of each curve (time, n_risk, survival, lower, upper; std_err as summary()).
curve_checks <- function(fit, weighted = FALSE) {
  s <- summary(fit, censored = TRUE)
  strata <- if (is.null(s$strata)) rep(1, length(s$time)) else as.integer(s$strata)
  out <- list()
  for (g in unique(strata)) {
    k <- which(strata == g)
    for (r in seq_along(k)) {
      i <- k[r]
      p <- sprintf("groups.%d.table.%d.", g - 1, r - 1)
      out[[paste0(p, "time")]] <- s$time[i]
      # Weighted curves: the table's n_risk counts patients, n_risk_weighted is R's.
      out[[paste0(p, if (weighted) "n_risk_weighted" else "n_risk")]] <- s$n.risk[i]
      out[[paste0(p, "survival")]] <- s$surv[i]
      # A standard error R gives as NaN (S reached 0) is null in the JSON.
      out[[paste0(p, "std_err")]] <- if (is.nan(s$std.err[i])) NULL else s$std.err[i]
      if (!is.na(s$lower[i])) out[[paste0(p, "lower")]] <- s$lower[i]
      if (!is.na(s$upper[i])) out[[paste0(p, "upper")]] <- s$upper[i]
    }
  }
  out
}
# The rows of summary() only count as the table's when every time is a row: censored = TRUE.
cox_checks <- function(fit, prefix = "") {
  s <- summary(fit)
  out <- list()
  co <- s$coefficients
  robust <- "robust se" %in% colnames(co)
  for (j in seq_len(nrow(co))) {
    p <- sprintf("%sterms.%d.", prefix, j - 1)
    out[[paste0(p, "coef")]] <- co[j, "coef"]
    out[[paste0(p, "se")]] <- co[j, "se(coef)"]
    if (robust) out[[paste0(p, "robust_se")]] <- co[j, "robust se"]
    out[[paste0(p, "z")]] <- co[j, "z"]
    out[[paste0(p, "p")]] <- co[j, "Pr(>|z|)"]
    out[[paste0(p, "lower")]] <- s$conf.int[j, "lower .95"]
    out[[paste0(p, "upper")]] <- s$conf.int[j, "upper .95"]
  }
  out[[paste0(prefix, "n")]] <- fit$n
  # The fit's own values: summary() rounds the Wald statistic to two decimals.
  out[[paste0(prefix, "tests.likelihood_ratio.statistic")]] <- -2 * (fit$loglik[1] - fit$loglik[2])
  out[[paste0(prefix, "tests.wald.statistic")]] <- fit$wald.test
  out[[paste0(prefix, "tests.score.statistic")]] <- fit$score
  if (!is.null(fit$rscore)) out[[paste0(prefix, "tests.robust_score.statistic")]] <- as.vector(fit$rscore)
  out
}

# Delayed entry (counting-process rows): curves and the log-rank test as the exact Cox score.
f <- survfit(Surv(start, stop, event) ~ transplant, heart2)
sc <- coxph(Surv(start, stop, event) ~ factor(transplant), heart2, ties = "exact")$score
add("entry-heart", c("km", "--data", "heart.csv", "--entry", "start", "--time", "stop", "--event", "event", "--group", "transplant", "--json"),
    c("survfit(Surv(start, stop, event) ~ transplant, heart)", "coxph(Surv(start, stop, event) ~ factor(transplant), heart, ties = \"exact\")$score"),
    c(curve_checks(f), list(logrank.chisq = sc)))
f <- survfit(Surv(tstart, tstop, status) ~ treat, cgd2)
sc <- coxph(Surv(tstart, tstop, status) ~ factor(treat), cgd2, ties = "exact")$score
add("entry-cgd", c("km", "--data", "cgd.csv", "--entry", "tstart", "--time", "tstop", "--event", "status", "--group", "treat", "--json"),
    c("survfit(Surv(tstart, tstop, status) ~ treat, cgd)", "coxph(Surv(tstart, tstop, status) ~ factor(treat), cgd, ties = \"exact\")$score"),
    c(curve_checks(f), list(logrank.chisq = sc)))

# Case weights: weighted curves (robust variance for weights that are not whole numbers) and
# the robust score test of the weighted Cox model.
f <- survfit(Surv(time, status) ~ sex, lw, weights = w)
m <- coxph(Surv(time, status) ~ relevel(factor(sex), ref = "1"), lw, weights = w)
add("weights-lung", c("km", "--data", "lung-weights.csv", "--time", "time", "--event", "status", "--group", "sex", "--weights", "w", "--hazard-ratio", "--json"),
    c("survfit(Surv(time, status) ~ sex, lung, weights = w)", "coxph(Surv(time, status) ~ factor(sex), lung, weights = w)"),
    c(curve_checks(f, weighted = TRUE), list(weighted_test.chisq = as.vector(m$rscore), hazard_ratios.groups.0.hr = exp(coef(m))[[1]],
      hazard_ratios.groups.0.lower = summary(m)$conf.int[1, "lower .95"], hazard_ratios.groups.0.p = summary(m)$coefficients[1, "Pr(>|z|)"])))
f <- survfit(Surv(time, status) ~ trt, vw, weights = w)
m <- coxph(Surv(time, status) ~ relevel(factor(trt), ref = "1"), vw, weights = w)
add("weights-veteran", c("km", "--data", "veteran-weights.csv", "--time", "time", "--event", "status", "--group", "trt", "--weights", "w", "--json"),
    c("survfit(Surv(time, status) ~ trt, veteran, weights = w)", "coxph(Surv(time, status) ~ factor(trt), veteran, weights = w)"),
    c(curve_checks(f, weighted = TRUE), list(weighted_test.chisq = as.vector(m$rscore))))

# Delayed entry with weights that are not whole numbers: the robust variance with entry times.
f <- survfit(Surv(tstart, tstop, status) ~ treat, cgd2, weights = w)
add("weights-entry-cgd", c("km", "--data", "cgd.csv", "--entry", "tstart", "--time", "tstop", "--event", "status", "--group", "treat", "--weights", "w", "--json"),
    c("survfit(Surv(tstart, tstop, status) ~ treat, cgd, weights = age / 10)"),
    curve_checks(f, weighted = TRUE))

# Landmark analysis: those still under observation at s, time measured from s.
s <- 180
sub <- subset(lung2, time >= s)
f <- survfit(Surv(time - s, status) ~ sex, sub)
add("landmark-lung", c("km", "--data", "lung.csv", "--time", "time", "--event", "status", "--group", "sex", "--landmark", "180", "--json"),
    c("survfit(Surv(time - 180, status) ~ sex, subset(lung, time >= 180))", "survdiff(Surv(time - 180, status) ~ sex, subset(lung, time >= 180))"),
    c(curve_checks(f), list(logrank.chisq = survdiff(Surv(time - s, status) ~ sex, sub)$chisq, n = nrow(sub), landmark.excluded = nrow(lung2) - nrow(sub))))
s <- 30
sub <- subset(veteran, time >= s)
f <- survfit(Surv(time - s, status) ~ trt, sub)
add("landmark-veteran", c("km", "--data", "veteran.csv", "--time", "time", "--event", "status", "--group", "trt", "--landmark", "30", "--json"),
    c("survfit(Surv(time - 30, status) ~ trt, subset(veteran, time >= 30))", "survdiff(Surv(time - 30, status) ~ trt, subset(veteran, time >= 30))"),
    c(curve_checks(f), list(logrank.chisq = survdiff(Surv(time - s, status) ~ trt, sub)$chisq)))

# RMST difference and ratio: survRM2::rmst2 (1.0-4) transcribed on survfit (survRM2 is not
# packaged for Debian); arm 1 the second group.
rmst1 <- function(time, status, tau) {
  ft <- survfit(Surv(time, status) ~ 1)
  idx <- ft$time <= tau
  wk.time <- sort(c(ft$time[idx], tau)); wk.surv <- ft$surv[idx]
  wk.n.risk <- ft$n.risk[idx]; wk.n.event <- ft$n.event[idx]
  areas <- diff(c(0, wk.time)) * c(1, wk.surv)
  wk.var <- c(ifelse((wk.n.risk - wk.n.event) == 0, 0, wk.n.event / (wk.n.risk * (wk.n.risk - wk.n.event))), 0)
  v <- sum(cumsum(rev(areas[-1]))^2 * rev(wk.var)[-1])
  list(rmst = sum(areas), var = v, rmtl = tau - sum(areas))
}
rmst2 <- function(time, status, arm, tau) {
  z <- qnorm(0.975)
  w1 <- rmst1(time[arm == 1], status[arm == 1], tau); w0 <- rmst1(time[arm == 0], status[arm == 0], tau)
  d <- w1$rmst - w0$rmst; dse <- sqrt(w1$var + w0$var)
  lr <- log(w1$rmst / w0$rmst); lrse <- sqrt(w1$var / w1$rmst^2 + w0$var / w0$rmst^2)
  ll <- log(w1$rmtl / w0$rmtl); llse <- sqrt(w1$var / w1$rmtl^2 + w0$var / w0$rmtl^2)
  list(rmst_comparison.difference.estimate = d, rmst_comparison.difference.lower = d - z * dse,
       rmst_comparison.difference.upper = d + z * dse, rmst_comparison.difference.p = 2 * pnorm(-abs(d) / dse),
       rmst_comparison.ratio.estimate = exp(lr), rmst_comparison.ratio.lower = exp(lr - z * lrse),
       rmst_comparison.ratio.upper = exp(lr + z * lrse), rmst_comparison.ratio.p = 2 * pnorm(-abs(lr) / lrse),
       rmst_comparison.rmtl_ratio.estimate = exp(ll), rmst_comparison.rmtl_ratio.p = 2 * pnorm(-abs(ll) / llse))
}
add("rmst-lung", c("km", "--data", "lung.csv", "--time", "time", "--event", "status", "--group", "sex", "--rmst-tau", "730", "--json"),
    c("survRM2::rmst2(lung$time, lung$status - 1, lung$sex == 2, tau = 730)"),
    rmst2(lung2$time, lung2$status - 1, as.numeric(lung2$sex == 2), 730))
add("rmst-veteran", c("km", "--data", "veteran.csv", "--time", "time", "--event", "status", "--group", "trt", "--rmst-tau", "365", "--json"),
    c("survRM2::rmst2(veteran$time, veteran$status, veteran$trt == 2, tau = 365)"),
    rmst2(veteran$time, veteran$status, as.numeric(veteran$trt == 2), 365))

# Directly adjusted curves: the mean over the model's patients of survfit(coxph, newdata) with
# the group set to each level (the factor keeps both levels in newdata).
adjusted_checks <- function(d, group, terms) {
  d <- d[complete.cases(d[, c("time", "status", group, all.vars(as.formula(paste("~", terms))))]), ]
  d$g. <- factor(d[[group]])
  fit <- coxph(as.formula(paste("Surv(time, status) ~ g. +", terms)), d)
  out <- list(adjusted_curves.n = fit$n)
  t <- survfit(fit, newdata = d[1, ])$time
  for (k in seq_along(levels(d$g.))) {
    nd <- d; nd$g. <- factor(levels(d$g.)[k], levels = levels(d$g.))
    s <- rowMeans(survfit(fit, newdata = nd)$surv)
    for (j in seq_along(t)) {
      out[[sprintf("adjusted_curves.groups.%d.table.%d.time", k - 1, j - 1)]] <- t[j]
      out[[sprintf("adjusted_curves.groups.%d.table.%d.survival", k - 1, j - 1)]] <- s[j]
    }
  }
  z <- summary(fit)$coefficients
  if (nrow(z) > 0 && length(levels(d$g.)) == 2) out[["adjusted_curves.group_test.chisq"]] <- z[1, "z"]^2
  out
}
lung3 <- read.csv("../../../../Templates/data/lung.csv")
add("adjusted-lung", c("km", "--data", "../../../../Templates/data/lung.csv", "--time", "time", "--event", "status", "--group", "sex", "--adjust-curves", "age + ph.ecog", "--json"),
    c("fit <- coxph(Surv(time, status) ~ factor(sex) + age + ph.ecog, lung)", "rowMeans(survfit(fit, newdata = within(lung, sex <- factor(g, levels = 1:2)))$surv) for g in 1, 2"),
    adjusted_checks(lung3, "sex", "age + ph.ecog"))
vet3 <- veteran
vet3$celltype <- as.character(vet3$celltype)
write.csv(vet3[, c("time", "status", "trt", "karno", "age", "celltype")], "veteran-cells.csv", row.names = FALSE)
add("adjusted-veteran", c("km", "--data", "veteran-cells.csv", "--time", "time", "--event", "status", "--group", "trt", "--adjust-curves", "karno + age + factor(celltype)", "--json"),
    c("fit <- coxph(Surv(time, status) ~ factor(trt) + karno + age + factor(celltype), veteran)", "rowMeans(survfit(fit, newdata = within(veteran, trt <- factor(g, levels = 1:2)))$surv) for g in 1, 2"),
    adjusted_checks(vet3, "trt", "karno + age + factor(celltype)"))

# Cox: clusters (robust variance), case weights, counting-process data, exact ties.
add("cox-cluster-lung", c("cox", "--data", "lung.csv", "--model", "Surv(time, status) ~ age + sex + cluster(inst)", "--json"),
    c("coxph(Surv(time, status) ~ age + sex + cluster(inst), lung)"),
    cox_checks(coxph(Surv(time, status) ~ age + sex + cluster(inst), lung2)))
add("cox-cluster-rats", c("cox", "--data", "rats.csv", "--model", "Surv(time, status) ~ rx + cluster(litter)", "--json"),
    c("coxph(Surv(time, status) ~ rx + cluster(litter), rats)"),
    cox_checks(coxph(Surv(time, status) ~ rx + cluster(litter), rats)))
add("cox-weights-lung", c("cox", "--data", "lung-weights.csv", "--model", "Surv(time, status) ~ sex + age", "--weights", "w", "--json"),
    c("coxph(Surv(time, status) ~ sex + age, lung, weights = w)"),
    cox_checks(coxph(Surv(time, status) ~ sex + age, lw, weights = w)))
add("cox-weights-veteran", c("cox", "--data", "veteran-weights.csv", "--model", "Surv(time, status) ~ trt + karno", "--weights", "w", "--ties", "breslow", "--json"),
    c("coxph(Surv(time, status) ~ trt + karno, veteran, weights = w, ties = \"breslow\")"),
    cox_checks(coxph(Surv(time, status) ~ trt + karno, vw, weights = w, ties = "breslow")))
add("cox-counting-heart", c("cox", "--data", "heart.csv", "--model", "Surv(start, stop, event) ~ age + transplant", "--json"),
    c("coxph(Surv(start, stop, event) ~ age + transplant, heart)"),
    cox_checks(coxph(Surv(start, stop, event) ~ age + transplant, heart2)))
add("cox-counting-cgd", c("cox", "--data", "cgd.csv", "--model", "Surv(tstart, tstop, status) ~ treat + age + cluster(id)", "--json"),
    c("coxph(Surv(tstart, tstop, status) ~ treat + age + cluster(id), cgd)"),
    cox_checks(coxph(Surv(tstart, tstop, status) ~ treat + age + cluster(id), cgd2)))
add("cox-exact-veteran", c("cox", "--data", "veteran.csv", "--model", "Surv(time, status) ~ trt + karno", "--ties", "exact", "--json"),
    c("coxph(Surv(time, status) ~ trt + karno, veteran, ties = \"exact\")"),
    cox_checks(coxph(Surv(time, status) ~ trt + karno, veteran, ties = "exact")))

writeLines(toJSON(cases, auto_unbox = TRUE, digits = NA, pretty = TRUE), "designs-reference.json")
