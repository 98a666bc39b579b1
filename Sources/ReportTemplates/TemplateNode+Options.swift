import OptionSchema
import Yams

extension TemplateNode {
  /// The value as the option schema reads it: scalars as text, sequences as lists and mappings
  /// as mappings, each with its position and key path.
  var optionValue: OptionValue {
    let origin = OptionOrigin.template(file: file, line: line, column: column, key: path)
    switch node {
    case .scalar(let scalar):
      return OptionValue(.text(scalar.string), origin: origin)
    case .sequence:
      return OptionValue(.list(((try? list()) ?? []).map(\.optionValue)), origin: origin)
    case .mapping(let mapping):
      let entries = mapping.map { pair -> (key: String, value: OptionValue) in
        let key = pair.key.string ?? "\(pair.key)"
        let full = path.isEmpty ? key : "\(path).\(key)"
        var value = TemplateNode(pair.value, file: file, path: full).optionValue
        value.keyOrigin = .template(file: file, line: pair.key.mark?.line, column: pair.key.mark?.column, key: full)
        return (key, value)
      }
      return OptionValue(.mapping(entries), origin: origin)
    case .alias:
      return OptionValue(.text(""), origin: origin)
    }
  }
}

extension OptionError {
  /// The error as a template error at its value (or at `fallback` when it has no template
  /// position).
  func templateError(at fallback: TemplateNode) -> TemplateError {
    if case .template(let file, let line, let column, let key)? = origin {
      return TemplateError(file: file, line: line, column: column, key: key, message: message)
    }
    return fallback.error(message)
  }
}

/// Conversions between a template's positions and the schema's origins.
enum TemplateOrigin {
  static func of(_ node: TemplateNode) -> OptionOrigin {
    .template(file: node.file, line: node.line, column: node.column, key: node.path)
  }
}
