// Reference values computed with R 4.2.2 by the script below; numbers are R's doubles printed
// with sprintf("%.17g"). Change them only by recomputing them in R.
//
//   f17 <- function(x) sprintf("%.17g", x)
//   cases <- list(c(10,21),c(2,4),c(7,13),c(5,9),c(8,17),c(0,10),c(10,10),c(0,1),c(1,1),c(1,10000),c(0,10000),c(10000,10000),c(9999,10000),c(5000,10000),c(3,7),c(37,250))
//   levels <- c(0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.999, 0.95, 0.95, 0.99, 0.9, 0.8)
//   cat("CP\n")
//   for (i in seq_along(cases)) { x <- cases[[i]][1]; n <- cases[[i]][2]; l <- levels[i]
//     ci <- binom.test(x, n, conf.level = l)$conf.int
//     cat(sprintf("    .init(successes: %d, trials: %d, level: %s, lower: %s, upper: %s),\n", x, n, l, f17(ci[1]), f17(ci[2]))) }
//   cat("WILSON\n")
//   for (i in seq_along(cases)) { x <- cases[[i]][1]; n <- cases[[i]][2]; l <- levels[i]
//     ci <- suppressWarnings(prop.test(x, n, conf.level = l, correct = FALSE))$conf.int
//     cat(sprintf("    .init(successes: %d, trials: %d, level: %s, lower: %s, upper: %s),\n", x, n, l, f17(ci[1]), f17(ci[2]))) }
//   cat("FISHER\n")
//   tabs <- list(
//    matrix(c(10,11,7,6), nrow=2),
//    matrix(c(10,11,7,6,3,2), nrow=2),
//    matrix(c(0,5,5,0), nrow=2),
//    matrix(c(3,1,1,3), nrow=2),
//    matrix(c(1,9,11,3), nrow=2),
//    matrix(c(2,8,5,5,9,1,0,10), nrow=2),
//    matrix(c(0,10,0,12,0,7), nrow=2),
//    matrix(c(5,5,5,5,5,5), nrow=2),
//    matrix(c(120,4880,160,4840), nrow=2),
//    matrix(c(15,35,22,28,30,20,12,38,25,25), nrow=2),
//    matrix(c(1,0,0,1,1,0), nrow=2)
//   )
//   for (t in tabs) { p <- fisher.test(t)$p.value
//     cat(sprintf("    .init(table: [[%s], [%s]], p: %s),\n", paste(t[1,], collapse=", "), paste(t[2,], collapse=", "), f17(p))) }

/// One binomial confidence interval from R.
struct ProportionReference {
  var successes: Int
  var trials: Int
  var level: Double
  var lower: Double
  var upper: Double
}

/// One Fisher test from R: the 2 × k table (rows as R's `t[1, ]`, `t[2, ]`) and its P value.
struct FisherReference {
  var table: [[Int]]
  var p: Double
}

enum ResponseReference {
  /// `binom.test(x, n, conf.level = level)$conf.int`
  static let clopperPearson: [ProportionReference] = [
    .init(successes: 10, trials: 21, level: 0.95, lower: 0.25713062640640683, upper: 0.702193161216357),
    .init(successes: 2, trials: 4, level: 0.95, lower: 0.067585986488542998, upper: 0.93241401351145703),
    .init(successes: 7, trials: 13, level: 0.95, lower: 0.25134548227030351, upper: 0.80776755819871204),
    .init(successes: 5, trials: 9, level: 0.95, lower: 0.21200850677886807, upper: 0.86300433773483343),
    .init(successes: 8, trials: 17, level: 0.95, lower: 0.2298326872659904, upper: 0.72188169966889348),
    .init(successes: 0, trials: 10, level: 0.95, lower: 0, upper: 0.30849710781876083),
    .init(successes: 10, trials: 10, level: 0.95, lower: 0.69150289218123917, upper: 1),
    .init(successes: 0, trials: 1, level: 0.95, lower: 0, upper: 0.97499999999999998),
    .init(successes: 1, trials: 1, level: 0.95, lower: 0.025000000000000022, upper: 1),
    .init(successes: 1, trials: 10000, level: 0.95, lower: 2.5317775934746866e-06, upper: 0.00055703699794704749),
    .init(successes: 0, trials: 10000, level: 0.999, lower: 0, upper: 0.00075980145053804898),
    .init(successes: 10000, trials: 10000, level: 0.95, lower: 0.99963118008538121, upper: 1),
    .init(successes: 9999, trials: 10000, level: 0.95, lower: 0.99944296300205293, upper: 0.99999746822240654),
    .init(successes: 5000, trials: 10000, level: 0.99, lower: 0.48707333515582107, upper: 0.51292666484417893),
    .init(successes: 3, trials: 7, level: 0.9, lower: 0.1287563928042427, upper: 0.77467841596755216),
    .init(successes: 37, trials: 250, level: 0.8, lower: 0.11942398214358595, upper: 0.18090262652582156),
  ]

