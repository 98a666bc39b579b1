// Reference values computed with R 4.2.2 (survival 3.5.3), copied from the project's R
// reference set (reference/r/*.json) or computed by the R code shown. Each block names the R call
// that produced it; numbers are the shortest decimals that round-trip R's doubles (sprintf("%.17g")
// prints them). Change them only by recomputing them in R.

extension LogRankReference {
  /// `aml <- read.csv("data/aml.csv"); aml$x <- factor(aml$x, levels = 1:2, labels = c("Maintained", "Nonmaintained"))`
  /// `fit <- survdiff(Surv(time, status) ~ x, data = aml, rho = 0)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let amlByXRho0 = LogRankReference(
    name: "aml_by_x_rho0", dataset: ReferenceData.aml, groupColumn: "x", strataColumn: nil, rho: 0,
    subjects: [11, 12],
    observed: [7, 11],
    expected: [10.689335992300725, 7.310664007699276],
    variance: [
      [4.007550745938735, -4.007550745938735],
      [-4.007550745938734, 4.007550745938733],
    ],
    observedByStratum: nil,
    chiSquare: 3.396388698977601, degreesOfFreedom: 1, pValue: 0.06533932204050513)

  /// `aml <- read.csv("data/aml.csv"); aml$x <- factor(aml$x, levels = 1:2, labels = c("Maintained", "Nonmaintained"))`
  /// `fit <- survdiff(Surv(time, status) ~ x, data = aml, rho = 1)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let amlByXRho1 = LogRankReference(
    name: "aml_by_x_rho1", dataset: ReferenceData.aml, groupColumn: "x", strataColumn: nil, rho: 1,
    subjects: [11, 12],
    observed: [3.845410628019324, 7.181504485852312],
    expected: [6.142857142857142, 4.884057971014492],
    variance: [
      [1.8991470284115888, -1.8991470284115888],
      [-1.8991470284115886, 1.8991470284115883],
    ],
    observedByStratum: nil,
    chiSquare: 2.7792795447517733, degreesOfFreedom: 1, pValue: 0.0954911154064931)

  /// `lung <- read.csv("data/lung.csv")`
  /// `fit <- survdiff(Surv(time, status) ~ sex, data = lung, rho = 0)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let lungBySexRho0 = LogRankReference(
    name: "lung_by_sex_rho0", dataset: ReferenceData.lung, groupColumn: "sex", strataColumn: nil, rho: 0,
    subjects: [138, 90],
    observed: [112, 53],
    expected: [91.5817390295728, 73.41826097042721],
    variance: [
      [40.37143397964261, -40.37143397964263],
      [-40.37143397964263, 40.37143397964265],
    ],
    observedByStratum: nil,
    chiSquare: 10.326741954885632, degreesOfFreedom: 1, pValue: 0.0013111645203554882)

  /// `lung <- read.csv("data/lung.csv")`
  /// `fit <- survdiff(Surv(time, status) ~ sex, data = lung, rho = 1)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let lungBySexRho1 = LogRankReference(
    name: "lung_by_sex_rho1", dataset: ReferenceData.lung, groupColumn: "sex", strataColumn: nil, rho: 1,
    subjects: [138, 90],
    observed: [70.3775422947522, 28.72865327218986],
    expected: [55.57108547178425, 43.53511009515778],
    variance: [
      [17.24308266696072, -17.243082666960717],
      [-17.243082666960717, 17.24308266696072],
    ],
    observedByStratum: nil,
    chiSquare: 12.714151401157508, degreesOfFreedom: 1, pValue: 0.00036289892759891056)

  /// `ovarian <- read.csv("data/ovarian.csv")`
  /// `fit <- survdiff(Surv(futime, fustat) ~ rx, data = ovarian, rho = 0)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let ovarianByRxRho0 = LogRankReference(
    name: "ovarian_by_rx_rho0", dataset: ReferenceData.ovarian, groupColumn: "rx", strataColumn: nil, rho: 0,
    subjects: [13, 13],
    observed: [7, 5],
    expected: [5.233531017149943, 6.766468982850057],
    variance: [
      [2.9361961294831556, -2.9361961294831556],
      [-2.9361961294831556, 2.936196129483155],
    ],
    observedByStratum: nil,
    chiSquare: 1.062739861291414, degreesOfFreedom: 1, pValue: 0.30259111698909524)

  /// `ovarian <- read.csv("data/ovarian.csv")`
  /// `fit <- survdiff(Surv(futime, fustat) ~ rx, data = ovarian, rho = 1)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let ovarianByRxRho1 = LogRankReference(
    name: "ovarian_by_rx_rho1", dataset: ReferenceData.ovarian, groupColumn: "rx", strataColumn: nil, rho: 1,
    subjects: [13, 13],
    observed: [5.892559074912016, 3.502714932126696],
    expected: [4.121618903971845, 5.273655103066867],
    variance: [
      [1.861424165236604, -1.861424165236604],
      [-1.8614241652366037, 1.861424165236604],
    ],
    observedByStratum: nil,
    chiSquare: 1.6848546116574985, degreesOfFreedom: 1, pValue: 0.19428063571404544)

  /// `veteran <- read.csv("data/veteran.csv"); veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))`
  /// `fit <- survdiff(Surv(time, status) ~ trt, data = veteran, rho = 0)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let veteranByTrtRho0 = LogRankReference(
    name: "veteran_by_trt_rho0", dataset: ReferenceData.veteran, groupColumn: "trt", strataColumn: nil, rho: 0,
    subjects: [69, 68],
    observed: [64, 64],
    expected: [64.5001966636009, 63.49980333639908],
    variance: [
      [30.410388399258853, -30.41038839925885],
      [-30.41038839925885, 30.410388399258864],
    ],
    observedByStratum: nil,
    chiSquare: 0.00822734320235077, degreesOfFreedom: 1, pValue: 0.9277272333400738)

  /// `veteran <- read.csv("data/veteran.csv"); veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))`
  /// `fit <- survdiff(Surv(time, status) ~ trt, data = veteran, rho = 1)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let veteranByTrtRho1 = LogRankReference(
    name: "veteran_by_trt_rho1", dataset: ReferenceData.veteran, groupColumn: "trt", strataColumn: nil, rho: 1,
    subjects: [69, 68],
    observed: [32.22505357414555, 35.21915591032446],
    expected: [35.36721088089227, 32.07699860357774],
    variance: [
      [11.33269623494227, -11.332696234942269],
      [-11.332696234942272, 11.332696234942278],
    ],
    observedByStratum: nil,
    chiSquare: 0.8712094929271769, degreesOfFreedom: 1, pValue: 0.35062068739312724)

  /// `veteran <- read.csv("data/veteran.csv"); veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))`
  /// `fit <- survdiff(Surv(time, status) ~ celltype, data = veteran, rho = 0)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let veteranByCelltypeRho0 = LogRankReference(
    name: "veteran_by_celltype_rho0", dataset: ReferenceData.veteran, groupColumn: "celltype", strataColumn: nil,
    rho: 0,
    subjects: [35, 48, 27, 27],
    observed: [
      31, 45, 26,
      26,
    ],
    expected: [
      47.65467767247537, 30.10207932681483, 15.693764614360491,
      34.549478386349314,
    ],
    variance: [
      [
        26.338406366706295, -9.533852020456552, -4.487323213544958,
        -12.317231132704787,
      ],
      [
        -9.533852020456552, 21.75426794061379, -4.4087293029850585,
        -7.811686617172171,
      ],
      [
        -4.487323213544958, -4.408729302985058, 12.966170060501438,
        -4.070117543971416,
      ],
      [
        -12.317231132704787, -7.81168661717217, -4.070117543971416,
        24.19903529384837,
      ],
    ],
    observedByStratum: nil,
    chiSquare: 25.403700345785357, degreesOfFreedom: 3, pValue: 1.2712459390060946e-05)

  /// `veteran <- read.csv("data/veteran.csv"); veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))`
  /// `fit <- survdiff(Surv(time, status) ~ celltype, data = veteran, rho = 1)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let veteranByCelltypeRho1 = LogRankReference(
    name: "veteran_by_celltype_rho1", dataset: ReferenceData.veteran, groupColumn: "celltype", strataColumn: nil,
    rho: 1,
    subjects: [35, 48, 27, 27],
    observed: [
      13.390472642596814, 28.42543314934026, 16.06599132028366,
      9.562312372249268,
    ],
    expected: [
      20.151109564007196, 19.005914349526414, 10.806772281000956,
      17.480413289935434,
    ],
    variance: [
      [
        9.047119658041991, -3.7477616648718866, -2.1561141263600563,
        -3.1432438668100504,
      ],
      [
        -3.747761664871887, 9.51414372824993, -2.507671766071208,
        -3.25871029730684,
      ],
      [
        -2.156114126360057, -2.507671766071209, 6.546543401150807,
        -1.882757508719541,
      ],
      [
        -3.1432438668100504, -3.2587102973068403, -1.8827575087195412,
        8.284711672836432,
      ],
    ],
    observedByStratum: nil,
    chiSquare: 19.709622458061506, degreesOfFreedom: 3, pValue: 0.0001949615885904642)

  /// `veteran <- read.csv("data/veteran.csv"); veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))`
  /// `fit <- survdiff(Surv(time, status) ~ trt + strata(celltype), data = veteran, rho = 0)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let veteranTrtStrataCelltypeRho0 = LogRankReference(
    name: "veteran_trt_strata_celltype_rho0", dataset: ReferenceData.veteran, groupColumn: "trt",
    strataColumn: "celltype", rho: 0,
    subjects: [69, 68],
    observed: [64, 64],
    expected: [68.2075529768725, 59.792447023127465],
    variance: [
      [25.227887279302458, -25.227887279302436],
      [-25.227887279302436, 25.22788727930244],
    ],
    observedByStratum: [[13, 28, 9, 14], [18, 17, 17, 12]],
    chiSquare: 0.7017433468443195, degreesOfFreedom: 1, pValue: 0.4021985237806742)

  /// `veteran <- read.csv("data/veteran.csv"); veteran$celltype <- factor(veteran$celltype, levels = 1:4, labels = c("squamous", "smallcell", "adeno", "large"))`
  /// `fit <- survdiff(Surv(time, status) ~ trt + strata(celltype), data = veteran, rho = 1)`; p = `pchisq(fit$chisq, df, lower.tail = FALSE)`
  static let veteranTrtStrataCelltypeRho1 = LogRankReference(
    name: "veteran_trt_strata_celltype_rho1", dataset: ReferenceData.veteran, groupColumn: "trt",
    strataColumn: "celltype", rho: 1,
    subjects: [69, 68],
    observed: [32.82485722407871, 36.02124385036665],
    expected: [36.110586864537886, 32.73551420990748],
    variance: [
      [10.692520165041483, -10.692520165041486],
      [-10.692520165041486, 10.692520165041493],
    ],
    observedByStratum: [
      [7.774124199387357, 14.186535493827163, 4.432098765432098, 6.432098765432097],
      [9.052108047897521, 10.166666666666668, 9.419753086419751, 7.382716049382714],
    ],
    chiSquare: 1.0096795800758795, degreesOfFreedom: 1, pValue: 0.31497961393984486)

  static let all: [LogRankReference] = [
    amlByXRho0,
    amlByXRho1,
    lungBySexRho0,
    lungBySexRho1,
    ovarianByRxRho0,
    ovarianByRxRho1,
    veteranByTrtRho0,
    veteranByTrtRho1,
    veteranByCelltypeRho0,
    veteranByCelltypeRho1,
    veteranTrtStrataCelltypeRho0,
    veteranTrtStrataCelltypeRho1,
  ]
}
