import Analyses
import ReportTemplates
import SurvivalFigures
import SurvivalStatistics

/// The statistical methods paragraph of a build (`Output/<template>-methods.md`, `.tex` and
/// `.bib`), written from what its figures and tables computed: the Kaplan–Meier estimator with
/// its confidence-interval scale, the log-rank or Harrington–Fleming test, reverse
/// Kaplan–Meier follow-up, Cox models with their ties and selection, response rates with their
/// exact or Wilson intervals, cumulative incidence, Gray's test and Fine–Gray models, the
/// software and its version; each method cited once, references numbered in order of first
/// citation.
struct MethodsParagraph {
  /// A piece of a sentence: text, an italic P, or citations.
  enum Piece {
    case text(String)
    case p
    case cite([MethodsReference])
  }

  var sentences: [[Piece]] = []

  init(figures: [BuiltFigure], tables: [BuiltTable]) {
    var facts = MethodsFacts()
    for figure in figures { facts.add(figure) }
    for table in tables { facts.add(table) }
    sentences = facts.sentences
  }

  /// The references in order of first citation.
  var references: [MethodsReference] {
    var seen: [MethodsReference] = []
    for case .cite(let list) in sentences.joined() {
      for reference in list where !seen.contains(reference) { seen.append(reference) }
    }
    return seen
  }

  /// Markdown: the paragraph with numbered citations "[1, 2]", then the numbered references.
  var markdown: String {
    let numbers = Dictionary(uniqueKeysWithValues: references.enumerated().map { ($1.key, $0 + 1) })
    let text = sentences.map { sentence in
      sentence.map { piece -> String in
        switch piece {
        case .text(let text): return text
        case .p: return "*P*"
        case .cite(let list): return " [" + list.map { "\(numbers[$0.key]!)" }.joined(separator: ", ") + "]"
        }
      }.joined()
    }.joined(separator: " ")
    var out = ["## Statistical methods", "", text, "", "### References", ""]
    out += references.enumerated().map { "\($0 + 1). \($1.text)" }
    return out.joined(separator: "\n") + "\n"
  }

  /// LaTeX: the paragraph with `\cite{…}` of the keys of the `.bib` file.
  var latex: String {
    let text = sentences.map { sentence in
      sentence.map { piece -> String in
        switch piece {
        case .text(let text): return ReportTable.latexEscaped(text)
        case .p: return "\\textit{P}"
        case .cite(let list): return "~\\cite{" + list.map(\.key).joined(separator: ",") + "}"
        }
      }.joined()
    }.joined(separator: " ")
    return "% Statistical methods written by survfig build from its figures and tables; the keys of\n"
      + "% \\cite are in the .bib file beside this one.\n" + text + "\n"
  }

  var bibtex: String { references.map(\.bibtex).joined(separator: "\n\n") + "\n" }
}

/// What a build's figures and tables computed, gathered from their sidecars and requests.
struct MethodsFacts {
  var kaplanMeier = false
  var confidenceScales: [String] = []
  var confidenceLevels: [String] = []
  var logRankRhos: [Double] = []
  var reverseFollowUp = false
  var groupHazardRatios = false
  var cox = false
  var ties: [CoxRegressionOptions.Ties] = []
  var selections: [(entry: Double, stay: Double, isWald: Bool)] = []
  var proportionalHazardsTest = false
  var responseMethods: [ProportionInterval.Method] = []
  var confirmation: [Double] = []
  var fisher = false
  var characteristics = false
  var aalenJohansen = false
  var grayTest = false
  var fineGray = false

  mutating func add(_ figure: BuiltFigure) {
    if let panels = figure.sidecar["panels"], case .array(let items) = panels {
      for item in items { addSidecar(type: item["type"], statistics: item["statistics"]) }
    } else {
      addSidecar(type: figure.sidecar["type"], statistics: figure.sidecar["statistics"])
    }
    for request in Self.forestRequests(figure.spec) {
      if case .object = figure.sidecar["forest"] ?? .null, figure.sidecar["forest"]?["form"] == .string("estimates") {
        continue
      }
      addCox(request)
    }
  }

  mutating func add(_ table: BuiltTable) {
    let statistics = table.sidecar["statistics"]
    if table.spec.request.request(of: SurvivalTableKind.self) != nil {
      addSidecar(type: .string("km"), statistics: statistics)
    } else if let request = table.spec.request.request(of: CoxTableKind.self) {
      addCox(request)
    } else if let request = table.spec.request.request(of: ResponseTableKind.self) {
      responseMethods.append(request.method)
      if let weeks = request.confirmWeeks { confirmation.append(weeks) }
      if statistics?["comparison"]?["test"] == .string("fisher") { fisher = true }
    } else if table.spec.request.request(of: FineGrayTableKind.self) != nil {
      aalenJohansen = true
      fineGray = true
      if let gray = statistics?["gray"], gray != .null { grayTest = true }
    } else if table.spec.request.request(of: CharacteristicsTableKind.self) != nil {
      characteristics = true
    }
  }

  static func forestRequests(_ spec: FigureSpec) -> [ForestRequest] {
    switch spec.kind {
    case .figure(let request): return request.request(of: ForestKind.self).map { [$0] } ?? []
    case .panels(_, let panels): return panels.flatMap(forestRequests)
    }
  }

  mutating func addSidecar(type: JSONValue?, statistics: JSONValue?) {
    guard let statistics else { return }
    switch type {
    case .string("km"):
      kaplanMeier = true
      if case .string(let scale) = statistics["conf_type"] ?? .null, !confidenceScales.contains(scale) {
        confidenceScales.append(scale)
      }
      if case .number(let level) = statistics["conf_level"] ?? .null { addLevel(level) }
      if case .object = statistics["logrank"] ?? .null {
        let rho: Double
        switch statistics["logrank"]?["rho"] {
        case .int(let value)?: rho = Double(value)
        case .number(let value)?: rho = value
        default: rho = 0
        }
        if !logRankRhos.contains(rho) { logRankRhos.append(rho) }
      }
      if let followUp = statistics["follow_up"], followUp != .null { reverseFollowUp = true }
      if let ratios = statistics["hazard_ratios"], ratios != .null { groupHazardRatios = true }
    case .string("cif"):
      aalenJohansen = true
      if case .number(let level) = statistics["conf_level"] ?? .null { addLevel(level) }
      if let gray = statistics["gray"], gray != .null { grayTest = true }
      if let model = statistics["fine_gray"], model != .null { fineGray = true }
    default: break
    }
  }

  mutating func addLevel(_ level: Double) {
    let text = JournalFormat.tick(level * 100)
    if !confidenceLevels.contains(text) { confidenceLevels.append(text) }
  }

  mutating func addCox(_ request: ForestRequest) {
    cox = true
    if !ties.contains(request.ties) { ties.append(request.ties) }
    addLevel(request.confidenceLevel)
    if request.selectsBackward {
      let options = request.selectionOptions
      let selection = (options.entryThreshold, options.stayThreshold, options.criterion == .wald)
      if !selections.contains(where: { $0 == selection }) { selections.append(selection) }
    }
    if request.testsProportionalHazards { proportionalHazardsTest = true }
  }
}
