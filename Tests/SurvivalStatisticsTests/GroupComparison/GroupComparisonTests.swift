import Testing

@testable import SurvivalStatistics

// Reference values computed with R 4.2.2 on the columns in `ComparisonData`, printed with
// sprintf("%.17g"). Change them only by recomputing them in R:
//
//   lung <- read.csv("data/lung.csv"); vet <- read.csv("data/veteran.csv"); ov <- read.csv("data/ovarian.csv")
//   t.test(age ~ sex, data = lung)                       # Welch: t, df, p
//   t.test(karno ~ trt, data = vet); t.test(wt.loss ~ sex, data = lung)
//   wilcox.test(age ~ sex, data = lung)                  # ties: normal approximation
//   wilcox.test(karno ~ trt, data = vet)
//   wilcox.test(age ~ rx, data = ov); wilcox.test(futime ~ rx, data = ov)   # exact
//   summary(aov(age ~ factor(celltype), data = vet)); summary(aov(karno ~ factor(celltype), data = vet))
//   kruskal.test(age ~ celltype, data = vet); kruskal.test(karno ~ celltype, data = vet)
//   chisq.test(table(vet$prior, vet$trt)); chisq.test(table(vet$prior, vet$trt), correct = FALSE)
//   chisq.test(table(vet$celltype, vet$trt)); chisq.test(table(lung$ph.ecog, lung$sex))
//   fisher.test(table(lung$ph.ecog, lung$sex)); fisher.test(table(vet$celltype, vet$trt))
//   fisher.test(table(vet$prior, vet$trt))
//   quantile(lung$age, c(.25, .5, .75)); quantile(lung$wt.loss, c(.25, .5, .75), na.rm = TRUE)
//   mean(lung$age); sd(lung$age)

/// The values of `values` in the rows where `group` is `level` and the value is present.
private func split(_ values: [Double?], by group: [Double], _ level: Double) -> [Double] {
  zip(values, group).compactMap { $1 == level ? $0 : nil }
}

private func split(_ values: [Double], by group: [Double], _ level: Double) -> [Double] {
  split(values.map { Optional($0) }, by: group, level)
}

/// The contingency table of two coded columns (rows: levels of `a`), R's `table(a, b)`.
private func crossTable(_ a: [Double?], _ b: [Double]) -> [[Int]] {
  let rows = Set(a.compactMap { $0 }).sorted()
  let columns = Set(b).sorted()
  return rows.map { r in columns.map { c in zip(a, b).filter { $0 == r && $1 == c }.count } }
}

@Suite("Tests comparing groups against R")
struct GroupComparisonReferenceTests {
  typealias D = ComparisonData

  @Test("Welch's t-test: t, df and P as R's t.test")
  func welch() throws {
    let cases: [(x: [Double], y: [Double], t: Double, df: Double, p: Double)] = [
      (
        split(D.lungAge, by: D.lungSex, 1), split(D.lungAge, by: D.lungSex, 2),
        1.8631761513845935, 194.71549828138458, 0.063943361198874601
      ),
      (
        split(D.veteranKarno, by: D.veteranTrt, 1), split(D.veteranKarno, by: D.veteranTrt, 2),
        0.37121406039778559, 132.16536383678701, 0.71107248552916702
      ),
      (
        split(D.lungWtLoss, by: D.lungSex, 1), split(D.lungWtLoss, by: D.lungSex, 2),
        1.8893793327606061, 180.50353407720033, 0.060444291924259097
      ),
    ]
    for c in cases {
      let test = try TwoSampleTTest(c.x, c.y)
      expectClose(test.statistic, c.t, relativeTolerance: 1e-12, "t")
      expectClose(test.degreesOfFreedom, c.df, relativeTolerance: 1e-12, "df")
      expectClose(test.pValue, c.p, relativeTolerance: 1e-10, "p")
    }
  }

