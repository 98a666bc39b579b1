// Reference values computed with R 4.2.2 (survival 3.5.3), copied from the project's R
// reference set (reference/r/*.json) or computed by the R code shown. Each block names the R call
// that produced it; numbers are the shortest decimals that round-trip R's doubles (sprintf("%.17g")
// prints them). Change them only by recomputing them in R.

// The R code (run next to the reference data folder):
//
//   suppressMessages(library(survival))
//   f17 <- function(x) ifelse(is.na(x), "nil", sprintf("%.17g", x))
//   out <- list()
//   add <- function(key, call, value) out[[length(out) + 1]] <<- list(key = key, call = call, value = f17(value))
//   veteran <- read.csv("data/veteran.csv")
//   veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))
//   trend <- function(fit, w) { o <- fit$obs; e <- fit$exp; if (is.matrix(o)) { o <- rowSums(o); e <- rowSums(e) }
//     u <- sum(w * (o - e)); v <- drop(t(w) %*% fit$var %*% w); c(u, v, u^2 / v, pchisq(u^2 / v, 1, lower.tail = FALSE)) }
//   for (rho in c(0, 1)) {
//     fit <- survdiff(Surv(time, status) ~ celltype, data = veteran, rho = rho)
//     call <- sprintf("fit <- survdiff(Surv(time, status) ~ celltype, data = veteran, rho = %d); w <- 1:4; o <- fit$obs; e <- fit$exp; u <- sum(w * (o - e)); v <- drop(t(w) %%*%% fit$var %%*%% w); c(u, v, u^2/v, pchisq(u^2/v, 1, lower.tail = FALSE))", rho)
//     add(sprintf("trend_celltype_rho%d", rho), call, trend(fit, 1:4))
//   }
//   fit <- survdiff(Surv(time, status) ~ celltype, data = veteran)
//   add("trend_celltype_scores_1_2_4_8", "same with rho = 0 and w <- c(1, 2, 4, 8)", trend(fit, c(1, 2, 4, 8)))
//   fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = veteran)
//   add("trend_celltype_strata_trt", "fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = veteran); w <- 1:4; o <- rowSums(fit$obs); e <- rowSums(fit$exp); u, v, u^2/v, p as above", trend(fit, 1:4))
//   add("logrank_celltype_strata_trt", "fit$chisq, fit$obs (rows: groups), fit$exp, for the fit above", c(fit$chisq, rowSums(fit$obs), rowSums(fit$exp)))
//   # pairwise (survminer::pairwise_survdiff logic: survdiff on each two-group subset, p = pchisq(chisq, 1, lower = FALSE), p.adjust)
//   lv <- levels(veteran$celltype)
//   for (strat in c(FALSE, TRUE)) for (rho in c(0, 1)) {
//     ps <- c(); chis <- c()
//     for (i in 1:3) for (j in (i+1):4) {
//       d <- veteran[veteran$celltype %in% lv[c(i, j)], ]; d$celltype <- droplevels(d$celltype)
//       fit <- if (strat) survdiff(Surv(time, status) ~ celltype + strata(trt), data = d, rho = rho) else survdiff(Surv(time, status) ~ celltype, data = d, rho = rho)
//       chis <- c(chis, fit$chisq); ps <- c(ps, pchisq(fit$chisq, 1, lower.tail = FALSE))
//     }
//     key <- sprintf("pairwise_celltype%s_rho%d", if (strat) "_strata_trt" else "", rho)
//     call <- sprintf("for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %%in%% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype%s, data = d, rho = %d); pchisq(fit$chisq, 1, lower.tail = FALSE)", if (strat) " + strata(trt)" else "", rho)
//     add(paste0(key, "_chisq"), call, chis)
//     add(paste0(key, "_p"), call, ps)
//     for (m in c("holm", "BH", "bonferroni")) add(paste0(key, "_", m), sprintf("p.adjust(p, method = \"%s\")", m), p.adjust(ps, m))
//   }
//   # p.adjust with ties and NA
//   pv <- c(0.01, 0.04, 0.04, NA, 0.2, 0.03)
//   for (m in c("holm", "BH", "bonferroni")) add(paste0("padjust_", m), sprintf("p.adjust(c(0.01, 0.04, 0.04, NA, 0.2, 0.03), method = \"%s\")", m), p.adjust(pv, m))
//   for (x in out) cat(x$key, "\t", x$call, "\t", paste(x$value, collapse = " "), "\n", sep = "")

