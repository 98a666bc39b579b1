// Reference values computed with R 4.2.2 (survival 3.5.3), copied from the project's R
// reference set (reference/r/*.json) or computed by the R code shown. Each block names the R call
// that produced it; numbers are the shortest decimals that round-trip R's doubles (sprintf("%.17g")
// prints them). Change them only by recomputing them in R.

extension KaplanMeierReference {
  /// `aml <- read.csv("data/aml.csv"); aml$x <- factor(aml$x, levels = 1:2, labels = c("Maintained", "Nonmaintained"))`
  /// `fit <- survfit(Surv(time, status) ~ x, data = aml, conf.type = "log")` (and `conf.type = "log-log"`, `"plain"`).
  static let amlByX = KaplanMeierReference(
    name: "aml_by_x", dataset: ReferenceData.aml, groupColumn: "x",
    requestedTimes: [12, 24, 36, 48], restrictionTime: 40,
    commonRestrictionTime: 161,
    // survfit(Surv(time, 1 - status) ~ 1, data = aml, conf.type = "log") ; quantile(., 0.5, conf.int = TRUE)
    overallFollowUp: [
      .log: QuantileReference(estimate: 161, lower: 45, upper: nil),
      .logLog: QuantileReference(estimate: 161, lower: 28, upper: nil),
      .plain: QuantileReference(estimate: 161, lower: 45, upper: nil),
    ],
    groups: [
      KaplanMeierReference.Group(
        strata: "x=Maintained", code: "1", subjects: 11, events: 7,
        // fit$time, fit$n.risk, fit$n.event, fit$n.censor, fit$surv, fit$std.err,
        // summary(fit)$std.err (= surv * std.err), fit$cumhaz, fit$std.chaz
        time: [9, 13, 18, 23, 28, 31, 34, 45, 48, 161],
        atRisk: [11, 10, 8, 7, 6, 5, 4, 3, 2, 1],
        eventsByTime: [1, 1, 1, 1, 0, 1, 1, 0, 1, 0],
        censoredByTime: [0, 1, 0, 0, 1, 0, 0, 1, 0, 1],
        survival: [
          0.9090909090909091, 0.8181818181818181, 0.7159090909090908, 0.6136363636363635,
          0.6136363636363635, 0.49090909090909085, 0.36818181818181817, 0.36818181818181817,
          0.18409090909090908, 0.18409090909090908,
        ],
        standardErrorOfLog: [
          0.09534625892455922, 0.14213381090374028, 0.19508757792120712, 0.2487341690815455,
          0.2487341690815455, 0.33446776656157295, 0.44181672693778834, 0.44181672693778834,
          0.8337877548885089, 0.8337877548885089,
        ],
        standardError: [
          0.08667841720414475, 0.11629129983033294, 0.13966497055722782, 0.152632331027312,
          0.152632331027312, 0.1641932672211358, 0.1626688858270948, 0.1626688858270948,
          0.15349274578629368, 0.15349274578629368,
        ],
        cumulativeHazard: [
          0.09090909090909091, 0.19090909090909092, 0.3159090909090909, 0.45876623376623377,
          0.45876623376623377, 0.6587662337662338, 0.9087662337662338, 0.9087662337662338,
          1.4087662337662339, 1.4087662337662339,
        ],
        cumulativeHazardStandardError: [
          0.09090909090909091, 0.13514607952107732, 0.1840909090909091, 0.23301851015578887,
          0.23301851015578887, 0.3070791853500062, 0.39597679992042906, 0.39597679992042906,
          0.6378068877608829, 0.6378068877608829,
        ],
        // quantile(fit, probs = c(0.25, 0.5, 0.75), conf.int = TRUE)
        quantileProbabilities: [0.25, 0.5, 0.75], quantileTimes: [18, 31, 48],
        // summary(fit, times = c(12, 24, 36, 48), extend = TRUE) (extend = FALSE drops the times after the last observation)
        atTimes: TimesReference(
          time: [12, 24, 36, 48], isEstimable: [true, true, true, true],
          atRisk: [10, 6, 3, 2], events: [1, 3, 2, 1], censored: [0, 1, 1, 1],
          survival: [0.9090909090909091, 0.6136363636363635, 0.36818181818181817, 0.18409090909090908],
          standardError: [0.08667841720414475, 0.152632331027312, 0.1626688858270948, 0.15349274578629368]),
        // summary(fit, rmean = 40)$table   # identical numbers to print(fit, rmean = 40) ; summary(fit, rmean = "common")$table   # print(fit, rmean = "common")
        restrictedMean: (28.89772727272727, 3.4675776788915997),
        commonRestrictedMean: (52.64545454545454, 19.828602795562585),
        bands: [
          // conf.type = "log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .log: BandReference(
            lower: [
              0.7541338450815255, 0.6192489873993635, 0.48842628742212846, 0.37686705950167976,
              0.37686705950167976, 0.2548599511993173, 0.15487711789719105, 0.15487711789719105,
              0.03591789848918526, 0.03591789848918526,
            ],
            upper: [
              1, 1, 1, 0.9991576002284727,
              0.9991576002284727, 0.9455849552004292, 0.8752606781439076, 0.8752606781439076,
              0.943525769474552, 0.943525769474552,
            ],
            quantileLower: [13, 18, 34], quantileUpper: [nil, nil, nil],
            atTimesLower: [0.7541338450815255, 0.37686705950167976, 0.15487711789719105, 0.03591789848918526],
            atTimesUpper: [1, 0.9991576002284727, 0.8752606781439076, 0.943525769474552],
            // survfit(Surv(time, 1 - status) ~ x, data = aml, conf.type = "log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 103, lower: 28, upper: nil)),
          // conf.type = "log-log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .logLog: BandReference(
            lower: [
              0.5080802057699297, 0.4474286146821814, 0.3501903859079384, 0.2657520400012861,
              0.2657520400012861, 0.1673309097768508, 0.09282957493698518, 0.09282957493698518,
              0.011738480123189602, 0.011738480123189602,
            ],
            upper: [
              0.9866738226678231, 0.9511622285824917, 0.8990239741910534, 0.8352992432502214,
              0.8352992432502214, 0.7533997903708113, 0.6570408323981638, 0.6570408323981638,
              0.5250148427266415, 0.5250148427266415,
            ],
            quantileLower: [9, 13, 31], quantileUpper: [34, nil, nil],
            atTimesLower: [0.5080802057699297, 0.2657520400012861, 0.09282957493698518, 0.011738480123189602],
            atTimesUpper: [0.9866738226678231, 0.8352992432502214, 0.6570408323981638, 0.5250148427266415],
            // survfit(Surv(time, 1 - status) ~ x, data = aml, conf.type = "log-log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 103, lower: 13, upper: nil)),
          // conf.type = "plain": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .plain: BandReference(
            lower: [
              0.7392043331338484, 0.5902550587990167, 0.4421707787150773, 0.3144824919464367,
              0.3144824919464367, 0.16909620065170372, 0.0493566605554544, 0.0493566605554544,
              0, 0,
            ],
            upper: [
              1, 1, 0.9896474031031044, 0.9127902353262904,
              0.9127902353262904, 0.812721981166478, 0.6870069758081819, 0.6870069758081819,
              0.48493116272020675, 0.48493116272020675,
            ],
            quantileLower: [9, 18, 31], quantileUpper: [34, 48, nil],
            atTimesLower: [0.7392043331338484, 0.3144824919464367, 0.0493566605554544, 0],
            atTimesUpper: [1, 0.9127902353262904, 0.6870069758081819, 0.48493116272020675],
            // survfit(Surv(time, 1 - status) ~ x, data = aml, conf.type = "plain") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 103, lower: 28, upper: nil)),
        ]),
      KaplanMeierReference.Group(
        strata: "x=Nonmaintained", code: "2", subjects: 12, events: 11,
        // fit$time, fit$n.risk, fit$n.event, fit$n.censor, fit$surv, fit$std.err,
        // summary(fit)$std.err (= surv * std.err), fit$cumhaz, fit$std.chaz
        time: [5, 8, 12, 16, 23, 27, 30, 33, 43, 45],
        atRisk: [12, 10, 8, 7, 6, 5, 4, 3, 2, 1],
        eventsByTime: [2, 2, 1, 0, 1, 1, 1, 1, 1, 1],
        censoredByTime: [0, 0, 0, 1, 0, 0, 0, 0, 0, 0],
        survival: [
          0.8333333333333334, 0.6666666666666667, 0.5833333333333334, 0.5833333333333334,
          0.48611111111111116, 0.38888888888888895, 0.29166666666666674, 0.19444444444444448,
          0.09722222222222224, 0,
        ],
        standardErrorOfLog: [
          0.12909944487358055, 0.2041241452319315, 0.2439750182371333, 0.2439750182371333,
          0.304724700110022, 0.3779644730092272, 0.4755948656056709, 0.6267831705280087,
          0.944911182523068, .infinity,
        ],
        standardError: [
          0.1075828707279838, 0.13608276348795437, 0.14231876063832777, 0.14231876063832777,
          0.14813006255348293, 0.1469861839480328, 0.13871516913498738, 0.12187450538044615,
          0.09186636496752051, nil,
        ],
        cumulativeHazard: [
          0.16666666666666666, 0.3666666666666667, 0.4916666666666667, 0.4916666666666667,
          0.6583333333333333, 0.8583333333333334, 1.1083333333333334, 1.4416666666666667,
          1.9416666666666667, 2.9416666666666664,
        ],
        cumulativeHazardStandardError: [
          0.11785113019775792, 0.18408935028645435, 0.22251716538031147, 0.22251716538031147,
          0.27801378862687126, 0.34247870980057527, 0.424018474440285, 0.5393540375094802,
          0.7354609287907671, 1.2413310508392907,
        ],
        // quantile(fit, probs = c(0.25, 0.5, 0.75), conf.int = TRUE)
        quantileProbabilities: [0.25, 0.5, 0.75], quantileTimes: [8, 23, 33],
        // summary(fit, times = c(12, 24, 36, 48), extend = TRUE) (extend = FALSE drops the times after the last observation)
        atTimes: TimesReference(
          time: [12, 24, 36, 48], isEstimable: [true, true, true, false],
          atRisk: [8, 5, 2, 0], events: [5, 1, 3, 2], censored: [0, 1, 0, 0],
          survival: [0.5833333333333334, 0.48611111111111116, 0.19444444444444448, 0],
          standardError: [0.14231876063832777, 0.14813006255348293, 0.12187450538044615, nil]),
        // summary(fit, rmean = 40)$table   # identical numbers to print(fit, rmean = 40) ; summary(fit, rmean = "common")$table   # print(fit, rmean = "common")
        restrictedMean: (21.930555555555557, 3.8356411631845924),
        commonRestrictedMean: (22.708333333333336, 4.180941981033154),
        bands: [
          // conf.type = "log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .log: BandReference(
            lower: [
              0.6470369870133617, 0.4468460811502639, 0.3616137052103847, 0.3616137052103847,
              0.2675182488582666, 0.18539652609555676, 0.1148311501524704, 0.056921552571604174,
              0.0152565271708652, nil,
            ],
            upper: [
              1, 0.9946253602590915, 0.9409980121738093, 0.9409980121738093,
              0.8833192253395576, 0.8157357156912723, 0.7408220185158038, 0.6642236598825634,
              0.6195486291190556, nil,
            ],
            quantileLower: [5, 8, 27], quantileUpper: [30, nil, nil],
            atTimesLower: [0.3616137052103847, 0.2675182488582666, 0.056921552571604174, nil],
            atTimesUpper: [0.9409980121738093, 0.8833192253395576, 0.6642236598825634, nil],
            // survfit(Surv(time, 1 - status) ~ x, data = aml, conf.type = "log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: nil, lower: nil, upper: nil)),
          // conf.type = "log-log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .logLog: BandReference(
            lower: [
              0.48171494219537886, 0.33701893254140197, 0.27013892408549733, 0.27013892408549733,
              0.1918766196187283, 0.12627201219539366, 0.07240160890777184, 0.03119864293121194,
              0.005746305695863835, nil,
            ],
            upper: [
              0.9555093657280649, 0.8597117990844398, 0.8009401923333869, 0.8009401923333869,
              0.7296715697794854, 0.6498174082893151, 0.5608860526714092, 0.4614294762381139,
              0.3489038611107497, nil,
            ],
            quantileLower: [5, 5, 23], quantileUpper: [23, 33, nil],
            atTimesLower: [0.27013892408549733, 0.1918766196187283, 0.03119864293121194, nil],
            atTimesUpper: [0.8009401923333869, 0.7296715697794854, 0.4614294762381139, nil],
            // survfit(Surv(time, 1 - status) ~ x, data = aml, conf.type = "log-log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: nil, lower: 16, upper: nil)),
          // conf.type = "plain": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .plain: BandReference(
            lower: [
              0.6224747813530568, 0.399949351313594, 0.30439368815783435, 0.30439368815783435,
              0.19578152347861938, 0.10080126212576529, 0.01978993105270943, 0,
              0, nil,
            ],
            upper: [
              1, 0.9333839820197395, 0.8622729785088323, 0.8622729785088323,
              0.776440698743603, 0.6769765156520127, 0.563543402280624, 0.43331408562375195,
              0.2772769889491745, nil,
            ],
            quantileLower: [5, 8, 23], quantileUpper: [27, 33, nil],
            atTimesLower: [0.30439368815783435, 0.19578152347861938, 0, nil],
            atTimesUpper: [0.8622729785088323, 0.776440698743603, 0.43331408562375195, nil],
            // survfit(Surv(time, 1 - status) ~ x, data = aml, conf.type = "plain") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: nil, lower: nil, upper: nil)),
        ]),
    ])

}
