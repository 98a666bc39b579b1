import OptionSchema

extension CharacteristicsRequest {
  /// Every key of a characteristics table ("Table 1") in a template:
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
  public static let options = OptionTable<CharacteristicsRequest>(
    [
      .dataFile(example: "data: ima") { $0.dataPath = $1 }
    ] + RowSelection.declarations(\CharacteristicsRequest.rowSelection) + [
      .column("group", "Column of the groups: one column per group, all patients first.", example: "group: arm") {
        $0.groupColumn = $1
      },
      .texts(
        "group-order", section: .data, "Group values in the order to show them.", valueName: "values",
        example: "group-order: [B, A]"
      ) { $0.groupOrder = $1 },
      .labels("group-labels", section: .data, "Display labels of the groups.", example: "group-labels: {0: No, 1: Yes}")
      {
        request, pairs in for (code, label) in pairs { request.groupLabels[code] = label }
      },
      .flag(
        "overall", section: .statistics, "A column of all patients beside the groups.", defaultValue: true,
        example: "overall: false"
      ) { $0.showsOverall = $1 },
      .flag(
        "p-values", section: .statistics, "A P value per variable (with a group).", defaultValue: true,
        example: "p-values: false"
      ) { $0.showsTests = $1 },
      OptionDeclaration(
        "missing", section: .statistics, summary: "A \"Missing\" row under variables with missing values.",
        valueDescription: "show or hide", valueName: "show|hide", defaultText: "show", example: "missing: hide"
      ) { value, name, request throws(OptionError) in
        request.showsMissing = try value.choice(name, ["show", "hide"]) == "show"
      }
      .with(choices: ["show", "hide"]),
      FigureOutput.suppressBelowDeclaration(commandLine: .none) { $0.suppressBelow = $1 },
      OptionDeclaration(
        "variables", commandLine: .none, section: .data,
        summary: "The variables, in order: a column name, or a mapping of the variable keys.",
        valueDescription: "a list of column names or mappings", valueName: "list",
        example: "variables: [age, {column: sex, show: female}]", isRequired: true, namesColumns: true
      ) { value, name, request throws(OptionError) in
        guard case .list(let items) = value.content, !items.isEmpty else {
          throw OptionError("\(name) expects a list of at least one variable", at: value.origin)
        }
        var variables: [Variable] = []
        for item in items { variables.append(try Variable(item)) }
        request.variables = variables
      },
    ])
}

extension CharacteristicsRequest.Variable {
  /// The keys of one variable of a characteristics table.
  public static let options = OptionTable<CharacteristicsRequest.Variable>(
    [
      .column("column", commandLine: .none, "The data column.", example: "column: age", isRequired: true) {
        $0.column = $1
      },
      .text(
        "label", commandLine: .none, section: .data, "The text of its row (default: the column name).",
        example: "label: Age (years)"
      ) { $0.label = $1 },
      .choice(
        "type", CharacteristicsRequest.Kind.self, commandLine: .none, section: .statistics,
        "Categorical or continuous (default: text and numbers with fewer than 10 values are categorical).",
        example: "type: categorical"
      ) { $0.kind = $1 },
      .choice(
        "summary", CharacteristicsRequest.Summary.self, commandLine: .none, section: .statistics,
        "The summary of a continuous variable.", defaultValue: .medianIQR, example: "summary: mean-sd"
      ) { $0.summary = $1 },
      OptionDeclaration(
        "levels", commandLine: .none, section: .data,
        summary: "The order of a categorical variable's levels (a list), or the order and labels (a mapping).",
        valueDescription: "a list of levels, or a mapping of level to label", valueName: "levels",
        example: "levels: {0: \"0\", 1: \"1\", 2: \"2–3\"}"
      ) { value, name, variable throws(OptionError) in
        if case .mapping = value.content {
          let pairs = try value.pairs(name)
          variable.levelOrder = pairs.map(\.key)
          for (code, label) in pairs { variable.levelLabels[code] = label }
        } else {
          variable.levelOrder = try value.texts(name)
        }
      },
      .text(
        "show", commandLine: .none, section: .data, "A level shown alone on the variable's row (\"Female, n (%)\").",
        valueName: "level", example: "show: female"
      ) { $0.shownLevel = $1 },
      .choice(
        "test", CharacteristicsRequest.Test.self, commandLine: .none, section: .statistics,
        "The test between the groups.", defaultValue: .automatic, example: "test: fisher"
      ) { $0.test = $1 },
      .integer(
        "decimals", commandLine: .none, section: .statistics, "Decimals of a continuous summary.",
        in: .between(0, 6), what: "a number of decimals", defaultText: "1", example: "decimals: 0"
      ) { $0.decimals = $1 },
    ],
    rules: { variable, context throws(OptionError) in
      // The kind follows from the keys when not given; keys of both kinds contradict each other.
      let categorical = ["levels", "show"].first(where: context.isGiven)
      if context.isGiven("summary"), categorical != nil || variable.kind == .categorical {
        throw context.error(
          "summary",
          "\(context.name("summary")) describes continuous variables; this one has \(context.name("levels")), \(context.name("show")) or \(context.name("type", value: "categorical"))"
        )
      }
      if let key = categorical, variable.kind == .continuous {
        throw context.error(
          key,
          "\(context.name("levels")) and \(context.name("show")) describe categorical variables; this one has \(context.name("type", value: "continuous"))"
        )
      }
    })

  /// A variable from a template: a column name alone, or a mapping of the variable keys.
  init(_ value: OptionValue) throws(OptionError) {
    var variable = CharacteristicsRequest.Variable(column: "")
    if case .template(let file, let line, _, _) = value.origin { variable.location = "\(file):\(line ?? 0)" }
    switch value.content {
    case .text(let column):
      variable.column = column
    case .mapping(let entries):
      try Self.options.apply(entries, to: &variable, spelling: .template, container: value.origin)
      if variable.kind == nil {
        variable.kind =
          entries.contains { $0.key == "summary" }
          ? .continuous : entries.contains { $0.key == "levels" || $0.key == "show" } ? .categorical : nil
      }
    case .list, .flag:
      throw OptionError(
        "a variable is a column name or a mapping with 'column', found \(value.shown)", at: value.origin)
    }
    self = variable
  }
}
