import ClinicalData

/// The options of one kind of request, in the order they are applied, with the rules that
/// involve several of them: the one schema both the command line and templates read.
///
/// A front end collects the values it was given by key, and ``apply(_:to:spelling:container:)``
/// reads each through its declaration, checks that the required ones are there and then runs
/// the request's combination rules, so a value is refused by both front ends with the same
/// sentence, the option spelled as each front end spells it.
public struct OptionTable<Request>: Sendable {
  public typealias Rules = @Sendable (Request, OptionContext) throws(OptionError) -> Void

  public var declarations: [OptionDeclaration<Request>]
  let rules: Rules

  public init(_ declarations: [OptionDeclaration<Request>], rules: @escaping Rules = { _, _ in }) {
    self.declarations = declarations
    self.rules = rules
  }

  /// The declaration of template key `key`.
  public func declaration(_ key: String) -> OptionDeclaration<Request>? {
    declarations.first { $0.key == key }
  }

  /// The declaration a command-line option (without dashes) spells.
  public func declaration(commandLine name: String) -> OptionDeclaration<Request>? {
    declarations.first { $0.commandLineName == name }
  }

  /// The keys templates take, in order.
  public var templateKeys: [String] { declarations.filter(\.isInTemplates).map(\.key) }

  /// The declarations of `sections` only (a table takes a figure's data and statistics keys).
  public func sections(_ sections: Set<OptionSection>) -> OptionTable {
    OptionTable(declarations.filter { sections.contains($0.section) }, rules: rules)
  }

  /// The table with `other`'s declarations as well.
  public func adding(_ other: [OptionDeclaration<Request>]) -> OptionTable {
    OptionTable(declarations + other, rules: rules)
  }

  /// Sets `request` from `values` (a key given twice: the later value wins, as a figure's
  /// own key over its endpoint's), then checks required options and the combination rules.
  ///
  /// - Parameter container: where the values were given together, for messages about options
  ///   that are missing or about several options.
  /// - Throws: ``OptionError`` naming the option as `spelling` spells it.
  public func apply(
    _ values: [(key: String, value: OptionValue)], to request: inout Request, spelling: OptionSpelling,
    container: OptionOrigin? = nil
  ) throws(OptionError) {
    var given: [String: OptionValue] = [:]
    for (key, value) in values {
      guard declaration(key) != nil else {
        let keys = spelling == .template ? templateKeys : declarations.compactMap(\.commandLineName)
        throw OptionError(Self.unknownKeyMessage(key, among: keys), at: value.keyOrigin ?? value.origin)
      }
      given[key] = value
    }
    var names: [String: String] = [:]
    for declaration in declarations {
      let name = declaration.spelled(spelling)
      names[declaration.key] = name
      if let value = given[declaration.key] {
        try declaration.reader(value, name, &request)
      } else if declaration.isRequired {
        throw OptionError("missing \(name): \(Self.lowercasedSentence(declaration.summary))", at: container)
      }
    }
    let context = OptionContext(
      spelling: spelling, origins: given.mapValues(\.origin), names: names, container: container)
    try rules(request, context)
  }

  /// `unknown key 'stratum'. Did you mean 'strata'? Valid keys: …`.
  public static func unknownKeyMessage(_ key: String, among keys: [String]) -> String {
    var unique: [String] = []
    for key in keys where !unique.contains(key) { unique.append(key) }
    let hint = SpellingSuggestion.closest(to: key, among: unique).map { " Did you mean '\($0)'?" } ?? ""
    return "unknown key '\(key)'.\(hint) Valid keys: \(unique.joined(separator: ", "))"
  }

  /// A summary as the end of a sentence: first letter lowercased, without the final full stop.
  static func lowercasedSentence(_ text: String) -> String {
    var text = text
    if text.hasSuffix(".") { text.removeLast() }
    guard let first = text.first, first.isUppercase, !(text.dropFirst().first?.isUppercase ?? false) else {
      return text
    }
    return first.lowercased() + text.dropFirst()
  }
}
