import ClinicalData
import FigureCore
import Foundation
import OptionSchema
import SurvivalFigures

/// What every figure kind is asked about its files: where they go, their print size and
/// resolution, the title and the type (the command line's output options and a template's
/// figure keys of the same names).
public struct FigureOutput: Hashable, Sendable {
  /// Figure files to write; the extension chooses the format.
  public var outputs: [String] = []
  /// Files of the command's table (`--out` with a table format's extension: csv, md, tex,
  /// docx, rtf), for kinds that compute one.
  public var tableOutputs: [String] = []
  public var widthMillimetres = 170.0
  /// The height the user asked for; nil: the kind's own (a Kaplan–Meier figure's default that
  /// grows when its risk table needs room, a forest plot's rows, a swimmer plot's lanes).
  public var heightMillimetres: Double?
  /// Resolution of PNG files.
  public var dpi = 300.0
  public var title: String?
  /// Colours of the groups or series; nil: the theme's Okabe–Ito palette.
  public var palette: [Color]?
  /// Base type size in points; nil: the theme's size for the figure's width.
  public var fontSize: Double?
  /// The typeface of the figure's text.
  public var fontFamily: FontFamily = .sans
  /// Smallest type allowed at print size, in points; nil: the theme's (6 pt). Figure lint
  /// reports smaller text, and nothing is set smaller to make room.
  public var minimumFontSize: Double?
  /// The journal whose specification set these defaults, if any (`journal`).
  public var journal: Journal?
  /// Width of the data lines in points; nil: the theme's.
  public var lineWidth: Double?
  /// RGB, or CMYK for PDF and TIFF files.
  public var colorModel: ColorModel = .rgb
  /// How SVG files carry text: glyph outlines, or editable `<text>` elements.
  public var svgText: SVGTextMode = .outlines
  /// Small-cell suppression: counts from 1 to one below this print as `<N` in risk tables and
  /// characteristics tables, as a footnote says; nil prints every count.
  public var suppressBelow: Int?
  /// Write the figure even when figure lint finds problems (`allow-lint`); they are then
  /// warnings, not an error.
  public var allowsLint = false

  public init() {}

  /// The base type size the theme gives a figure `millimetres` wide (9 pt at two-column widths,
  /// 7.5 pt at one column).
  public static func themeFontSize(forWidth millimetres: Double) -> Double {
    FigureTheme.scaled(forWidth: millimetres.millimetres).fontSize
  }

  /// Print sizes, 30–1000 mm.
  public static let sizeRange = NumberRange.between(30, 1000, unit: "mm")
  /// PNG resolutions.
  public static let dpiRange = NumberRange.between(36, 2400, unit: "dpi")
  /// Base type sizes.
  public static let fontSizeRange = NumberRange.between(4, 24, unit: "pt")
  /// Widths of the data lines.
  public static let lineWidthRange = NumberRange(lower: 0, isLowerIncluded: false, upper: 5, unit: "pt")

