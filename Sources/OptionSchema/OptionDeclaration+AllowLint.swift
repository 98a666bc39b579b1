extension OptionDeclaration {
  /// The template key and command-line flag that writes a figure figure lint finds problems
  /// in: text below the minimum size, overlapping, or off the page or its panel, and content
  /// that does not fit the figure's size. Without it such a figure is an error; with it the
  /// findings are printed as warnings. Figures, the style of a template (for all its figures)
  /// and grids of panels take it; `survfig build --allow-lint` applies it to every figure.
  public static func allowLint(commandLine: CommandLineName = .same, set: @escaping Setter<Bool>) -> Self {
    .flag(
      "allow-lint", commandLine: commandLine, section: .output,
      "Write the figure even when figure lint finds problems (text too small, overlapping or clipped, content that does not fit the size); they are printed as warnings. Without it they are an error.",
      example: "allow-lint: true", set: set)
  }
}
