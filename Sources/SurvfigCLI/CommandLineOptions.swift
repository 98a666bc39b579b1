import ArgumentParser
import OptionSchema

/// The command line as a front end of the option schema: a command declares its options with
/// ArgumentParser (as optional text, repeated text or flags, named as the schema names them),
/// and these helpers read what was given into schema values, so that every value is read and
/// checked by the request's declarations, as a template's are.
enum CommandLineOptions {
  /// Every option and flag declared by `command` (its option groups included), as the long
  /// name without dashes, with the value given; nil for one not given.
  static func declared(in command: Any) -> [(name: String, content: OptionValue.Content?)] {
    var found: [(name: String, content: OptionValue.Content?)] = []
    for child in Mirror(reflecting: command).children {
      guard let label = child.label, label.hasPrefix("_") else { continue }
      if let property = child.value as? any _CommandLineProperty {
        found.append((longName(String(label.dropFirst())), property.givenContent))
      } else if let group = child.value as? any _CommandLineGroup {
        found += declared(in: group.arguments)
      }
    }
    return found
  }

  /// The values of `options` given in `command`; names in `ownNames` belong to the command
  /// itself (`json`) and are skipped.
  static func values<Request>(
    _ command: Any, options: OptionTable<Request>, ownNames: Set<String> = ["json"]
  ) -> [(key: String, value: OptionValue)] {
    var values: [(key: String, value: OptionValue)] = []
    for (name, content) in declared(in: command) where !ownNames.contains(name) {
      guard let content else { continue }
      guard let declaration = options.declaration(commandLine: name) else {
        preconditionFailure("--\(name) is declared by the command but not by its options")
      }
      let origin = OptionOrigin.commandLine(option: "--\(name)")
      var value = OptionValue(content, origin: origin)
      if case .negatedFlag = declaration.commandLine { value.content = .flag(false) }
      if case .list(let items) = content {
        value.content = .list(items.map { OptionValue($0.content, origin: origin) })
      }
      values.append((declaration.key, value))
    }
    return values
  }

  /// The request `options` make of `command`'s values, starting from `request`; an error is a
  /// usage error (exit 64) with the schema's sentence.
  static func request<Request>(_ command: Any, options: OptionTable<Request>, from request: Request) throws -> Request {
    var request = request
    do {
      try options.apply(values(command, options: options), to: &request, spelling: .commandLine)
    } catch {
      throw ValidationError(error.message)
    }
    return request
  }

  /// ArgumentParser's long name of a property: `noPValue` → `no-p-value`.
  static func longName(_ property: String) -> String {
    var name = ""
    for character in property {
      if character.isUppercase {
        name += "-" + character.lowercased()
      } else {
        name.append(character)
      }
    }
    return name
  }
}

extension OptionTable {
  /// The help of the option the command line spells `--name`.
  func help(_ name: String) -> ArgumentHelp {
    guard let declaration = declaration(commandLine: name) else {
      preconditionFailure("--\(name) is not an option of the request")
    }
    let text = declaration.isRequired ? declaration.help + " Required." : declaration.help
    return ArgumentHelp(text, valueName: declaration.isFlag ? nil : declaration.valueName)
  }
}

/// A declared option or flag whose value the schema reads.
protocol _CommandLineProperty {
  var givenContent: OptionValue.Content? { get }
}

/// A value type of a declared option: optional text, repeated text or a flag.
protocol _CommandLineRaw {
  var givenContent: OptionValue.Content? { get }
}

extension Optional: _CommandLineRaw where Wrapped == String {
  var givenContent: OptionValue.Content? { map { .text($0) } }
}

extension Array: _CommandLineRaw where Element == String {
  var givenContent: OptionValue.Content? {
    isEmpty ? nil : .list(map { OptionValue(.text($0), origin: .commandLine(option: "")) })
  }
}

extension Bool: _CommandLineRaw {
  var givenContent: OptionValue.Content? { self ? .flag(true) : nil }
}

extension Option: _CommandLineProperty where Value: _CommandLineRaw {
  var givenContent: OptionValue.Content? { wrappedValue.givenContent }
}

extension Flag: _CommandLineProperty where Value: _CommandLineRaw {
  var givenContent: OptionValue.Content? { wrappedValue.givenContent }
}

/// An option group, whose options are read as the command's.
protocol _CommandLineGroup {
  var arguments: Any { get }
}

extension OptionGroup: _CommandLineGroup {
  var arguments: Any { wrappedValue }
}
