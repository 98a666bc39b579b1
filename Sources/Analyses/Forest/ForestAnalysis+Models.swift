import ClinicalData
import SurvivalFigures
import SurvivalStatistics

extension ForestAnalysis {
  /// A row per term of `formula`: the univariable fit of each main effect alone (with the
  /// formula's strata) and the multivariable model, side by side.
  ///
  /// - A factor gets a header with its overall P per model (joint Wald test, when it has more
  ///   than one coefficient), its reference level and a row per level.
  /// - An interaction is estimated in the multivariable model only: a univariable fit of `a:b`
  ///   alone has no meaning, so its univariable cells stay empty. With a factor it gets a header
  ///   "A × B" and a row per combination of levels.
  /// - With `request.selection`, the multivariable column shows the model that backward
  ///   elimination kept (terms left out have empty cells), and the univariable fits use the
  ///   rows the selection used, so that the univariable P values are those of the screen.
  /// Why a forest plot of `formula` would have no rows: a model without covariates
  /// (`~ strata(sex)` or `~ 1`, R's null model) has no hazard ratio to plot; nil when it has
  /// terms.
  package static func noTermsMessage(_ parsed: ModelFormula, formula: String) -> String? {
    guard parsed.terms.isEmpty else { return nil }
    let response = String(formula[..<(formula.firstIndex(of: "~") ?? formula.endIndex)]).trimmingCharacters(
      in: .whitespaces)
    guard !parsed.strata.isEmpty else {
      return
        "no terms to plot: the model has no covariates, so no hazard ratios; add the covariates to plot, e.g. '\(response) ~ <covariate>'"
    }
    let strata = "strata(" + parsed.strata.map(\.description).joined(separator: ", ") + ")"
    return
      "no terms to plot: \(strata) only stratifies the baseline hazard and has no hazard ratio; add the covariates to plot before it, e.g. '\(response) ~ <covariate> + \(strata)'"
  }

