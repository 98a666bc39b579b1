import Analyses
import ClinicalData
import Expressions
import FigureCore
import Yams

/// An expression written in a template, with where it was written.
public struct TemplateExpression: Sendable {
  public var expression: Expression
  public var source: String
  public var file: String
  public var key: String
  /// Line and column of the expression's first character.
  public var line: Int?
  public var column: Int?

  /// The template error for a problem at `error.offset` in the expression, with a caret.
  func error(_ error: ExpressionError) -> TemplateError {
    TemplateError(
      file: file, line: line, column: column.map { $0 + error.offset }, key: key,
      message: "\(error.message)\n    \(error.pointer.replacingOccurrences(of: "\n", with: "\n    "))")
  }

  /// The rows of `table` where the expression is true.
  package func rows(of table: DataTable) throws(TemplateError) -> [Int] {
    var evaluator = ExpressionEvaluator(table: table)
    do {
      return try evaluator.rows(where: expression, source: source)
    } catch {
      throw self.error(error)
    }
  }

  /// The expression's values in the rows of `table`, as a column called `name`: numbers, text,
  /// dates or true/false values, as the values are (text when they are of several kinds).
  package func column(named name: String, of table: DataTable) throws(TemplateError) -> DataTable.NewColumn {
    var evaluator = ExpressionEvaluator(table: table)
    do {
      return ExpressionValue.column(named: name, try evaluator.values(of: expression, source: source))
    } catch {
      throw self.error(error)
    }
  }
}

extension TemplateNode {
  /// The value read as an expression of the template language.
  func expression() throws(TemplateError) -> TemplateExpression {
    let source: String
    var column = self.column
    switch node {
    case .scalar(let scalar):
      source = scalar.string
      // Quoted scalars start one character after their mark.
      if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { column = column.map { $0 + 1 } }
    default:
      throw error("expected an expression, found \(shown)")
    }
    let written = TemplateExpression(
      expression: .missing, source: source, file: file, key: path, line: line, column: column)
    do {
      var parsed = written
      parsed.expression = try ExpressionParser.parse(source)
      return parsed
    } catch {
      throw written.error(error)
    }
  }
}
