/// An expression of the template language for derived variables and filters.
///
/// ```text
/// if age >= 65 then "65 or older" else "under 65"
/// months_between(diagnosis_date, coalesce(death_date, last_contact))
/// stage in ("III", "IV") and not (ecog is missing)
/// recode(sex, 1 = "Male", 2 = "Female", else = "Unknown")   # or 1: "Male" outside YAML
/// ```
///
/// Values are numbers, text, booleans, dates or missing; missing propagates through arithmetic,
/// comparisons and functions as R's `NA` does, and `and`/`or` follow R's three-valued logic
/// (`FALSE and NA` is `FALSE`, `TRUE or NA` is `TRUE`).
public indirect enum Expression: Hashable, Sendable {
  case number(Double)
  case text(String)
  case boolean(Bool)
  case missing
  /// A column, with the offset of its name in the source.
  case column(String, offset: Int)
  case negate(Expression)
  case not(Expression)
  case binary(BinaryOperator, Expression, Expression, offset: Int)
  case isMissing(Expression, negated: Bool)
  case isIn(Expression, [Expression], negated: Bool)
  case conditional(Expression, then: Expression, else: Expression)
  /// A function call; `labels` holds the `key:` of each argument (nil for plain arguments).
  case call(String, [Expression], labels: [Expression?], offset: Int)

  public enum BinaryOperator: String, Hashable, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">",
      greaterOrEqual = ">="
    case and, or
  }

  /// The columns the expression reads, with their offsets, in the order they are written.
  ///
  /// A walk with a list of pending parts rather than recursion: a chain such as
  /// `a + b + c + …` is as deep as it is long.
  public var columns: [(name: String, offset: Int)] {
    var found: [(name: String, offset: Int)] = []
    // Parts still to visit, the next one last.
    var pending: [Expression] = [self]
    while let part = pending.popLast() {
      switch part {
      case .number, .text, .boolean, .missing: break
      case .column(let name, let offset): found.append((name, offset))
      case .negate(let e), .not(let e), .isMissing(let e, _): pending.append(e)
      case .binary(_, let a, let b, _): pending += [b, a]
      case .isIn(let e, let list, _): pending += list.reversed() + [e]
      case .conditional(let c, let a, let b): pending += [b, a, c]
      case .call(_, let arguments, let labels, _):
        // Labels are values to match, except `else`, which marks recode()'s default.
        let matched = labels.compactMap { $0 }.filter { label in
          if case .column("else", _) = label { return false }
          return true
        }
        pending += matched.reversed() + arguments.reversed()
      }
    }
    return found
  }
}

/// An expression that cannot be read or evaluated, with the offset (in characters) of the
/// offending part, so that callers can point at `file:line:column`.
public struct ExpressionError: Error, Hashable, Sendable, CustomStringConvertible {
  public var message: String
  /// Character offset in the expression's source.
  public var offset: Int
  /// The source, for the caret display.
  public var source: String

  public init(_ message: String, offset: Int, source: String) {
    self.message = message
    self.offset = offset
    self.source = source
  }

  public var description: String { message }

  /// The source with a caret under the offending character; a source longer than 80
  /// characters is shown as the 80 around that character, cut ends marked `…`.
  public var pointer: String {
    let characters = Array(source)
    let at = min(max(0, offset), characters.count)
    let width = 80
    guard characters.count > width else { return source + "\n" + String(repeating: " ", count: at) + "^" }
    let start = max(0, min(at - width / 2, characters.count - width))
    let end = min(characters.count, start + width)
    let head = start > 0 ? "…" : ""
    let tail = end < characters.count ? "…" : ""
    return head + String(characters[start..<end]) + tail + "\n"
      + String(repeating: " ", count: head.count + at - start) + "^"
  }
}
