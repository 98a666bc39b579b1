/// One option of a request: its key in templates, its spelling on the command line, what it
/// takes and how it sets the request. Both front ends read options only through declarations,
/// so a rule stated here holds for both.
public struct OptionDeclaration<Request>: Sendable {
  /// Sets the request from a value; the string is the option's name as the front end spells it.
  public typealias Reader = @Sendable (OptionValue, String, inout Request) throws(OptionError) -> Void

  /// The template key (`group-labels`).
  public var key: String
  /// The command-line spelling.
  public var commandLine: CommandLineName
  /// Whether templates take the key (`--out` is the command line's; templates name formats).
  public var isInTemplates: Bool
  public var section: OptionSection
  /// One sentence on what the option does.
  public var summary: String
  /// What the value is, for help and reference (`a number, 0 or greater`; `one of 'log',
  /// 'log-log', 'plain'`).
  public var valueDescription: String
  /// The placeholder of the value in command-line help (`column`, `mm`).
  public var valueName: String
  /// The default as text, nil when there is none.
  public var defaultText: String?
  /// A template line that uses the option (`rho: 1`).
  public var example: String
  /// Whether a request needs the option.
  public var isRequired: Bool
  /// Whether the value names data columns (so that an unknown column is reported at it).
  public var namesColumns: Bool
  /// The numbers a number option accepts; nil for other options.
  public var range: NumberRange?
  /// The values a choice option accepts; nil for other options.
  public var choices: [String]?
  /// The key of the data option whose file holds the columns named (`data`, `events`).
  public var columnSource = "data"
  /// Whether the value names the data: a file on the command line, the name of one of the
  /// template's `data` entries in a template, which the template reader resolves to its file.
  public var namesData: Bool
  let reader: Reader

  public init(
    _ key: String, commandLine: CommandLineName = .same, isInTemplates: Bool = true, section: OptionSection,
    summary: String, valueDescription: String, valueName: String, defaultText: String? = nil,
    example: String, isRequired: Bool = false, namesColumns: Bool = false, namesData: Bool = false,
    reader: @escaping Reader
  ) {
    self.key = key
    self.commandLine = commandLine
    self.isInTemplates = isInTemplates
    self.section = section
    self.summary = summary
    self.valueDescription = valueDescription
    self.valueName = valueName
    self.defaultText = defaultText
    self.example = example
    self.isRequired = isRequired
    self.namesColumns = namesColumns
    self.namesData = namesData
    self.reader = reader
  }

  /// The declaration with the numbers it accepts stated (for the reference and tests).
  public func with(range: NumberRange) -> Self {
    var declaration = self
    declaration.range = range
    return declaration
  }

  /// The declaration with the values it accepts stated (for the reference and tests).
  public func with(choices: [String]) -> Self {
    var declaration = self
    declaration.choices = choices
    return declaration
  }

  /// The declaration with its columns read from the data of option `dataKey`.
  public func columns(of dataKey: String) -> Self {
    var declaration = self
    declaration.columnSource = dataKey
    return declaration
  }

  /// The long option without dashes (`group-labels`, `id`, `no-p-value`); nil for a
  /// template-only key.
  public var commandLineName: String? {
    switch commandLine {
    case .same: key
    case .named(let name), .negatedFlag(let name, _): name
    case .none: nil
    }
  }

  /// Whether the command line gives the option as a flag without a value.
  public var isFlag: Bool {
    if case .negatedFlag = commandLine { return true }
    return valueName.isEmpty
  }

  /// The option's name in a message of `spelling`, quoted: `'--group-labels'`, `'group-labels'`.
  public func spelled(_ spelling: OptionSpelling) -> String {
    switch spelling {
    case .commandLine: "'--\(commandLineName ?? key)'"
    case .template: "'\(key)'"
    }
  }

  /// The command-line help: the summary, the values it takes (where the placeholder does not
  /// show them) and the default.
  public var help: String {
    if case .negatedFlag(_, let help) = commandLine { return help }
    var notes: [String] = []
    let shownByPlaceholder = valueName.contains("|") || valueDescription.hasPrefix("a column name")
    if !valueName.isEmpty, !valueDescription.isEmpty, !shownByPlaceholder { notes.append(valueDescription) }
    if let defaultText, !isFlag { notes.append("default \(defaultText)") }
    guard !notes.isEmpty else { return summary }
    let sentence = summary.hasSuffix(".") ? String(summary.dropLast()) : summary
    return "\(sentence) (\(notes.joined(separator: "; ")))."
  }
}

extension OptionDeclaration {
  public typealias Setter<Value> = @Sendable (inout Request, Value) -> Void