/// Trend, pairwise and p-value adjustment reference values computed with R.
enum ExtraReference {
  /// `fit <- survdiff(Surv(time, status) ~ celltype, data = veteran, rho = 0); w <- 1:4; o <- fit$obs; e <- fit$exp; u <- sum(w * (o - e)); v <- drop(t(w) %*% fit$var %*% w); c(u, v, u^2/v, pchisq(u^2/v, 1, lower.tail = FALSE))`
  static let trendCelltypeRho0: [Double?] = [
    9.861956285416234, 178.06381838462468, 0.5461984509698616,
    0.4598751788365595,
  ]

  /// `fit <- survdiff(Surv(time, status) ~ celltype, data = veteran, rho = 1); w <- 1:4; o <- fit$obs; e <- fit$exp; u <- sum(w * (o - e)); v <- drop(t(w) %*% fit$var %*% w); c(u, v, u^2/v, pchisq(u^2/v, 1, lower.tail = FALSE))`
  static let trendCelltypeRho1: [Double?] = [
    -3.8163458746792376, 58.08668343562066, 0.25073725979420974,
    0.6165564279768392,
  ]

  /// `same with rho = 0 and w <- c(1, 2, 4, 8)`
  static let trendCelltypeScores1248: [Double?] = [
    -14.029721874341512, 1017.4416025785769, 0.19345886326303952,
    0.6600532929074693,
  ]

  /// `fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = veteran); w <- 1:4; o <- rowSums(fit$obs); e <- rowSums(fit$exp); u, v, u^2/v, p as above`
  static let trendCelltypeStrataTrt: [Double?] = [
    4.194100367664241, 166.07437254632543, 0.10591927956334482,
    0.744838685291437,
  ]

  /// `fit$chisq, fit$obs (rows: groups), fit$exp, for the fit above`
  static let logrankCelltypeStrataTrt: [Double?] = [
    22.782119935337768, 31, 45,
    26, 26, 45.181837394689175,
    30.637138892249226, 16.37431039909829, 35.806713313963314,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype, data = d, rho = 0); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeRho0Chisq: [Double?] = [
    11.573673919989016, 12.04548364108013, 0.8225939786561558,
    0.09684319197100463, 9.370904148183774, 17.669321529323053,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype, data = d, rho = 0); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeRho0P: [Double?] = [
    0.0006689212250414703, 0.000519180149283958, 0.3644228374841029,
    0.7556513286871211, 0.002204567518961785, 2.628316878476322e-05,
  ]

  /// `p.adjust(p, method = "holm")`
  static let pairwiseCelltypeRho0Holm: [Double?] = [
    0.0026756849001658813, 0.0025959007464197896, 0.7288456749682058,
    0.7556513286871211, 0.0066137025568853555, 0.00015769901270857933,
  ]

  /// `p.adjust(p, method = "BH")`
  static let pairwiseCelltypeRho0Bh: [Double?] = [
    0.0013378424500829406, 0.0013378424500829406, 0.4373074049809235,
    0.7556513286871211, 0.0033068512784426777, 0.00015769901270857933,
  ]

  /// `p.adjust(p, method = "bonferroni")`
  static let pairwiseCelltypeRho0Bonferroni: [Double?] = [
    0.004013527350248822, 0.003115080895703748, 1,
    1, 0.013227405113770711, 0.00015769901270857933,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype, data = d, rho = 1); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeRho1Chisq: [Double?] = [
    7.887925257693692, 6.484904989048393, 0.02148353138287409,
    0.041861399458775116, 12.292752052758702, 13.83173737956261,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype, data = d, rho = 1); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeRho1P: [Double?] = [
    0.004976592014046326, 0.010879435392233941, 0.8834693704851104,
    0.8378841981609259, 0.00045472072716153306, 0.00019993042665849095,
  ]

  /// `p.adjust(p, method = "holm")`
  static let pairwiseCelltypeRho1Holm: [Double?] = [
    0.019906368056185304, 0.032638306176701826, 1,
    1, 0.002273603635807665, 0.0011995825599509457,
  ]