  /// `prop.test(x, n, conf.level = level, correct = FALSE)$conf.int` (Wilson score interval)
  static let wilson: [ProportionReference] = [
    .init(successes: 10, trials: 21, level: 0.95, lower: 0.28344006101534175, upper: 0.67630465417155572),
    .init(successes: 2, trials: 4, level: 0.95, lower: 0.15003898915214955, upper: 0.84996101084785047),
    .init(successes: 7, trials: 13, level: 0.95, lower: 0.2914379571450601, upper: 0.76793932190461689),
    .init(successes: 5, trials: 9, level: 0.95, lower: 0.2666512934954931, upper: 0.81122147890233531),
    .init(successes: 8, trials: 17, level: 0.95, lower: 0.26165106442409442, upper: 0.69036764939995565),
    .init(successes: 0, trials: 10, level: 0.95, lower: 0, upper: 0.27753279986288915),
    .init(successes: 10, trials: 10, level: 0.95, lower: 0.72246720013711085, upper: 1),
    .init(successes: 0, trials: 1, level: 0.95, lower: 0, upper: 0.79345068562276255),
    .init(successes: 1, trials: 1, level: 0.95, lower: 0.2065493143772375, upper: 1),
    .init(successes: 1, trials: 10000, level: 0.95, lower: 1.7652673601122329e-05, upper: 0.0005662688974013379),
    .init(successes: 0, trials: 10000, level: 0.999, lower: 0, upper: 0.0010815855231841426),
    .init(successes: 10000, trials: 10000, level: 0.95, lower: 0.99961600162932329, upper: 1),
    .init(successes: 9999, trials: 10000, level: 0.95, lower: 0.9994337311025987, upper: 0.9999823473263989),
    .init(successes: 5000, trials: 10000, level: 0.99, lower: 0.4871251239475885, upper: 0.51287487605241155),
    .init(successes: 3, trials: 7, level: 0.9, lower: 0.18644319036395615, upper: 0.71052290898640702),
    .init(successes: 37, trials: 250, level: 0.8, lower: 0.12151788627697958, upper: 0.17907685493444281),
  ]

  /// `fisher.test(t)$p.value`
  static let fisher: [FisherReference] = [
    .init(table: [[10, 7], [11, 6]], p: 1),
    .init(table: [[10, 7, 3], [11, 6, 2]], p: 1),
    .init(table: [[0, 5], [5, 0]], p: 0.0079365079365079395),
    .init(table: [[3, 1], [1, 3]], p: 0.48571428571428582),
    .init(table: [[1, 11], [9, 3]], p: 0.0027594561852200862),
    .init(table: [[2, 5, 9, 0], [8, 5, 1, 10]], p: 0.00011015144789513759),
    .init(table: [[0, 0, 0], [10, 12, 7]], p: 1),
    .init(table: [[5, 5, 5], [5, 5, 5]], p: 1),
    .init(table: [[120, 160], [4880, 4840]], p: 0.017928238097601853),
    .init(table: [[15, 22, 30, 12, 25], [35, 28, 20, 38, 25]], p: 0.0013325411277210202),
    .init(table: [[1, 0, 1], [0, 1, 0]], p: 1),
  ]
}
