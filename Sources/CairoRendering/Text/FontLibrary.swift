import FigureCore
import Synchronization

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The pinned fonts every figure is set in, and the one Pango setup used both to measure and to
/// draw text, so measured widths are exactly the drawn widths in every output format.
///
/// The fonts are Liberation Sans and Liberation Serif, Regular, Bold, Italic and Bold Italic
/// (Debian package `fonts-liberation2`; metric-compatible with Arial and Helvetica, and with
/// Times New Roman), loaded from fixed files
/// into a private fontconfig configuration that contains nothing else. Which fonts happen to be
/// installed on a machine therefore never changes a figure: a character the fonts lack shows as
/// a hex box rather than silently coming from some other font.
///
/// Pango's font map is not thread-safe, so all text work goes through one lock per library.
/// Layout is cheap next to rasterising; rendering many figures in parallel still scales.
public final class FontLibrary: Sendable {
  /// The environment variable naming a folder to load the font files from instead of
  /// `defaultDirectory`.
  public static let directoryVariable = "SURVFIG_FONT_DIR"
  /// Where `fonts-liberation2` installs the files.
  public static let defaultDirectory = "/usr/share/fonts/truetype/liberation2"
  /// The fontconfig family of each ``FontFamily``.
  public static func familyName(_ family: FontFamily) -> String {
    switch family {
    case .sans: "Liberation Sans"
    case .serif: "Liberation Serif"
    }
  }
  /// The eight files loaded from the font directory.
  public static let fileNames = [
    "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf", "LiberationSans-Italic.ttf",
    "LiberationSans-BoldItalic.ttf", "LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf",
    "LiberationSerif-Italic.ttf", "LiberationSerif-BoldItalic.ttf",
  ]

  /// The folder the font files were loaded from.
  public let directory: String
  let pango: Mutex<_PangoFonts>

  /// Loads the Liberation Sans and Serif files from `directory`.
  ///
  /// - Throws: `RenderError.fontsMissing` naming the absent files, or
  ///   `RenderError.fontUnreadable` when a file is not a font.
  public init(directory: String) throws(RenderError) {
    let paths = Self.fileNames.map {
      directory.hasSuffix("/") ? directory + $0 : directory + "/" + $0
    }
    let missing = zip(Self.fileNames, paths).filter { access($0.1, R_OK) != 0 }.map(\.0)
    guard missing.isEmpty else {
      throw .fontsMissing(directory: directory, missingFiles: missing)
    }
    self.directory = directory
    self.pango = Mutex(try _PangoFonts(files: paths))
  }

  /// The library for `SURVFIG_FONT_DIR`, or `defaultDirectory` when that is unset; loaded once
  /// per process.
  public static func standard() throws(RenderError) -> FontLibrary {
    try standardLibrary.get()
  }

  private static let standardLibrary: Result<FontLibrary, RenderError> = {
    let override = getenv(directoryVariable).map { String(cString: $0) } ?? ""
    return Result { () throws(RenderError) in
      try FontLibrary(directory: override.isEmpty ? defaultDirectory : override)
    }
  }()

  /// Runs `body` with exclusive use of the Pango state.
  func withPango<R: Sendable>(_ body: (_PangoFonts) -> R) -> R {
    pango.withLock { fonts in body(fonts) }
  }
}
