/// Univariable screening followed by backward stepwise elimination of Cox model terms.
///
/// 1. Screening: each candidate term is fitted alone (an interaction together with its
///    marginal terms) and enters when its p-value is below `entryThreshold` (e.g. 0.15).
///    An interaction enters only if all its marginal terms entered.
/// 2. Backward elimination: the model of the entered terms is fitted; among the terms that are
///    not marginal to a remaining interaction, the one with the largest p-value is removed if
///    that p-value exceeds `stayThreshold` (e.g. 0.05); repeat until every term stays.
///
/// A multi-level factor enters and leaves as a whole: its p-value is the joint Wald test of its
/// columns or the drop-term likelihood-ratio test. Every model is fitted on the same rows: those
/// complete for all candidate variables, so that the p-values compare nested models.
///
/// - Complexity: O(k²) model fits for k candidate terms.
public struct CoxModelSelection: Sendable {
  /// Which p-value decides.
  public enum Criterion: Equatable, Sendable {
    /// Joint Wald test of the term's coefficients.
    case wald
    /// Drop-term likelihood-ratio test (refits without the term).
    case likelihoodRatio
  }

  /// Settings of the selection.
  public struct Options: Equatable, Sendable {
    /// Screening: a term enters when its univariable p < this. Default 0.15.
    public var entryThreshold: Double
    /// Elimination: a term stays when its p ≤ this. Default 0.05.
    public var stayThreshold: Double
    /// The test deciding entry and removal. Default `.wald`.
    public var criterion: Criterion
    /// Settings of each Cox fit.
    public var fitOptions: CoxRegressionOptions

    /// Creates options.
    public init(
      entryThreshold: Double = 0.15, stayThreshold: Double = 0.05, criterion: Criterion = .wald,
      fitOptions: CoxRegressionOptions = CoxRegressionOptions()
    ) {
      self.entryThreshold = entryThreshold
      self.stayThreshold = stayThreshold
      self.criterion = criterion
      self.fitOptions = fitOptions
    }
  }

  /// One recorded decision.
  public struct Step: Equatable, Sendable {
    /// What happened to the term.
    public enum Action: String, Equatable, Sendable {
      /// Univariable p below the entry threshold (step 0).
      case entered
      /// Univariable p at or above the entry threshold, or a margin did not enter (step 0).
      case screenedOut
      /// Removed during backward elimination.
      case removed
      /// In the final model.
      case retained
    }
    /// 0 for screening; 1, 2, … for elimination steps; the last step number + 1 for retained
    /// terms.
    public let number: Int
    /// The action.
    public let action: Action
    /// The term label.
    public let term: String
    /// The p-value that decided (NaN when the term could not be tested).
    public let p: Double
  }

  /// The options used.
  public let options: Options
  /// Candidate terms, in formula order.
  public let candidates: [String]
  /// Univariable p-value of each candidate.
  public let univariableP: [String: Double]
  /// Terms that entered the backward elimination.
  public let enteredTerms: [String]
  /// All decisions in order.
  public let steps: [Step]
  /// Terms of the final model.
  public let selectedTerms: [String]
  /// The final model (nil when no term remains).
  public let finalModel: CoxRegression?
  /// Rows used for every fit (complete for all candidates).
  public let rows: [Int]

  /// Runs the selection on the terms of `formula`.
  public init(formula: String, data: ModelData, options: Options = Options())
    throws(CoxModelError)
  {
    let full: ModelFormula
    do { full = try ModelFormula(parsing: formula) } catch { throw .formula(error) }
    let frame: ModelFrame
    do { frame = try ModelFrame(formula: full, data: data) } catch { throw .modelFrame(error) }
    let rows = frame.rows
    var fitOptions = options.fitOptions
    fitOptions.termTests = options.criterion == .wald ? .wald : .waldAndLikelihoodRatio

    func fit(_ labels: [String]) throws(CoxModelError) -> CoxRegression {
      let reduced = full.keepingTerms(labels)
      let subFrame: ModelFrame
      do { subFrame = try ModelFrame(formula: reduced, data: data, rows: rows) } catch {
        throw .modelFrame(error)
      }
      do { return try CoxRegression(frame: subFrame, options: fitOptions) } catch {
        throw .regression(error)
      }
    }
    func pValue(_ model: CoxRegression, _ term: String) -> Double {
      guard let test = model.termTest(for: term) else { return .nan }
      switch options.criterion {
      case .wald: return test.wald.degreesOfFreedom > 0 ? test.wald.p : .nan
      case .likelihoodRatio: return test.likelihoodRatio?.p ?? .nan
      }
    }
    let terms = full.terms
    let labels = terms.map(\.label)
    func margins(of term: ModelFormula.Term) -> [String] {
      let variables = Set(term.variables.map(\.description))
      return terms.filter {
        $0.label != term.label && Set($0.variables.map(\.description)).isSubset(of: variables)
      }.map(\.label)
    }

    // Screening.
    var univariable: [String: Double] = [:]
    var steps: [Step] = []
    var entered: [String] = []
    for term in terms {
      let model = try fit(margins(of: term) + [term.label])
      let p = pValue(model, term.label)
      univariable[term.label] = p
      let marginsEntered = margins(of: term).allSatisfy { entered.contains($0) }
      if p < options.entryThreshold && marginsEntered {
        entered.append(term.label)
        steps.append(Step(number: 0, action: .entered, term: term.label, p: p))
      } else {
        steps.append(Step(number: 0, action: .screenedOut, term: term.label, p: p))
      }
    }

    // Backward elimination.
    var current = entered
    var model: CoxRegression?
    var number = 0
    while !current.isEmpty {
      let fitted = try fit(current)
      model = fitted
      let removable = current.filter { label in
        guard let term = terms.first(where: { $0.label == label }) else { return false }
        let variables = Set(term.variables.map(\.description))
        return !terms.contains {
          current.contains($0.label) && $0.label != label
            && variables.isStrictSubset(of: Set($0.variables.map(\.description)))
        }
      }
      var worst: (term: String, p: Double)?
      for label in removable {
        let p = pValue(fitted, label)
        if let best = worst, !(p > best.p), !p.isNaN { continue }
        worst = (label, p)
      }
      guard let worst, worst.p > options.stayThreshold || worst.p.isNaN else { break }
      number += 1
      steps.append(Step(number: number, action: .removed, term: worst.term, p: worst.p))
      current.removeAll { $0 == worst.term }
      model = nil
    }
    if let model {
      for label in current {
        steps.append(Step(number: number + 1, action: .retained, term: label, p: pValue(model, label)))
      }
    }

    self.options = options
    self.candidates = labels
    self.univariableP = univariable
    self.enteredTerms = entered
    self.steps = steps
    self.selectedTerms = current
    self.finalModel = model
    self.rows = rows
  }
}
