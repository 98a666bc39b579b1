import SurvivalFigures

/// More groups than a figure can tell apart: ``FigureTheme/maximumGroups`` colours of at least
/// 3:1 contrast on white, each with its own dash pattern.
public struct TooManyGroupsError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The figure in the message (`Kaplan–Meier figure`).
  public var figure: String
  /// The groups' labels in the data's order.
  public var groups: [String]

  public init(figure: String, groups: [String]) {
    self.figure = figure
    self.groups = groups
  }

  /// Throws when `groups` has more than ``FigureTheme/maximumGroups`` labels.
  public static func check(_ groups: [String], figure: String) throws(TooManyGroupsError) {
    if groups.count > FigureTheme.maximumGroups { throw TooManyGroupsError(figure: figure, groups: groups) }
  }

  public var description: String {
    let shown =
      groups.prefix(12).map { "'\($0.prefix(40))'" }.joined(separator: ", ") + (groups.count > 12 ? ", …" : "")
    return
      "a \(figure) tells at most \(FigureTheme.maximumGroups) groups apart by colour and dash pattern; the data have \(groups.count) (\(shown)). Draw them in panels (a template figure of type 'panels', a few groups each) or keep fewer groups (--where on the command line, where: in a template)"
  }
}
