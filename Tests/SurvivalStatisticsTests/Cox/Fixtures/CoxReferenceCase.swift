import SurvivalStatistics
import Testing

/// A Cox model whose results R recorded in the shared reference JSON files.
struct CoxReferenceCase: Sendable, CustomTestStringConvertible {
  struct Test: Sendable {
    let chisq: Double
    let df: Int
    let p: Double
    init(_ chisq: Double, _ df: Int, _ p: Double) {
      self.chisq = chisq
      self.df = df
      self.p = p
    }
  }
  struct Concordance: Sendable {
    let concordance, se, concordant, discordant, tiedX, tiedY, tiedXY: Double
  }
  struct TermTest: Sendable {
    let term: String
    let df: Int
    let waldChisq, waldP, lrChisq, lrP: Double
  }
  struct ZPH: Sendable {
    let terms: [String]
    let chisq: [Double]
    let df: [Int]
    let p: [Double]
  }

  let id: String
  let rCall: String
  let data: ModelData
  let formula: String
  let ties: CoxRegressionOptions.Ties
  let n, events, dropped, iterations: Int
  let rWarnings: [String]
  let names: [String]
  let coef, se, hazardRatio, lower, upper, z, p: [Double]
  let variance: [Double]
  let means: [Double]
  let logLikelihood: (Double, Double)
  let likelihoodRatio, wald, score: Test
  let concordance: Concordance
  let rSquared: (Double, Double)
  let termTests: [TermTest]
  let zph: ZPH?
  let convergedCoef: [Double]?

  var testDescription: String { id }
}

/// A Cox model computed with R for these tests (interactions, transforms, strata).
struct ExtraCoxCase: Sendable, CustomTestStringConvertible {
  let id: String
  let rCall: String
  let data: ModelData
  let formula: String
  let ties: CoxRegressionOptions.Ties
  let n, events, dropped, iterations: Int
  let names: [String]
  let coef, se, variance: [Double]
  let logLikelihood: (Double, Double)
  let likelihoodRatio, wald, score: Double
  /// concordant, discordant, tied.x, tied.y, tied.xy, concordance, std
  let concordance: [Double]
  let termWald: [(String, Int, Double)]
  let nestedLikelihoodRatio: CoxReferenceCase.Test?

  var testDescription: String { id }
}

/// A model selection run by hand in R.
struct SelectionReference: Sendable {
  let criterion: CoxModelSelection.Criterion
  let univariableP: [Double]
  let screened: [String]
  let removed: [(String, Double)]
  let final: [String]
  let finalCoef: [Double]
}

/// Tolerance checks that report expected, observed and relative error.
enum CoxCheck {
  /// Expects |observed − expected| ≤ tolerance · max(|expected|, floor).
  static func close(
    _ observed: Double, _ expected: Double, relative tolerance: Double, floor: Double = 0,
    _ what: @autoclosure () -> String = "", sourceLocation: SourceLocation = #_sourceLocation
  ) {
    if expected.isNaN {
      #expect(observed.isNaN, "\(what()): expected NaN, observed \(observed)", sourceLocation: sourceLocation)
      return
    }
    if expected.isInfinite {
      #expect(
        observed == expected, "\(what()): expected \(expected), observed \(observed)", sourceLocation: sourceLocation)
      return
    }
    let error = abs(observed - expected) / max(abs(expected), floor)
    let ok = abs(observed - expected) <= tolerance * max(abs(expected), floor) || observed == expected
    #expect(
      ok,
      "\(what()): expected \(expected), observed \(observed), relative error \(error) > \(tolerance)",
      sourceLocation: sourceLocation)
  }

  static func close(
    _ observed: [Double], _ expected: [Double], relative tolerance: Double, floor: Double = 0,
    _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(observed.count == expected.count, "\(what): count", sourceLocation: sourceLocation)
    for (k, (o, e)) in zip(observed, expected).enumerated() {
      close(o, e, relative: tolerance, floor: floor, "\(what)[\(k)]", sourceLocation: sourceLocation)
    }
  }
}