  @Test("Wilcoxon rank-sum: W and P as R's wilcox.test, exact without ties, normal with them")
  func wilcoxon() throws {
    let cases: [(x: [Double], y: [Double], w: Double, p: Double, exact: Bool)] = [
      (
        split(D.lungAge, by: D.lungSex, 1), split(D.lungAge, by: D.lungSex, 2), 7136.5,
        0.057006281451711542, false
      ),
      (
        split(D.veteranKarno, by: D.veteranTrt, 1), split(D.veteranKarno, by: D.veteranTrt, 2),
        2419.5,
        0.75068828716669911, false
      ),
      (
        split(D.ovarianAge, by: D.ovarianRx, 1), split(D.ovarianAge, by: D.ovarianRx, 2), 77,
        0.72414553006557314, true
      ),
      (
        split(D.ovarianFutime, by: D.ovarianRx, 1), split(D.ovarianFutime, by: D.ovarianRx, 2), 61,
        0.24278426244639736, true
      ),
    ]
    for c in cases {
      let test = try WilcoxonRankSumTest(c.x, c.y)
      #expect(test.statistic == c.w)
      #expect(test.isExact == c.exact)
      expectClose(test.pValue, c.p, relativeTolerance: 1e-10, "p")
    }
  }

  @Test(
    "one-way ANOVA and Kruskal–Wallis of the four veteran cell types as R's aov and kruskal.test")
  func kGroups() throws {
    let cell = D.veteranCelltype
    for (values, f, pf, h, ph) in [
      (
        D.veteranAge, 0.76997968696499841, 0.51277400776070103, 2.8727056995020068,
        0.41167068547509339
      ),
      (
        D.veteranKarno, 2.1433792972405965, 0.09776507445170908, 6.4164302743999464,
        0.093017196736452146
      ),
    ] {
      let groups = [1.0, 2, 3, 4].map { split(values, by: cell, $0) }
      let anova = try OneWayAnalysisOfVariance(groups)
      expectClose(anova.statistic, f, relativeTolerance: 1e-12, "F")
      #expect(anova.betweenDegreesOfFreedom == 3 && anova.withinDegreesOfFreedom == 133)
      expectClose(anova.pValue, pf, relativeTolerance: 1e-10, "P(F)")
      let kruskal = try KruskalWallisTest(groups)
      expectClose(kruskal.statistic, h, relativeTolerance: 1e-12, "H")
      #expect(kruskal.degreesOfFreedom == 3)
      expectClose(kruskal.pValue, ph, relativeTolerance: 1e-10, "P(H)")
    }
  }

  @Test("Pearson's chi-square as R's chisq.test: Yates on 2 × 2 by default, r × c without")
  func chiSquare() throws {
    let prior = crossTable(D.veteranPrior.map { $0 }, D.veteranTrt)
    #expect(prior == [[48, 49], [21, 19]])
    let yates = try PearsonChiSquareTest(prior)
    #expect(yates.isContinuityCorrected && yates.degreesOfFreedom == 1)
    expectClose(yates.statistic, 0.017701673060528621, relativeTolerance: 1e-12, "Yates X²")
    expectClose(yates.pValue, 0.89415570841329972, relativeTolerance: 1e-10, "Yates P")
    let plain = try PearsonChiSquareTest(prior, correction: false)
    expectClose(plain.statistic, 0.10301549687557691, relativeTolerance: 1e-12, "X²")
    expectClose(plain.pValue, 0.74824049690010774, relativeTolerance: 1e-10, "P")
    let cell = try PearsonChiSquareTest(crossTable(D.veteranCelltype.map { $0 }, D.veteranTrt))
    #expect(cell.degreesOfFreedom == 3 && !cell.isContinuityCorrected)
    expectClose(cell.statistic, 7.0406949011488642, relativeTolerance: 1e-12, "celltype X²")
    expectClose(cell.pValue, 0.070611936755500287, relativeTolerance: 1e-10, "celltype P")
    let ecog = try PearsonChiSquareTest(crossTable(D.lungPhEcog, D.lungSex))
    expectClose(ecog.statistic, 1.3341065268947181, relativeTolerance: 1e-12, "ECOG X²")
    expectClose(ecog.pValue, 0.72105051534613118, relativeTolerance: 1e-10, "ECOG P")
    // ECOG 3 (one man) × women: 1 · 90 / 227.
    expectClose(ecog.smallestExpected, 90.0 / 227, relativeTolerance: 1e-15, "smallest expected")
  }

