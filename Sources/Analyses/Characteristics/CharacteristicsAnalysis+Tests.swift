import SurvivalStatistics

extension CharacteristicsAnalysis {
  /// The test of a categorical variable from its levels × groups counts; nil when the data
  /// leave nothing to test (one level or one group with patients).
  ///
  /// Automatic choice: Fisher's exact test when an expected count is below 5, else the
  /// chi-square test as R's `chisq.test` (Yates-corrected for 2 × 2); when the exact test is
  /// beyond its work limit, the chi-square test with a note.
  static func categoricalTest(_ counts: [[Int]], _ variable: CharacteristicsRequest.Variable) throws
    -> TestResult?
  {
    func unusable(_ test: CharacteristicsRequest.Test) -> CharacteristicsError {
      CharacteristicsError(
        location: variable.location,
        message:
          "variable '\(variable.column)' is categorical; test '\(test.rawValue)' compares continuous values. Use 'chisq', 'fisher', 'auto' or 'none'"
      )
    }
    let nonEmptyLevels = counts.filter { $0.reduce(0, +) > 0 }
    let groups = counts.first?.indices.filter { j in counts.contains { $0[j] > 0 } } ?? []
    func chiSquare(note: String? = nil) throws(GroupComparisonError) -> TestResult {
      let test = try PearsonChiSquareTest(counts)
      return TestResult(
        test: .chiSquare, statistic: test.statistic,
        degreesOfFreedom: Double(test.degreesOfFreedom), pValue: test.pValue,
        note: note, isContinuityCorrected: test.isContinuityCorrected)
    }
    func fisher() throws(GroupComparisonError) -> TestResult {
      TestResult(
        test: .fisher, statistic: nil, degreesOfFreedom: nil,
        pValue: try FisherExactTest(counts).pValue)
    }
    switch variable.test {
    case .none: return nil
    case .tTest, .wilcoxon, .anova, .kruskal: throw unusable(variable.test)
    case .chiSquare, .fisher, .automatic: break
    }
    guard nonEmptyLevels.count > 1, groups.count > 1 else { return nil }
    do throws(GroupComparisonError) {
      switch variable.test {
      case .chiSquare: return try chiSquare()
      case .fisher: return try fisher()
      default:
        let expected = try PearsonChiSquareTest(counts).smallestExpected
        guard expected < 5 else { return try chiSquare() }
        do throws(GroupComparisonError) {
          return try fisher()
        } catch {
          guard case .exactTestTooLarge = error else { throw error }
          return try chiSquare(note: "Fisher's exact test beyond its work limit")
        }
      }
    } catch {
      throw CharacteristicsError(
        location: variable.location, message: "variable '\(variable.column)': \(error)")
    }
  }

  /// The test of a continuous variable from its values per group; nil when fewer than two groups
  /// have values.
  ///
  /// Automatic choice: rank tests for medians (Wilcoxon rank-sum for two groups, Kruskal–Wallis
  /// for more), Welch's t-test (two groups) or one-way ANOVA (more) for means.
  static func continuousTest(_ groups: [[Double]], _ variable: CharacteristicsRequest.Variable)
    throws -> TestResult?
  {
    let present = groups.filter { !$0.isEmpty }
    var test = variable.test
    switch test {
    case .none: return nil
    case .chiSquare, .fisher:
      throw CharacteristicsError(
        location: variable.location,
        message:
          "variable '\(variable.column)' is continuous; test '\(test.rawValue)' compares counts. Use 't-test', 'wilcoxon', 'anova', 'kruskal', 'auto' or 'none', or 'type: categorical'"
      )
    case .tTest, .wilcoxon:
      guard present.count <= 2 else {
        throw CharacteristicsError(
          location: variable.location,
          message:
            "variable '\(variable.column)': test '\(test.rawValue)' compares two groups, and there are \(present.count); use '\(test == .tTest ? "anova" : "kruskal")'"
        )
      }
    case .automatic:
      let usesMeans = variable.summary == .meanSD
      test = present.count == 2 ? (usesMeans ? .tTest : .wilcoxon) : (usesMeans ? .anova : .kruskal)
    case .anova, .kruskal: break
    }
    guard present.count > 1 else { return nil }
    do throws(GroupComparisonError) {
      switch test {
      case .tTest:
        let t = try TwoSampleTTest(present[0], present[1])
        return TestResult(
          test: test, statistic: t.statistic, degreesOfFreedom: t.degreesOfFreedom, pValue: t.pValue
        )
      case .wilcoxon:
        let w = try WilcoxonRankSumTest(present[0], present[1])
        return TestResult(
          test: test, statistic: w.statistic, degreesOfFreedom: nil, pValue: w.pValue)
      case .anova:
        let f = try OneWayAnalysisOfVariance(present)
        return TestResult(
          test: test, statistic: f.statistic, degreesOfFreedom: Double(f.betweenDegreesOfFreedom),
          pValue: f.pValue)
      default:
        let h = try KruskalWallisTest(present)
        return TestResult(
          test: test, statistic: h.statistic, degreesOfFreedom: Double(h.degreesOfFreedom),
          pValue: h.pValue)
      }
    } catch {
      // Too few values in a group or no variation: no P value, as there is nothing to test.
      switch error {
      case .tooFewObservations, .constantData: return nil
      default:
        throw CharacteristicsError(
          location: variable.location, message: "variable '\(variable.column)': \(error)")
      }
    }
  }
}