  /// The options every figure takes, for a request that keeps its output at `path`;
  /// `height` says what the height is without the option. `table` names the table the
  /// command also writes when `--out` names a table format (`the survival table`); nil for a
  /// kind without one.
  public static func declarations<Request>(
    _ path: WritableKeyPath<Request, FigureOutput> & Sendable, height: String, table: String? = nil
  ) -> [OptionDeclaration<Request>] {
    [
      OptionDeclaration(
        "out", isInTemplates: false, section: .output,
        summary: table.map {
          "File to write; the extension chooses the format: pdf, svg, png, eps, tif or tiff for the figure; csv, md (Markdown), tex (LaTeX booktabs), docx (a Word table) or rtf (an RTF TLF page) for \($0). Repeat for several files."
        }
          ?? "Figure file to write; the extension chooses the format (pdf, svg, png, eps, tif or tiff). Repeat for several formats.",
        valueDescription: "", valueName: "file",
        example: table == nil ? "--out km.pdf --out km.png" : "--out km.pdf --out km.docx"
      ) { value, name, request throws(OptionError) in
        let paths = try value.texts(name)
        guard table != nil else {
          request[keyPath: path].outputs = paths
          return
        }
        let (figures, tables) = TableOutput.split(paths)
        request[keyPath: path].outputs = figures
        request[keyPath: path].tableOutputs = tables
      },
      journalDeclaration(path),
      OptionDeclaration(
        "width", section: .output,
        summary:
          "Figure width in millimetres, or a column of the journal: single, one-and-a-half or double.",
        valueDescription: "a size in millimetres, \(sizeRange.phrase ?? ""), or single, one-and-a-half, double",
        valueName: "mm", defaultText: "170; the journal's single column; a template: its style's width",
        example: "width: 89"
      ) { value, name, request throws(OptionError) in
        request[keyPath: path].widthMillimetres = try width(value, name, journal: request[keyPath: path].journal)
      }.with(range: sizeRange),
      .number(
        "height", section: .output, "Figure height in millimetres.", in: sizeRange, what: "a size in millimetres",
        valueName: "mm", defaultText: height, example: "height: 100"
      ) { $0[keyPath: path].heightMillimetres = $1 },
      .number(
        "dpi", section: .output, "Resolution of PNG and TIFF files in dots per inch.", in: dpiRange,
        what: "a resolution in dots per inch", valueName: "dpi", defaultText: "300", example: "dpi: 600"
      ) { $0[keyPath: path].dpi = $1 },
      .choice(
        "color", ColorModel.self, section: .output,
        "Colours of PDF and TIFF files: rgb, or cmyk for print (converted with the ICC profile 'Artifex CMYK SWOP Profile', relative colorimetric; PDF through Ghostscript, TIFF through littleCMS; translucent areas painted opaque).",
        defaultValue: .rgb, example: "color: cmyk"
      ) { $0[keyPath: path].colorModel = $1 },
      .choice(
        "svg-text", SVGTextMode.self, section: .output,
        "Text in SVG files: outlines (glyph shapes, the same in every viewer) or editable (<text> elements naming the font, for journals that restyle figures).",
        defaultValue: .outlines, example: "svg-text: editable"
      ) { $0[keyPath: path].svgText = $1 },
      .text("title", section: .output, "Figure title.", example: "title: Overall survival") {
        $0[keyPath: path].title = $1
      },
      OptionDeclaration(
        "palette", section: .output, summary: "Colours of the groups or series.",
        valueDescription: "'okabe-ito', 'grayscale', or #RRGGBB colours, a list or comma-separated",
        valueName: "palette", defaultText: "okabe-ito", example: "palette: ['#0072B2', '#D55E00']"
      ) { value, name, request throws(OptionError) in request[keyPath: path].palette = try palette(value, name) },
      .choice(
        "font", FontFamily.self, section: .output,
        "Typeface: sans (Liberation Sans, as Arial and Helvetica) or serif (Liberation Serif, as Times New Roman).",
        defaultValue: .sans, example: "font: serif"
      ) { $0[keyPath: path].fontFamily = $1 },
      .number(
        "font-size", section: .output, "Base type size in points.", in: fontSizeRange, what: "a type size in points",
        valueName: "pt",
        defaultText:
          "from the width on the command line (9 pt at two-column widths, 7.5 pt at one column); in a template, the style's font-size, else 7.5 pt for every figure",
        example: "font-size: 8"
      ) { $0[keyPath: path].fontSize = $1 },
      .number(
        "line-width", section: .output, "Width of the data lines (curves, intervals, response lines) in points.",
        in: lineWidthRange, what: "a line width in points", valueName: "pt", defaultText: "the theme's",
        example: "line-width: 1"
      ) { $0[keyPath: path].lineWidth = $1 },
      .allowLint { $0[keyPath: path].allowsLint = $1 },
    ]
  }

  /// The small-cell suppression option, for figures, tables and the style.
  public static func suppressBelowDeclaration<Request>(
    commandLine: CommandLineName = .same, set: @escaping OptionDeclaration<Request>.Setter<Int>
  ) -> OptionDeclaration<Request> {
    .integer(
      "suppress-below", commandLine: commandLine, section: .output,
      "Small-cell suppression: counts from 1 to one below this print as <N in risk tables and characteristics tables (stated in a footnote).",
      in: .between(2, 1000), what: "a count", valueName: "N", example: "suppress-below: 5", set: set)
  }

  /// `okabe-ito`, `grayscale`, or `#RRGGBB` colours.
  public static func palette(_ value: OptionValue, _ name: String) throws(OptionError) -> [Color] {
    if case .text(let text) = value.content {
      switch text.trimmingCharacters(in: .whitespaces) {
      case "okabe-ito": return FigureTheme.okabeIto
      case "grayscale", "greyscale": return FigureTheme.grayscale
      default: break
      }
    }
    var colors: [Color] = []
    for item in try value.texts(name) {
      guard let color = Color(hex: item) else {
        throw OptionError(
          "\(name) expects 'okabe-ito', 'grayscale' or colours like '#0072B2', found '\(item.prefix(60))'",
          at: value.origin)
      }
      colors.append(color)
    }
    return colors
  }
}

extension TimeUnit {
  /// The units of a sidecar's times: `time_unit`, the data's (of the `statistics`), and
  /// `display_unit`, the printed texts' and axes' (the data's when not converted); null when
  /// the request names no unit.
  package static func sidecarEntries(data: TimeUnit?, display: TimeUnit?) -> [(String, JSONValue)] {
    [
      ("time_unit", data.map { .string($0.rawValue) } ?? .null),
      ("display_unit", (display ?? data).map { .string($0.rawValue) } ?? .null),
    ]
  }
}