  @Test("Fisher's exact test of data tables as R's fisher.test")
  func fisherOnData() throws {
    for (table, p) in [
      (crossTable(D.lungPhEcog, D.lungSex), 0.82251022144159591),
      (crossTable(D.veteranCelltype.map { $0 }, D.veteranTrt), 0.069893728088340643),
      (crossTable(D.veteranPrior.map { $0 }, D.veteranTrt), 0.85133751200738828),
    ] {
      expectClose(try FisherExactTest(table).pValue, p, relativeTolerance: 1e-9, "\(table)")
    }
  }

  @Test("descriptive statistics as R's quantile (type 7), mean and sd")
  func descriptive() {
    let age = NumericSummary(D.lungAge)
    #expect(age.lowerQuartile == 56 && age.median == 63 && age.upperQuartile == 69)
    expectClose(age.mean, 62.44736842105263, relativeTolerance: 1e-14, "mean")
    expectClose(age.standardDeviation, 9.0734565734156227, relativeTolerance: 1e-13, "sd")
    let loss = NumericSummary(D.lungWtLoss.compactMap { $0 })
    #expect(loss.lowerQuartile == 0 && loss.median == 7 && loss.upperQuartile == 15.75)
    #expect(loss.count == 214)
  }
}

@Suite("Tests comparing groups: closed forms and refusals")
struct GroupComparisonEdgeTests {
  @Test("the exact Mann–Whitney distribution counts every split of the ranks (3 and 4 values)")
  func exactDistribution() {
    // Brute force: all C(7, 3) = 35 rank sets of the first sample.
    var counts = [Double](repeating: 0, count: 13)
    for a in 1...5 {
      for b in (a + 1)...6 {
        for c in (b + 1)...7 { counts[a + b + c - 6] += 1 }
      }
    }
    let distribution = _MannWhitneyDistribution(3, 4)
    #expect(distribution.counts == counts)
    #expect(distribution.total == 35)
    #expect(abs(distribution.lowerTail(atMost: 1) - 2.0 / 35) < 1e-15)
    #expect(abs(distribution.upperTail(atLeast: 11) - 2.0 / 35) < 1e-15)
  }

  @Test("Welch's t with two groups of two equals the closed form; the F test of two groups is t²")
  func closedForms() throws {
    let t = try TwoSampleTTest([1, 3], [2, 6])
    // Means 2 and 4, variances 2 and 8: t = −2/√5, df = 25/17.
    expectClose(t.statistic, -2 / 5.0.squareRoot(), relativeTolerance: 1e-15, "t")
    expectClose(t.degreesOfFreedom, 25.0 / 17, relativeTolerance: 1e-15, "df")
    let x: [Double] = [3, 5, 8, 1, 9]
    let y: [Double] = [7, 12, 10, 6]
    let student = try TwoSampleTTest(x, y, equalVariances: true)
    let anova = try OneWayAnalysisOfVariance([x, y])
    expectClose(
      anova.statistic, student.statistic * student.statistic, relativeTolerance: 1e-13, "F = t²")
    expectClose(anova.pValue, student.pValue, relativeTolerance: 1e-12, "same P")
  }

  @Test("tests refuse data they cannot use, with messages")
  func refusals() {
    #expect(
      throws: GroupComparisonError.tooFewObservations(
        test: "the t-test", needed: "at least two values in each group")
    ) {
      try TwoSampleTTest([1], [2, 3])
    }
    #expect(throws: GroupComparisonError.constantData(test: "the t-test")) {
      try TwoSampleTTest([2, 2], [2, 2])
    }
    #expect(throws: GroupComparisonError.constantData(test: "the Wilcoxon rank-sum test")) {
      try WilcoxonRankSumTest([1, 1, 1], [1, 1])
    }
    #expect(throws: GroupComparisonError.nonFiniteValue(.infinity)) {
      try KruskalWallisTest([[1, .infinity], [2]])
    }
    #expect(
      GroupComparisonError.tooFewObservations(
        test: "the chi-square test", needed: "at least two levels in at least two groups"
      )
      .description == "the chi-square test needs at least two levels in at least two groups")
    #expect(
      GroupComparisonError.constantData(test: "the t-test").description
        == "the t-test is undefined: every value is the same")
    #expect(
      throws: GroupComparisonError.tooFewObservations(
        test: "the chi-square test", needed: "at least two levels in at least two groups")
    ) {
      try PearsonChiSquareTest([[3, 0], [4, 0]])
    }
  }
}
