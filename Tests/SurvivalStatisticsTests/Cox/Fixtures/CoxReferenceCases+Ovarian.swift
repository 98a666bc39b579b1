// Generated: R 4.2.2, survival 3.5.3, by the script at the end of this file; values printed
// with sprintf("%.17g").
// swift-format-ignore-file

import SurvivalStatistics

extension CoxReferenceCase {
  /// `coxph(Surv(futime, fustat) ~ age + rx, ovarian)` with Breslow and Efron ties (ovarian has
  /// no tied event times, so both give the same fit), with `cox.zph` and the drop-term tests.
  static let ovarian: [CoxReferenceCase] = [
    CoxReferenceCase(
      id: "cox_multi_ovarian_breslow",
      rCall: "fit <- coxph(Surv(futime, fustat) ~ age + rx, data = ovarian, ties = \"breslow\")",
      data: CoxReferenceData.ovarian, formula: "Surv(futime, fustat) ~ age + rx", ties: .breslow,
      n: 26, events: 12, dropped: 0, iterations: 5,
      rWarnings: [],
      names: ["age", "rx"],
      coef: [0.147326595469114, -0.80397301266511445],
      se: [0.046147047740802638, 0.63204937187945009],
      hazardRatio: [1.1587323379702184, 0.44754731605073123],
      lower: [1.0585288257942256, 0.12966941641127896],
      upper: [1.2684214150243058, 1.5446865239904837],
      z: [3.1925464939082047, -1.2720098277677825],
      p: [0.0014102423942953959, 0.20336962745236711],
      variance: [0.0021295500151919181, 0.0046969219466626317, 0.0046969219466626317, 0.39948640849320738],
      means: [56.165442307692309, 1.5],
      logLikelihood: (-34.984940371162558, -27.041898863008388),
      likelihoodRatio: .init(15.886083016308341, 2, 0.0003551247193220073),
      wald: .init(13.467506895285958, 2, 0.0011900577452177165),
      score: .init(18.557123383619821, 2, 9.3405372608404733e-05),
      concordance: .init(concordance: 0.79816513761467889, se: 0.076326199142600609, concordant: 174, discordant: 44, tiedX: 0, tiedY: 0, tiedXY: 0),
      rSquared: (0.45719394335686481, 0.93219702861917342),
      termTests: [
        .init(term: "age", df: 1, waldChisq: 10.19235311576557, waldP: 0.0014102423942953959, lrChisq: 14.834629867459334, lrP: 0.00011736058167379217),
        .init(term: "rx", df: 1, waldChisq: 1.6180090019378239, waldP: 0.20336962745236706, lrChisq: 1.5924968561481663, lrP: 0.20696976517468701),
      ],
      zph: .init(terms: ["age", "rx", "GLOBAL"], chisq: [0.22426564219798073, 0.77960687988451915, 0.9186699285160882], df: [1, 1, 2], p: [0.6358087586765836, 0.37726139685185706, 0.63170361132516173]),
      convergedCoef: [0.147326595469114, -0.80397301266511445]),
    CoxReferenceCase(
      id: "cox_multi_ovarian_efron",
      rCall: "fit <- coxph(Surv(futime, fustat) ~ age + rx, data = ovarian, ties = \"efron\")",
      data: CoxReferenceData.ovarian, formula: "Surv(futime, fustat) ~ age + rx", ties: .efron,
      n: 26, events: 12, dropped: 0, iterations: 5,
      rWarnings: [],
      names: ["age", "rx"],
      coef: [0.147326595469114, -0.80397301266511445],
      se: [0.046147047740802638, 0.63204937187945009],
      hazardRatio: [1.1587323379702184, 0.44754731605073123],
      lower: [1.0585288257942256, 0.12966941641127896],
      upper: [1.2684214150243058, 1.5446865239904837],
      z: [3.1925464939082047, -1.2720098277677825],
      p: [0.0014102423942953959, 0.20336962745236711],
      variance: [0.0021295500151919181, 0.0046969219466626317, 0.0046969219466626317, 0.39948640849320738],
      means: [56.165442307692309, 1.5],
      logLikelihood: (-34.984940371162558, -27.041898863008388),
      likelihoodRatio: .init(15.886083016308341, 2, 0.0003551247193220073),
      wald: .init(13.467506895285958, 2, 0.0011900577452177165),
      score: .init(18.557123383619821, 2, 9.3405372608404733e-05),
      concordance: .init(concordance: 0.79816513761467889, se: 0.076326199142600609, concordant: 174, discordant: 44, tiedX: 0, tiedY: 0, tiedXY: 0),
      rSquared: (0.45719394335686481, 0.93219702861917342),
      termTests: [
        .init(term: "age", df: 1, waldChisq: 10.19235311576557, waldP: 0.0014102423942953959, lrChisq: 14.834629867459334, lrP: 0.00011736058167379217),
        .init(term: "rx", df: 1, waldChisq: 1.6180090019378239, waldP: 0.20336962745236706, lrChisq: 1.5924968561481663, lrP: 0.20696976517468701),
      ],
      zph: .init(terms: ["age", "rx", "GLOBAL"], chisq: [0.22426564219798073, 0.77960687988451915, 0.9186699285160882], df: [1, 1, 2], p: [0.6358087586765836, 0.37726139685185706, 0.63170361132516173]),
      convergedCoef: [0.147326595469114, -0.80397301266511445]),
  ]
}