  static func models(
    _ table: DataTable, _ request: ForestRequest, formula: String, univariable: Bool, multivariable: Bool
  ) throws -> ForestAnalysis {
    let parsed: ModelFormula
    do { parsed = try ModelFormula(parsing: formula) } catch {
      throw CoxAnalysisError(file: table.file, formula: formula, message: "\(error)")
    }
    if let message = noTermsMessage(parsed, formula: formula) {
      throw CoxAnalysisError(file: table.file, formula: formula, message: message)
    }
    let response = String(formula[..<(formula.firstIndex(of: "~") ?? formula.endIndex)]).trimmingCharacters(
      in: .whitespaces)
    let strata =
      parsed.strata.isEmpty ? "" : " + strata(" + parsed.strata.map(\.description).joined(separator: ", ") + ")"
    // A model of one term has one fit: its univariable and multivariable columns would agree.
    let multivariable = multivariable && !(univariable && parsed.terms.count == 1 && request.selection == nil)
    let showsUnivariable = univariable || !multivariable
    var warnings: [String] = []
    var footnotes: [String] = []

    // The multivariable model first: a selection fixes the rows of every fit.
    var full: CoxAnalysis?
    var univariableTable = table
    if multivariable {
      var cox = coxRequest(request, formula: formula)
      cox.selectsBackward = request.selectsBackward
      cox.selectionOptions = request.selectionOptions
      cox.testsProportionalHazards = request.testsProportionalHazards
      let analysis = try CoxAnalysis(table: table, request: cox)
      full = analysis
      if let selection = analysis.selection { univariableTable = table.rows(selection.rows) }
    }
    var univariableFits: [String: CoxAnalysis] = [:]
    if showsUnivariable {
      for term in parsed.terms where term.order == 1 {
        let analysis = try fit(univariableTable, request, formula: "\(response) ~ \(term.label)\(strata)")
        univariableFits[term.label] = analysis
        warnings += Self.warnings(analysis.fit, model: "univariable model of '\(term.label)'")
      }
    }
    if let full { warnings += Self.warnings(full.fit, model: "multivariable model") }

    var series: [(name: String, fits: [String: CoxRegression])] = []
    if showsUnivariable { series.append(("Univariable", univariableFits.mapValues(\.fit))) }
    if let full {
      let kept = full.fit.terms.map(\.label)
      series.append(("Multivariable", Dictionary(uniqueKeysWithValues: kept.map { ($0, full.fit) })))
    }

    // Every coefficient of every term, as the full formula codes them.
    let data = try CoxAnalysis.modelData(table, request: coxRequest(request, formula: formula))
    let frame = try? ModelFrame(formula: parsed, data: data)
    func labels(of term: ModelFormula.Term) -> [CoefficientLabel] {
      if let frame { return frame.design.labels.filter { $0.term == term.label } }
      return series.lazy.compactMap { $0.fits[term.label] }.first?.coefficients.map(\.label).filter {
        $0.term == term.label
      } ?? []
    }
    // Patients and events per level: in the multivariable model's rows, else each term's own.
    func countFrame(_ term: ModelFormula.Term) -> ModelFrame? {
      guard request.showsCounts else { return nil }
      if full != nil { return frame }
      return try? ModelFrame(formula: parsed.keepingTerms([term.label]), data: data)
    }

    func display(_ name: String) -> String { request.labels[name] ?? request.labels[bare(name)] ?? bare(name) }
    var rows: [ForestRow] = []
    var entries: [JSONValue] = []
    for term in parsed.terms {
      let termLabels = labels(of: term)
      let counts = countFrame(term).map { _LevelCounts(frame: $0, term: term.label) }
      func cells(_ label: CoefficientLabel?) -> [String] {
        guard let counts else { return [] }
        guard let (n, events) = label.map(counts.count) ?? counts.reference else { return ["", ""] }
        return [String(n), String(events)]
      }
      var estimates: [String: [ForestRow.Estimate?]] = [:]
      var notes: [String: [String?]] = [:]
      for label in termLabels {
        for s in series.indices {
          let fit = series[s].fits[term.label]
          let c = fit?.coefficient(named: label.name)
          estimates[label.name, default: []].append(c.flatMap { Self.estimate($0, in: fit) })
          // Not in this model: an empty cell; in it but not estimable: "NE".
          notes[label.name, default: []].append(c == nil ? "" : nil)
        }
      }
      let headerP = series.map { s -> Double? in
        guard termLabels.count > 1, let test = s.fits[term.label]?.termTest(for: term.label),
          test.wald.degreesOfFreedom > 0
        else { return nil }
        return test.wald.p
      }
      func estimateRow(_ label: CoefficientLabel, text: String, indent: Int) -> ForestRow {
        ForestRow(
          kind: .estimate, label: text, indent: indent, cells: cells(label), estimates: estimates[label.name] ?? [],
          note: "NE", seriesNotes: notes[label.name] ?? [])
      }
      let hasFactor = termLabels.contains { $0.levels != nil }
      if term.order == 1, hasFactor, let first = termLabels.first {
        let variable = first.components.first?.variable ?? term.label
        func level(_ value: String) -> String { givenLabel(level: value, of: variable, in: request.labels) ?? value }
        rows.append(
          ForestRow(kind: .header, label: display(variable), cells: cells(nil).map { _ in "" }, headerPValues: headerP))
        if let reference = first.reference {
          let absent = series.map { $0.fits[term.label] == nil ? "" : nil as String? }
          rows.append(
            ForestRow(kind: .reference, label: level(reference), indent: 1, cells: cells(nil), seriesNotes: absent))
        }
        for label in termLabels {
          rows.append(estimateRow(label, text: label.level.map(level) ?? display(label.name), indent: 1))
        }
      } else if term.order > 1, hasFactor {
        let title =
          request.labels[term.label] ?? request.labels[
            term.variables.map { bare($0.description) }.joined(separator: ":")]
          ?? term.variables.map { display($0.description) }.joined(separator: " × ")
        rows.append(ForestRow(kind: .header, label: title, cells: cells(nil).map { _ in "" }, headerPValues: headerP))
        for label in termLabels {
          rows.append(
            estimateRow(label, text: interactionText(label, labels: request.labels, display: display), indent: 1))
        }
      } else {
        for label in termLabels {
          let text =
            term.order > 1 ? interactionText(label, labels: request.labels, display: display) : display(label.name)
          rows.append(estimateRow(label, text: text, indent: 0))
        }
      }
      for (name, fits) in series {
        for c in fits[term.label]?.coefficients.filter({ $0.label.term == term.label }) ?? [] {
          entries.append(
            .object([("model", .string(name.lowercased()))] + Self.json(c, in: fits[term.label]).objectPairs))
        }
      }
    }

    if showsUnivariable && multivariable && parsed.terms.contains(where: { $0.order > 1 }) {
      footnotes.append(
        "Interaction terms are estimated in the multivariable model only; their univariable cells are empty.")
    }
    if let selection = full?.selection {
      let test = selection.options.criterion == .wald ? "Wald" : "likelihood-ratio"
      footnotes.append(
        "Variables with univariable P < \(JournalFormat.tick(selection.options.entryThreshold)) entered the multivariable model; backward elimination (\(test) tests) then removed, one at a time, the variable with the largest P above \(JournalFormat.tick(selection.options.stayThreshold)). All models were fitted on the \(selection.rows.count) patients with complete data for every candidate variable; empty multivariable cells mark variables that were not kept."
      )
    }
    if let ph = full?.proportionalHazards {
      footnotes.append(
        "Proportional hazards (scaled Schoenfeld residuals, R cox.zph): global \(JournalFormat.pValueText(ph.global.p).plainText)."
      )
      for row in ph.terms where row.p < 0.05 {
        warnings.append(
          "multivariable model: proportional hazards may not hold for '\(row.term)' (cox.zph \(JournalFormat.pValueText(row.p).plainText))"
        )
      }
    }

    var models: [(String, CoxAnalysis, [String])] = parsed.terms.compactMap { term in
      univariableFits[term.label].map { ("univariable", $0, [term.label]) }
    }
    if let full { models.append(("multivariable", full, full.fit.terms.map(\.label))) }
    let json = JSONValue.object(
      [
        ("form", .string("models")), ("formula", .string(formula)), ("estimates", .array(entries)),
        (
          "factor_tests",
          .array(
            models.flatMap { name, analysis, _ in
              analysis.fit.termTests.map { t in
                .object([
                  ("model", .string(name)), ("term", .string(t.term)), ("statistic", .number(t.wald.statistic)),
                  ("df", .int(t.wald.degreesOfFreedom)), ("p", .number(t.wald.p)),
                ])
              }
            })
        ),
        (
          "models",
          .array(
            models.map { name, analysis, terms in
              .object([
                ("model", .string(name)), ("terms", .array(terms.map { .string($0) })),
                ("n", .int(analysis.fit.observationCount)),
                ("events", .int(analysis.fit.eventCount)), ("excluded", .int(analysis.excludedCount)),
              ])
            })
        ),
        ("warnings", .array(warnings.map { .string($0) })),
      ]
        + (full.map { full in
          let json = full.json.objectPairs
          return json.filter { $0.0 == "selection" || $0.0 == "ph_test" }
        } ?? []))
    var analysis = ForestAnalysis(
      rows: rows, seriesNames: series.count > 1 ? series.map(\.name) : [""],
      extraColumns: request.showsCounts ? ["n", "Events"] : [],
      warnings: warnings, footnotes: footnotes, json: json)
    if let counted = full ?? parsed.terms.lazy.compactMap({ univariableFits[$0.label] }).first {
      analysis.modelCounts = (counted.fit.observationCount, counted.fit.eventCount, counted.excludedCount)
    }
    if let selection = full?.selection {
      analysis.selectedTerms = selection.selectedTerms.map { label in
        parsed.terms.first { $0.label == label }.map { term in
          term.order == 1
            ? display(term.label) : term.variables.map { display($0.description) }.joined(separator: " × ")
        } ?? label
      }
    }
    return analysis
  }