  /// `p.adjust(p, method = "BH")`
  static let pairwiseCelltypeRho1Bh: [Double?] = [
    0.009953184028092652, 0.016319153088350913, 0.8834693704851104,
    0.8834693704851104, 0.0013641621814845992, 0.0011995825599509457,
  ]

  /// `p.adjust(p, method = "bonferroni")`
  static let pairwiseCelltypeRho1Bonferroni: [Double?] = [
    0.029859552084277957, 0.06527661235340365, 1,
    1, 0.0027283243629691984, 0.0011995825599509457,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = d, rho = 0); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeStrataTrtRho0Chisq: [Double?] = [
    9.060377867525988, 10.238635741366402, 0.0914303056814676,
    0.0008339516795857142, 11.028478827425802, 11.954810030891744,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = d, rho = 0); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeStrataTrtRho0P: [Double?] = [
    0.0026120799143205353, 0.0013752926667285248, 0.7623666325923513,
    0.9769617150665927, 0.0008972274252471154, 0.0005450648461913005,
  ]

  /// `p.adjust(p, method = "holm")`
  static let pairwiseCelltypeStrataTrtRho0Holm: [Double?] = [
    0.007836239742961605, 0.005501170666914099, 1,
    1, 0.004486137126235577, 0.0032703890771478028,
  ]

  /// `p.adjust(p, method = "BH")`
  static let pairwiseCelltypeStrataTrtRho0Bh: [Double?] = [
    0.003918119871480803, 0.0027505853334570496, 0.9148399591108215,
    0.9769617150665927, 0.0026916822757413464, 0.0026916822757413464,
  ]

  /// `p.adjust(p, method = "bonferroni")`
  static let pairwiseCelltypeStrataTrtRho0Bonferroni: [Double?] = [
    0.01567247948592321, 0.008251756000371148, 1,
    1, 0.005383364551482693, 0.0032703890771478028,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = d, rho = 1); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeStrataTrtRho1Chisq: [Double?] = [
    7.5953654193918645, 5.64839133435482, 0.24998435831780857,
    0.09352297774207709, 12.620398615285573, 10.421046258726141,
  ]

  /// `for pairs (i<j) in order (1,2),(1,3),(1,4),(2,3),(2,4),(3,4): d <- veteran[veteran$celltype %in% levels(veteran$celltype)[c(i,j)], ]; fit <- survdiff(Surv(time, status) ~ celltype + strata(trt), data = d, rho = 1); pchisq(fit$chisq, 1, lower.tail = FALSE)`
  static let pairwiseCelltypeStrataTrtRho1P: [Double?] = [
    0.0058518533438867105, 0.01747139263515076, 0.6170860914552267,
    0.7597453033777684, 0.00038155995769467325, 0.001245872922024185,
  ]

  /// `p.adjust(p, method = "holm")`
  static let pairwiseCelltypeStrataTrtRho1Holm: [Double?] = [
    0.023407413375546842, 0.05241417790545228, 1,
    1, 0.0022893597461680396, 0.0062293646101209245,
  ]

  /// `p.adjust(p, method = "BH")`
  static let pairwiseCelltypeStrataTrtRho1Bh: [Double?] = [
    0.011703706687773421, 0.02620708895272614, 0.7405033097462721,
    0.7597453033777684, 0.0022893597461680396, 0.003737618766072555,
  ]

  /// `p.adjust(p, method = "bonferroni")`
  static let pairwiseCelltypeStrataTrtRho1Bonferroni: [Double?] = [
    0.03511112006332026, 0.10482835581090456, 1,
    1, 0.0022893597461680396, 0.00747523753214511,
  ]

  /// `p.adjust(c(0.01, 0.04, 0.04, NA, 0.2, 0.03), method = "holm")`
  static let padjustHolm: [Double?] = [
    0.05, 0.12, 0.12,
    nil, 0.2, 0.12,
  ]

  /// `p.adjust(c(0.01, 0.04, 0.04, NA, 0.2, 0.03), method = "BH")`
  static let padjustBh: [Double?] = [
    0.05, 0.05, 0.05,
    nil, 0.2, 0.05,
  ]

  /// `p.adjust(c(0.01, 0.04, 0.04, NA, 0.2, 0.03), method = "bonferroni")`
  static let padjustBonferroni: [Double?] = [
    0.05, 0.2, 0.2,
    nil, 1, 0.15,
  ]

}