// ---- ovarian.R (Rscript ovarian.R > cases.swift) ----
// # Reference values for coxph(Surv(futime, fustat) ~ age + rx, ovarian), Efron and Breslow.
// library(survival)
// ovarian <- read.csv("/work/shared/reference/data/ovarian.csv")
// f <- function(x) { s <- sprintf("%.17g", x); s[is.infinite(x) & x > 0] <- ".infinity"; s[is.nan(x) | is.na(x)] <- ".nan"; s }
// arr <- function(x) paste0("[", paste(f(x), collapse = ", "), "]")
// wald <- function(fit, idx) { b <- coef(fit)[idx]; v <- vcov(fit)[idx, idx, drop = FALSE]; drop(t(b) %*% solve(v) %*% b) }
// for (ties in c("breslow", "efron")) {
//   call <- sprintf('fit <- coxph(Surv(futime, fustat) ~ age + rx, data = ovarian, ties = "%s")', ties)
//   eval(parse(text = call))
//   s <- summary(fit)
//   cc <- fit$concordance
//   z <- cox.zph(fit, transform = "km")$table
//   conv <- coxph(Surv(futime, fustat) ~ age + rx, data = ovarian, ties = ties,
//     control = coxph.control(eps = 1e-14, toler.chol = 1e-15, toler.inf = 1e-5, iter.max = 50))
//   tt <- sapply(c("age", "rx"), function(term) {
//     red <- coxph(as.formula(paste("Surv(futime, fustat) ~", setdiff(c("age", "rx"), term))), data = ovarian, ties = ties)
//     lr <- 2 * (fit$loglik[2] - red$loglik[2])
//     w <- wald(fit, term)
//     sprintf('        .init(term: "%s", df: 1, waldChisq: %s, waldP: %s, lrChisq: %s, lrP: %s),', term, f(w),
//       f(pchisq(w, 1, lower.tail = FALSE)), f(lr), f(pchisq(lr, 1, lower.tail = FALSE)))
//   })
//   ci <- s$conf.int
//   cat(sprintf('    CoxReferenceCase(
//       id: "cox_multi_ovarian_%s",
//       rCall: "%s",
//       data: CoxReferenceData.ovarian, formula: "Surv(futime, fustat) ~ age + rx", ties: .%s,
//       n: %d, events: %d, dropped: 0, iterations: %d,
//       rWarnings: [],
//       names: ["age", "rx"],
//       coef: %s,
//       se: %s,
//       hazardRatio: %s,
//       lower: %s,
//       upper: %s,
//       z: %s,
//       p: %s,
//       variance: %s,
//       means: %s,
//       logLikelihood: (%s, %s),
//       likelihoodRatio: .init(%s, %d, %s),
//       wald: .init(%s, %d, %s),
//       score: .init(%s, %d, %s),
//       concordance: .init(concordance: %s, se: %s, concordant: %s, discordant: %s, tiedX: %s, tiedY: %s, tiedXY: %s),
//       rSquared: (%s, %s),
//       termTests: [
// %s
//       ],
//       zph: .init(terms: ["age", "rx", "GLOBAL"], chisq: %s, df: [1, 1, 2], p: %s),
//       convergedCoef: %s),
// ', ties, gsub('"', '\\\\"', call), ties, fit$n, fit$nevent, fit$iter,
//     arr(coef(fit)), arr(sqrt(diag(vcov(fit)))), arr(exp(coef(fit))), arr(ci[, "lower .95"]), arr(ci[, "upper .95"]),
//     arr(s$coefficients[, "z"]), arr(s$coefficients[, "Pr(>|z|)"]), arr(as.vector(vcov(fit))), arr(fit$means),
//     f(fit$loglik[1]), f(fit$loglik[2]),
//     f(s$logtest["test"]), as.integer(s$logtest["df"]), f(s$logtest["pvalue"]),
//     f(fit$wald.test), as.integer(s$waldtest["df"]), f(pchisq(fit$wald.test, 2, lower.tail = FALSE)),
//     f(fit$score), as.integer(s$sctest["df"]), f(pchisq(fit$score, 2, lower.tail = FALSE)),
//     f(cc["concordance"]), f(cc["std"]), f(cc["concordant"]), f(cc["discordant"]), f(cc["tied.x"]), f(cc["tied.y"]), f(cc["tied.xy"]),
//     f(s$rsq["rsq"]), f(s$rsq["maxrsq"]),
//     paste(tt, collapse = "\n"), arr(z[, "chisq"]), arr(z[, "p"]), arr(coef(conv))))
// }