  /// The row of one interaction coefficient: each factor by its level's label when one is
  /// given ("Large cell"), else as "variable level" ("Treatment 2"); numeric variables by name
  /// — "Treatment 2 × Large cell". A label under the coefficient's R name, or that name without
  /// `factor()` (`trt2:celltype4`), replaces it.
  static func interactionText(_ label: CoefficientLabel, labels: [String: String], display: (String) -> String)
    -> String
  {
    let plainName = label.components.map { bare($0.variable) + ($0.level ?? "") }.joined(separator: ":")
    if let given = labels[label.name] ?? labels[plainName] { return given }
    return label.components.map { c in
      guard let value = c.level else { return display(c.variable) }
      return givenLabel(level: value, of: c.variable, in: labels) ?? "\(display(c.variable)) \(value)"
    }.joined(separator: " × ")
  }
}

/// Patients and events per coefficient column of one term in a model frame: rows where a
/// 0/1 column is 1, and the reference level's rows (all the term's columns 0).
struct _LevelCounts {
  let frame: ModelFrame
  let columns: [Int]

  init(frame: ModelFrame, term: String) {
    self.frame = frame
    self.columns = frame.design.labels.indices.filter { frame.design.labels[$0].term == term }
  }

  private var isIndicator: Bool {
    columns.allSatisfy { j in frame.design.columns[j].allSatisfy { $0 == 0 || $0 == 1 } }
  }

  /// A numeric column counts every row; an indicator its rows; nil for a product with a number.
  func count(_ label: CoefficientLabel) -> (Int, Int)? {
    guard let j = frame.design.labels.firstIndex(of: label) else { return nil }
    let isNumeric = label.levels == nil
    if isNumeric && !label.isInteraction { return (frame.rows.count, frame.events.filter { $0 }.count) }
    guard label.components.allSatisfy({ $0.level != nil }), isIndicator else { return nil }
    let rows = frame.design.columns[j].indices.filter { frame.design.columns[j][$0] == 1 }
    return (rows.count, rows.filter { frame.events[$0] }.count)
  }

  /// The reference level's patients and events (rows where all the term's columns are 0).
  var reference: (Int, Int)? {
    guard isIndicator, !columns.isEmpty else { return nil }
    let rows = frame.rows.indices.filter { i in columns.allSatisfy { frame.design.columns[$0][i] == 0 } }
    return (rows.count, rows.filter { frame.events[$0] }.count)
  }
}
