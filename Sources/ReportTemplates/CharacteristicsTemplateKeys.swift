import Analyses
import Expressions
import FigureCore
/// The keys of a characteristics table ("Table 1") in a template:
///
/// ```yaml
/// - id: table-1
///   type: characteristics
///   data: ima
///   group: immunotherapy            # optional: one column per group, all patients first
///   variables:
///     - age                                               # median [IQR] for numbers
///     - {column: sex, label: Female, show: female}        # one row: n (%) of a level
///     - {column: ecog, label: ECOG PS, type: categorical, levels: {0: "0", 1: "1"}}
///     - {column: bmi, summary: mean-sd, test: t-test, decimals: 1}
/// ```
enum CharacteristicsTemplateKeys {
  static let names = [
    "group", "group-order", "group-labels", "overall", "p-values", "missing", "variables",
  ]
  static let variableKeys = [
    "column", "label", "type", "summary", "levels", "show", "test", "decimals",
  ]

  static func request(_ m: TemplateMapping, dataPath: String) throws(TemplateError)
    -> CharacteristicsRequest
  {
    let variablesNode = try m.required("variables")
    let list = try variablesNode.list()
    guard !list.isEmpty else { throw variablesNode.error("expected at least one variable") }
    var request = CharacteristicsRequest(dataPath: dataPath, variables: try list.map(variable))
    request.groupColumn = try m["group"]?.string()
    request.groupOrder = try m["group-order"]?.strings()
    if let n = m["group-labels"] {
      for (code, label) in try n.entries() { request.groupLabels[code] = try label.string() }
    }
    if let n = m["overall"] { request.showsOverall = try n.bool() }
    if let n = m["p-values"] { request.showsTests = try n.bool() }
    if let n = m["missing"] { request.showsMissing = try n.choice(["show", "hide"]) == "show" }
    return request
  }

  /// A variable: a column name alone, or a mapping of the variable keys.
  static func variable(_ node: TemplateNode) throws(TemplateError)
    -> CharacteristicsRequest.Variable
  {
    let location = "\(node.file):\(node.line ?? 0)"
    if let name = try? node.string() {
      var variable = CharacteristicsRequest.Variable(column: name)
      variable.location = location
      return variable
    }
    let m = try node.mapping(allowing: variableKeys)
    var variable = CharacteristicsRequest.Variable(column: try m.required("column").string())
    variable.location = location
    variable.label = try m["label"]?.string()
    if let n = m["type"] {
      variable.kind = CharacteristicsRequest.Kind(
        rawValue: try n.choice(CharacteristicsRequest.Kind.allCases.map(\.rawValue)))
    }
    if let n = m["summary"] {
      variable.summary = CharacteristicsRequest.Summary(
        rawValue: try n.choice(CharacteristicsRequest.Summary.allCases.map(\.rawValue)))!
    }
    if let n = m["levels"] {
      // A list gives the order; a mapping the order and the labels.
      if let entries = try? n.entries() {
        variable.levelOrder = entries.map(\.key)
        for (code, label) in entries { variable.levelLabels[code] = try label.string() }
      } else {
        variable.levelOrder = try n.strings()
      }
    }
    if let n = m["show"] {
      variable.shownLevel = try n.string()
    }
    if let n = m["test"] {
      variable.test = CharacteristicsRequest.Test(
        rawValue: try n.choice(CharacteristicsRequest.Test.allCases.map(\.rawValue)))!
    }
    if let n = m["decimals"] {
      let decimals = try n.integer("a number of decimals from 0 to 6")
      guard (0...6).contains(decimals) else {
        throw n.error("expected a number of decimals from 0 to 6, found \(n.shown)")
      }
      variable.decimals = decimals
    }
    // The kind follows from the keys when not given; keys of both kinds contradict each other.
    let categoricalKey = m["levels"] ?? m["show"]
    if let n = m["summary"], categoricalKey != nil || variable.kind == .categorical {
      throw n.error(
        "'summary' describes continuous variables; this one has 'levels', 'show' or 'type: categorical'"
      )
    }
    if let n = categoricalKey, variable.kind == .continuous {
      throw n.error("'levels' and 'show' describe categorical variables; this one has 'type: continuous'")
    }
    if variable.kind == nil {
      variable.kind = m["summary"] != nil ? .continuous : categoricalKey != nil ? .categorical : nil
    }
    return variable
  }
}
