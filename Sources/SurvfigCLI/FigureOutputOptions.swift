import ArgumentParser
import Analyses
import ReportTemplates
import SurvivalSimulation

/// Options shared by every command that draws a figure.
struct FigureOutputOptions: ParsableArguments {
  @Option(
    name: .customLong("out"),
    help: ArgumentHelp(
      "Figure file to write; the extension chooses the format (pdf, svg, png, eps). Repeat for several formats.",
      valueName: "file"))
  var outputs: [String] = []

  @Option(help: ArgumentHelp("Figure width in millimetres.", valueName: "mm"))
  var width: Double = 170

  @Option(
    help: ArgumentHelp(
      "Figure height in millimetres (default 120; a Kaplan–Meier figure then grows when its risk table needs room).",
      valueName: "mm"))
  var height: Double?

  @Option(help: "Resolution of PNG output in dots per inch.")
  var dpi: Double = 300

  @Option(help: ArgumentHelp("Figure title.", valueName: "text"))
  var title: String?

  @Option(
    help: ArgumentHelp(
      "Colours: 'okabe-ito' (default), 'grayscale', or a comma-separated list of #RRGGBB.",
      valueName: "palette"))
  var palette: String?

  func validate() throws {
    guard width >= 30, width <= 1000, (height ?? 120) >= 30, (height ?? 120) <= 1000 else {
      throw ValidationError("Figure sizes must be between 30 and 1000 mm.")
    }
    guard dpi >= 36, dpi <= 2400 else {
      throw ValidationError("Please give a '--dpi' between 36 and 2400.")
    }
  }
}
