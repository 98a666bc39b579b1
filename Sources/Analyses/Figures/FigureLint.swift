import FigureCore
import SurvivalFigures

/// A figure that figure lint found problems in, refused because the user did not allow them.
///
/// Every command and `survfig build` lint every figure they lay out; a figure with findings is
/// written only with `allow-lint` (`--allow-lint` on the command line, `allow-lint: true` in a
/// template), and then its findings are warnings.
public struct FigureLintError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The findings, each a sentence (prefixed by the figure's id in a build).
  public var findings: [String]
  /// How to write the figure anyway, as the front end spells it.
  public var allowance: String

  public init(findings: [String], allowance: String) {
    self.findings = findings
    self.allowance = allowance
  }

  public var description: String {
    let count = findings.count == 1 ? "1 problem" : "\(findings.count) problems"
    return "figure lint found \(count); fix \(findings.count == 1 ? "it" : "them"), or \(allowance):\n"
      + findings.map { "  " + $0 }.joined(separator: "\n")
  }

  /// The command line's way to allow findings.
  public static let commandLineAllowance = "give --allow-lint to write the figure anyway"
}

extension LaidOutFigure {
  /// What layout found (content that does not fit, a plot area below its share of the height)
  /// and the scene lint's findings (type below `minimumFontSize`, overlapping texts, texts off
  /// the page).
  public func lint(measurer: some TextMeasuring, minimumFontSize: Double) -> [LintFinding] {
    findings + scene.lint(measurer: measurer, minimumFontSize: minimumFontSize)
  }

  /// The findings of ``lint(measurer:minimumFontSize:)`` as warnings when `allowsLint`;
  /// otherwise none, or a ``FigureLintError`` listing them.
  public func checkLint(measurer: some TextMeasuring, minimumFontSize: Double, allowsLint: Bool) throws(FigureLintError)
    -> [String]
  {
    let messages = lint(measurer: measurer, minimumFontSize: minimumFontSize).map(\.message)
    guard allowsLint || messages.isEmpty else {
      throw FigureLintError(findings: messages, allowance: FigureLintError.commandLineAllowance)
    }
    return messages
  }
}

extension FigureTheme {
  /// The smallest type the command line's figures may use (their theme's minimum).
  public static var commandLineMinimumFontSize: Double { FigureTheme().minimumFontSize }
}
