import ClinicalData
import SurvivalStatistics

/// A Cox model fitted to a table: the fit, its proportional-hazards test and the selection
/// steps, and the `cox --json` contract.
public struct CoxAnalysis: Sendable {
  public let request: CoxRequest
  public let fit: CoxRegression
  public let proportionalHazards: ProportionalHazardsTest?
  public let selection: CoxModelSelection?
  /// Rows of the table left out for a missing value in the model's columns.
  public let excludedCount: Int

  /// Fits `request` to `table`.
  ///
  /// - Throws: `CoxAnalysisError` naming the file for formula, data and fitting errors.
  public init(table source: consuming DataTable, request: CoxRequest) throws {
    let table = try request.rowSelection.apply(to: source)
    _ = consume source
    let data = try Self.modelData(table, request: request)
    let file = table.file
    let rowCount = table.rowCount
    // The model data holds what the fit reads: the table's memory goes back before fitting.
    _ = consume table
    func wrap(_ error: CoxModelError) -> CoxAnalysisError {
      CoxAnalysisError(file: file, formula: request.formula, underlying: error)
    }
    if let options = request.selection {
      var selectionOptions = options
      selectionOptions.fitOptions = request.fitOptions
      let selection: CoxModelSelection
      do { selection = try CoxModelSelection(formula: request.formula, data: data, options: selectionOptions) } catch {
        throw wrap(error)
      }
      guard let final = selection.finalModel else {
        throw CoxAnalysisError(
          file: file, formula: request.formula,
          message: "no term passed the entry threshold p < \(options.entryThreshold); there is no model to report")
      }
      self.selection = selection
      self.fit = final
    } else {
      do {
        self.fit = try CoxRegression(
          formula: request.formula, data: data, weights: request.weightsColumn.map(ForestAnalysis.term),
          options: request.fitOptions)
      } catch {
        throw wrap(error)
      }
      self.selection = nil
    }
    if request.testsProportionalHazards, fit.isNullModel {
      throw CoxAnalysisError(
        file: file, formula: request.formula,
        message:
          "the model has no covariates, so there is nothing to test for proportional hazards (R's cox.zph: \"there are no score residuals for a Null model\"); add a covariate or drop the proportional-hazards test"
      )
    }
    self.request = request
    self.excludedCount = rowCount - fit.observationCount
    self.proportionalHazards = request.testsProportionalHazards ? ProportionalHazardsTest(fit) : nil
  }

  /// Things the reader should know: R's warnings about the fit, rows left out.
  public var warnings: [String] {
    var notes = fit.diagnostics.map(\.description)
    if excludedCount > 0 {
      notes.append(
        "\(excludedCount) \(excludedCount == 1 ? "row" : "rows") with a missing value in the model's columns left out")
    }
    return notes
  }
}

/// A Cox model that cannot be fitted, naming the data and the formula.
public struct CoxAnalysisError: Error, CustomStringConvertible {
  public var file: String
  public var formula: String
  public var message: String

  init(file: String, formula: String, underlying: CoxModelError) {
    self.file = file
    self.formula = formula
    switch underlying {
    case .formula(let error): self.message = "\(error)"
    default: self.message = "\(underlying)"
    }
  }

  init(file: String, formula: String, message: String) {
    self.file = file
    self.formula = formula
    self.message = message
  }

  public var description: String { "\(file): model '\(formula)': \(message)" }
}
