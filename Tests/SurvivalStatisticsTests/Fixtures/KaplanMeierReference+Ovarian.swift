// Reference values computed with R 4.2.2 (survival 3.5.3), copied from the project's R
// reference set (reference/r/*.json) or computed by the R code shown. Each block names the R call
// that produced it; numbers are the shortest decimals that round-trip R's doubles (sprintf("%.17g")
// prints them). Change them only by recomputing them in R.

extension KaplanMeierReference {
  /// `ovarian <- read.csv("data/ovarian.csv")`
  /// `fit <- survfit(Surv(futime, fustat) ~ rx, data = ovarian, conf.type = "log")` (and `conf.type = "log-log"`, `"plain"`).
  static let ovarianByRx = KaplanMeierReference(
    name: "ovarian_by_rx", dataset: ReferenceData.ovarian, groupColumn: "rx",
    requestedTimes: [365, 730], restrictionTime: 730,
    commonRestrictionTime: 1227,
    // survfit(Surv(futime, 1 - fustat) ~ 1, data = ovarian, conf.type = "log") ; quantile(., 0.5, conf.int = TRUE)
    overallFollowUp: [
      .log: QuantileReference(estimate: 803, lower: 769, upper: nil),
      .logLog: QuantileReference(estimate: 803, lower: 744, upper: 1106),
      .plain: QuantileReference(estimate: 803, lower: 744, upper: 1106),
    ],
    groups: [
      KaplanMeierReference.Group(
        strata: "rx=1", code: "1", subjects: 13, events: 7,
        // fit$time, fit$n.risk, fit$n.event, fit$n.censor, fit$surv, fit$std.err,
        // summary(fit)$std.err (= surv * std.err), fit$cumhaz, fit$std.chaz
        time: [
          59, 115, 156, 268, 329, 431, 448, 477, 638, 803,
          855, 1040, 1106,
        ],
        atRisk: [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
        eventsByTime: [1, 1, 1, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
        censoredByTime: [0, 0, 0, 0, 0, 0, 1, 1, 0, 1, 1, 1, 1],
        survival: [
          0.9230769230769231, 0.8461538461538461, 0.7692307692307692, 0.6923076923076923,
          0.6153846153846153, 0.5384615384615384, 0.5384615384615384, 0.5384615384615384,
          0.4307692307692308, 0.4307692307692308, 0.4307692307692308, 0.4307692307692308,
          0.4307692307692308,
        ],
        standardErrorOfLog: [
          0.08006407690254357, 0.11826247919781652, 0.15191090506255, 0.18490006540840973,
          0.2192645048267573, 0.25677629550654774, 0.25677629550654774, 0.25677629550654774,
          0.3404909190185047, 0.3404909190185047, 0.3404909190185047, 0.3404909190185047,
          0.3404909190185047,
        ],
        standardError: [
          0.07390530175619406, 0.10006825162892166, 0.11685454235580768, 0.1280077375904375,
          0.13493200297031216, 0.13826415911891032, 0.13826415911891032, 0.13826415911891032,
          0.1466730112695097, 0.1466730112695097, 0.1466730112695097, 0.1466730112695097,
          0.1466730112695097,
        ],
        cumulativeHazard: [
          0.07692307692307693, 0.16025641025641024, 0.2511655011655012, 0.35116550116550116,
          0.46227661227661226, 0.5872766122766122, 0.5872766122766122, 0.5872766122766122,
          0.7872766122766122, 0.7872766122766122, 0.7872766122766122, 0.7872766122766122,
          0.7872766122766122,
        ],
        cumulativeHazardStandardError: [
          0.07692307692307693, 0.11340901290355213, 0.14534808914352954, 0.1764258116537243,
          0.2084987914353968, 0.2430982230087688, 0.2430982230087688, 0.2430982230087688,
          0.31479635644336973, 0.31479635644336973, 0.31479635644336973, 0.31479635644336973,
          0.31479635644336973,
        ],
        // quantile(fit, probs = c(0.25, 0.5, 0.75), conf.int = TRUE)
        quantileProbabilities: [0.25, 0.5, 0.75], quantileTimes: [268, 638, nil],
        // summary(fit, times = c(365, 730), extend = TRUE) (extend = FALSE drops the times after the last observation)
        atTimes: TimesReference(
          time: [365, 730], isEstimable: [true, true],
          atRisk: [8, 4], events: [5, 2], censored: [0, 2],
          survival: [0.6153846153846153, 0.4307692307692308],
          standardError: [0.13493200297031216, 0.1466730112695097]),
        // summary(fit, rmean = 730)$table   # identical numbers to print(fit, rmean = 730) ; summary(fit, rmean = "common")$table   # print(fit, rmean = "common")
        restrictedMean: (487.6307692307692, 71.89623109396356),
        commonRestrictedMean: (701.7230769230769, 136.7785324144445),
        bands: [
          // conf.type = "log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .log: BandReference(
            lower: [
              0.789018575865243, 0.6710951930652491, 0.5711495656709802, 0.4818500807676748,
              0.4004131666541311, 0.3255264699715725, 0.3255264699715725, 0.3255264699715725,
              0.22101323374465753, 0.22101323374465753, 0.22101323374465753, 0.22101323374465753,
              0.22101323374465753,
            ],
            upper: [
              1, 1, 1, 0.9946868537716259,
              0.9457686619460814, 0.8906828020089633, 0.8906828020089633, 0.8906828020089633,
              0.8395973717659808, 0.8395973717659808, 0.8395973717659808, 0.8395973717659808,
              0.8395973717659808,
            ],
            quantileLower: [115, 268, 638], quantileUpper: [nil, nil, nil],
            atTimesLower: [0.4004131666541311, 0.22101323374465753],
            atTimesUpper: [0.9457686619460814, 0.8395973717659808],
            // survfit(Surv(futime, 1 - fustat) ~ rx, data = ovarian, conf.type = "log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 855, lower: 477, upper: nil)),
          // conf.type = "log-log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .logLog: BandReference(
            lower: [
              0.5663594661305218, 0.5122035906853932, 0.44214149792655644, 0.3733634841571721,
              0.3083368881999591, 0.24765732776923438, 0.24765732776923438, 0.24765732776923438,
              0.15565224448620255, 0.15565224448620255, 0.15565224448620255, 0.15565224448620255,
              0.15565224448620255,
            ],
            upper: [
              0.9887940623036894, 0.9591454605286409, 0.919115326239281, 0.8717501165125273,
              0.8184487118408623, 0.7599044402613399, 0.7599044402613399, 0.7599044402613399,
              0.6829715479365872, 0.6829715479365872, 0.6829715479365872, 0.6829715479365872,
              0.6829715479365872,
            ],
            quantileLower: [59, 156, 431], quantileUpper: [638, nil, nil],
            atTimesLower: [0.3083368881999591, 0.15565224448620255],
            atTimesUpper: [0.8184487118408623, 0.6829715479365872],
            // survfit(Surv(futime, 1 - fustat) ~ rx, data = ovarian, conf.type = "log-log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 855, lower: 448, upper: nil)),
          // conf.type = "plain": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .plain: BandReference(
            lower: [
              0.778225193368218, 0.6500236769652681, 0.5402000747834759, 0.44141713688798084,
              0.35092274920095196, 0.267468766235759, 0.267468766235759, 0.267468766235759,
              0.14329541117695438, 0.14329541117695438, 0.14329541117695438, 0.14329541117695438,
              0.14329541117695438,
            ],
            upper: [
              1, 1, 0.9982614636780625, 0.9431982477274037,
              0.8798464815682787, 0.8094543106873179, 0.8094543106873179, 0.8094543106873179,
              0.7182430503615072, 0.7182430503615072, 0.7182430503615072, 0.7182430503615072,
              0.7182430503615072,
            ],
            quantileLower: [115, 268, 638], quantileUpper: [638, nil, nil],
            atTimesLower: [0.35092274920095196, 0.14329541117695438],
            atTimesUpper: [0.8798464815682787, 0.7182430503615072],
            // survfit(Surv(futime, 1 - fustat) ~ rx, data = ovarian, conf.type = "plain") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 855, lower: 477, upper: 1040)),
        ]),
      KaplanMeierReference.Group(
        strata: "rx=2", code: "2", subjects: 13, events: 5,
        // fit$time, fit$n.risk, fit$n.event, fit$n.censor, fit$surv, fit$std.err,
        // summary(fit)$std.err (= surv * std.err), fit$cumhaz, fit$std.chaz
        time: [
          353, 365, 377, 421, 464, 475, 563, 744, 769, 770,
          1129, 1206, 1227,
        ],
        atRisk: [13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1],
        eventsByTime: [1, 1, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0],
        censoredByTime: [0, 0, 1, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1],
        survival: [
          0.9230769230769231, 0.8461538461538461, 0.8461538461538461, 0.8461538461538461,
          0.7521367521367521, 0.6581196581196581, 0.5641025641025641, 0.5641025641025641,
          0.5641025641025641, 0.5641025641025641, 0.5641025641025641, 0.5641025641025641,
          0.5641025641025641,
        ],
        standardErrorOfLog: [
          0.08006407690254357, 0.11826247919781652, 0.11826247919781652, 0.11826247919781652,
          0.1669577877036674, 0.21385052193540638, 0.26370735587307675, 0.26370735587307675,
          0.26370735587307675, 0.26370735587307675, 0.26370735587307675, 0.26370735587307675,
          0.26370735587307675,
        ],
        standardError: [
          0.07390530175619406, 0.10006825162892166, 0.10006825162892166, 0.10006825162892166,
          0.12557508818737376, 0.1407392323848401, 0.14875799562070996, 0.14875799562070996,
          0.14875799562070996, 0.14875799562070996, 0.14875799562070996, 0.14875799562070996,
          0.14875799562070996,
        ],
        cumulativeHazard: [
          0.07692307692307693, 0.16025641025641024, 0.16025641025641024, 0.16025641025641024,
          0.27136752136752135, 0.39636752136752135, 0.5392246642246642, 0.5392246642246642,
          0.5392246642246642, 0.5392246642246642, 0.5392246642246642, 0.5392246642246642,
          0.5392246642246642,
        ],
        cumulativeHazardStandardError: [
          0.07692307692307693, 0.11340901290355213, 0.11340901290355213, 0.11340901290355213,
          0.15876801699367454, 0.20206999584328134, 0.2474680716484651, 0.2474680716484651,
          0.2474680716484651, 0.2474680716484651, 0.2474680716484651, 0.2474680716484651,
          0.2474680716484651,
        ],
        // quantile(fit, probs = c(0.25, 0.5, 0.75), conf.int = TRUE)
        quantileProbabilities: [0.25, 0.5, 0.75], quantileTimes: [475, nil, nil],
        // summary(fit, times = c(365, 730), extend = TRUE) (extend = FALSE drops the times after the last observation)
        atTimes: TimesReference(
          time: [365, 730], isEstimable: [true, true],
          atRisk: [12, 6], events: [2, 3], censored: [0, 2],
          survival: [0.8461538461538461, 0.5641025641025641],
          standardError: [0.10006825162892166, 0.14875799562070996]),
        // summary(fit, rmean = 730)$table   # identical numbers to print(fit, rmean = 730) ; summary(fit, rmean = "common")$table   # print(fit, rmean = "common")
        restrictedMean: (608.2393162393163, 43.02402852534647),
        commonRestrictedMean: (888.5982905982905, 115.33268747071139),
        bands: [
          // conf.type = "log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .log: BandReference(
            lower: [
              0.789018575865243, 0.6710951930652491, 0.6710951930652491, 0.6710951930652491,
              0.5422281792785046, 0.43278775947996256, 0.3364263203407496, 0.3364263203407496,
              0.3364263203407496, 0.3364263203407496, 0.3364263203407496, 0.3364263203407496,
              0.3364263203407496,
            ],
            upper: [
              1, 1, 1, 1,
              1, 1, 0.945858524103544, 0.945858524103544,
              0.945858524103544, 0.945858524103544, 0.945858524103544, 0.945858524103544,
              0.945858524103544,
            ],
            quantileLower: [365, 475, nil], quantileUpper: [nil, nil, nil],
            atTimesLower: [0.6710951930652491, 0.3364263203407496],
            atTimesUpper: [1, 0.945858524103544],
            // survfit(Surv(futime, 1 - fustat) ~ rx, data = ovarian, conf.type = "log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 770, lower: 744, upper: nil)),
          // conf.type = "log-log": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .logLog: BandReference(
            lower: [
              0.5663594661305218, 0.5122035906853932, 0.5122035906853932, 0.5122035906853932,
              0.4071700209350326, 0.32002993796616785, 0.2436346966860566, 0.2436346966860566,
              0.2436346966860566, 0.2436346966860566, 0.2436346966860566, 0.2436346966860566,
              0.2436346966860566,
            ],
            upper: [
              0.9887940623036894, 0.9591454605286409, 0.9591454605286409, 0.9591454605286409,
              0.9136616957674984, 0.8575928110444601, 0.7928481784670474, 0.7928481784670474,
              0.7928481784670474, 0.7928481784670474, 0.7928481784670474, 0.7928481784670474,
              0.7928481784670474,
            ],
            quantileLower: [353, 464, 563], quantileUpper: [nil, nil, nil],
            atTimesLower: [0.5122035906853932, 0.2436346966860566],
            atTimesUpper: [0.9591454605286409, 0.7928481784670474],
            // survfit(Surv(futime, 1 - fustat) ~ rx, data = ovarian, conf.type = "log-log") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 770, lower: 421, upper: 1206)),
          // conf.type = "plain": fit$lower, fit$upper; quantile(...)$lower/$upper; summary(fit, times)$lower/$upper
          .plain: BandReference(
            lower: [
              0.778225193368218, 0.6500236769652681, 0.6500236769652681, 0.6500236769652681,
              0.5060141019340585, 0.38227583143355837, 0.27254225027360557, 0.27254225027360557,
              0.27254225027360557, 0.27254225027360557, 0.27254225027360557, 0.27254225027360557,
              0.27254225027360557,
            ],
            upper: [
              1, 1, 1, 1,
              0.9982594023394458, 0.9339634848057579, 0.8556628779315226, 0.8556628779315226,
              0.8556628779315226, 0.8556628779315226, 0.8556628779315226, 0.8556628779315226,
              0.8556628779315226,
            ],
            quantileLower: [365, 475, nil], quantileUpper: [nil, nil, nil],
            atTimesLower: [0.6500236769652681, 0.27254225027360557],
            atTimesUpper: [1, 0.8556628779315226],
            // survfit(Surv(futime, 1 - fustat) ~ rx, data = ovarian, conf.type = "plain") ; quantile(., 0.5, conf.int = TRUE)
            followUp: QuantileReference(estimate: 770, lower: 744, upper: 1206)),
        ]),
    ])

}