  /// Free text (a title).
  public static func text(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    valueName: String = "text", example: String, isRequired: Bool = false, set: @escaping Setter<String>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary, valueDescription: "", valueName: valueName,
      example: example, isRequired: isRequired
    ) { value, name, request throws(OptionError) in set(&request, try value.text(name)) }
  }

  /// The name of a data column.
  public static func column(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection = .data, _ summary: String,
    example: String, isRequired: Bool = false, set: @escaping Setter<String>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary, valueDescription: "a column name",
      valueName: "column", example: example, isRequired: isRequired, namesColumns: true
    ) { value, name, request throws(OptionError) in set(&request, try value.text(name)) }
  }

  /// Names of data columns, a list or comma-separated.
  public static func columns(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection = .data, _ summary: String,
    example: String, isRequired: Bool = false, set: @escaping Setter<[String]>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: "column names, a list or comma-separated", valueName: "columns", example: example,
      isRequired: isRequired, namesColumns: true
    ) { value, name, request throws(OptionError) in set(&request, try value.texts(name)) }
  }

  /// Texts, a list or comma-separated (codes). Each item of a list is split at its commas too,
  /// so that a repeated command-line option given `--censor-value 0,2` reads two codes, as
  /// `censor-value: 0,2` does in a template.
  public static func texts(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    valueName: String = "codes", example: String, set: @escaping Setter<[String]>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: "a list or comma-separated", valueName: valueName, example: example
    ) { value, name, request throws(OptionError) in
      set(
        &request,
        try value.texts(name).flatMap { item in
          item.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        })
    }
  }

  /// A number in `range`.
  public static func number(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    in range: NumberRange = .any, what: String = "a number", valueName: String = "number",
    defaultText: String? = nil, example: String, set: @escaping Setter<Double>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: range.phrase.map { "\(what), \($0)" } ?? what, valueName: valueName,
      defaultText: defaultText, example: example
    ) { value, name, request throws(OptionError) in set(&request, try value.number(name, in: range, what: what)) }
    .with(range: range)
  }

  /// A whole number in `range`.
  public static func integer(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    in range: NumberRange = .any, what: String = "a whole number", valueName: String = "n",
    defaultText: String? = nil, example: String, set: @escaping Setter<Int>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: range.phrase.map { "\(what), \($0)" } ?? what, valueName: valueName,
      defaultText: defaultText, example: example
    ) { value, name, request throws(OptionError) in set(&request, try value.integer(name, in: range, what: what)) }
    .with(range: range)
  }

  /// Numbers, a list or comma-separated, each in `range`.
  public static func numbers(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    in range: NumberRange = .any, valueName: String = "list", example: String, set: @escaping Setter<[Double]>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: "numbers, a list or comma-separated" + (range.phrase.map { ", each \($0)" } ?? ""),
      valueName: valueName, example: example
    ) { value, name, request throws(OptionError) in set(&request, try value.numbers(name, in: range)) }
    .with(range: range)
  }

  /// A switch: `true`/`false` in templates, a flag on the command line (`--key`, or
  /// `--no-key`-style for one that is on by default).
  public static func flag(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    defaultValue: Bool = false, example: String, set: @escaping Setter<Bool>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary, valueDescription: "true or false",
      valueName: "", defaultText: defaultValue ? "true" : "false", example: example
    ) { value, name, request throws(OptionError) in set(&request, try value.bool(name)) }
  }

  /// One value of a `String`-backed enumeration.
  public static func choice<Choice: RawRepresentable & CaseIterable & Sendable>(
    _ key: String, _ type: Choice.Type, commandLine: CommandLineName = .same, section: OptionSection,
    _ summary: String, defaultValue: Choice? = nil, example: String, set: @escaping Setter<Choice>
  ) -> Self where Choice.RawValue == String {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: "one of " + Choice.allCases.map(\.rawValue).joined(separator: ", "),
      valueName: Choice.allCases.map(\.rawValue).joined(separator: "|"), defaultText: defaultValue?.rawValue,
      example: example
    ) { value, name, request throws(OptionError) in set(&request, try value.choice(name, type)) }
    .with(choices: Choice.allCases.map(\.rawValue))
  }

  /// Code → label pairs: a mapping, or `code=label` items separated by commas.
  public static func labels(
    _ key: String, commandLine: CommandLineName = .same, section: OptionSection, _ summary: String,
    example: String, set: @escaping Setter<[(key: String, value: String)]>
  ) -> Self {
    Self(
      key, commandLine: commandLine, section: section, summary: summary,
      valueDescription: "code=label pairs, a mapping or \"1=Male,2=Female\"", valueName: "map", example: example
    ) { value, name, request throws(OptionError) in set(&request, try value.pairs(name)) }
  }
}
