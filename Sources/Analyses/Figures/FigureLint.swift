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

extension LaidOutFigure {
  /// ``checkLint(measurer:minimumFontSize:allowsLint:)`` with `output`'s smallest type and
  /// allowance; a figure taller than `output`'s journal prints is a finding too.
  public func checkLint(measurer: some TextMeasuring, output: FigureOutput) throws(FigureLintError) -> [String] {
    var figure = self
    if let tooTall = output.journal?.heightFinding(sceneHeight: scene.size.height) { figure.findings.append(tooTall) }
    return try figure.checkLint(
      measurer: measurer, minimumFontSize: output.minimumFontSize ?? FigureTheme.commandLineMinimumFontSize,
      allowsLint: output.allowsLint)
  }
}

extension Journal {
  /// A finding when a figure `sceneHeight` points tall is taller than the journal prints.
  public func heightFinding(sceneHeight: Double) -> LintFinding? {
    guard let tallest = maximumHeight, sceneHeight > tallest.millimetres + 0.01 else { return nil }
    let height = Int((sceneHeight / pointsPerMillimetre).rounded(.up))
    return LintFinding(
      kind: .tooTall, texts: [],
      message:
        "the figure is \(height) mm tall; \(title) prints figures up to \(Int(tallest)) mm: give a height of at most \(Int(tallest)) mm, a wider column or less content"
    )
  }
}

extension FigureTheme {
  /// The smallest type the command line's figures may use (their theme's minimum).
  public static var commandLineMinimumFontSize: Double { FigureTheme().minimumFontSize }
}
