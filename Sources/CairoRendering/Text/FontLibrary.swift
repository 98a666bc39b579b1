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
/// into a private fontconfig configuration that contains nothing else but the pinned fallback for
/// Chinese, Japanese and Korean: Noto Sans CJK and Noto Serif CJK, Regular and Bold (Debian
/// package `fonts-noto-cjk`). Pango falls back per glyph through that configuration, so a label
/// mixing Latin, Greek and CJK text takes each character from the first of Liberation, then Noto
/// CJK that has it; both are embedded and subset in PDF files. Which fonts happen to be installed
/// on a machine therefore never changes a figure: a character none of the pinned fonts has shows
/// as a hex box, and ``charactersWithoutFont(in:)`` names it so that commands can warn.
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

  /// The environment variable naming a folder to load the CJK fallback files from instead of
  /// `defaultFallbackDirectory`; set but empty, no fallback is loaded.
  public static let fallbackDirectoryVariable = "SURVFIG_FALLBACK_FONT_DIR"
  /// Where `fonts-noto-cjk` installs the files.
  public static let defaultFallbackDirectory = "/usr/share/fonts/opentype/noto"
  /// The fallback files for Chinese, Japanese and Korean; each collection holds the Simplified
  /// Chinese, Traditional Chinese, Japanese and Korean faces.
  public static let fallbackFileNames = [
    "NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc", "NotoSerifCJK-Regular.ttc", "NotoSerifCJK-Bold.ttc",
  ]
  /// The fontconfig family that characters missing from each ``FontFamily`` come from: the
  /// Simplified Chinese face of the collection, whose Han glyphs are China's standard forms.
  public static func fallbackFamilyName(_ family: FontFamily) -> String {
    switch family {
    case .sans: "Noto Sans CJK SC"
    case .serif: "Noto Serif CJK SC"
    }
  }

  /// The folder the font files were loaded from.
  public let directory: String
  /// The folder the CJK fallback files were loaded from; nil when they are not installed.
  public let fallbackDirectory: String?
  let pango: Mutex<_PangoFonts>

  /// Loads the Liberation Sans and Serif files from `directory` and, when all four are there,
  /// the Noto CJK files from `fallbackDirectory` (nil: none).
  ///
  /// - Throws: `RenderError.fontsMissing` naming the absent files, or
  ///   `RenderError.fontUnreadable` when a file is not a font.
  public init(directory: String, fallbackDirectory: String? = FontLibrary.defaultFallbackDirectory)
    throws(RenderError)
  {
    func paths(_ names: [String], in folder: String) -> [String] {
      names.map { folder.hasSuffix("/") ? folder + $0 : folder + "/" + $0 }
    }
    let files = paths(Self.fileNames, in: directory)
    let missing = zip(Self.fileNames, files).filter { access($0.1, R_OK) != 0 }.map(\.0)
    guard missing.isEmpty else {
      throw .fontsMissing(directory: directory, missingFiles: missing)
    }
    let fallbacks = fallbackDirectory.map { paths(Self.fallbackFileNames, in: $0) } ?? []
    let hasFallback = !fallbacks.isEmpty && fallbacks.allSatisfy { access($0, R_OK) == 0 }
    self.directory = directory
    self.fallbackDirectory = hasFallback ? fallbackDirectory : nil
    self.pango = Mutex(try _PangoFonts(files: files, fallbackFiles: hasFallback ? fallbacks : []))
  }

  /// The library for `SURVFIG_FONT_DIR`, or `defaultDirectory` when that is unset; loaded once
  /// per process.
  public static func standard() throws(RenderError) -> FontLibrary {
    try standardLibrary.get()
  }

  private static let standardLibrary: Result<FontLibrary, RenderError> = {
    let override = getenv(directoryVariable).map { String(cString: $0) } ?? ""
    let fallback = getenv(fallbackDirectoryVariable).map { String(cString: $0) }
    return Result { () throws(RenderError) in
      try FontLibrary(
        directory: override.isEmpty ? defaultDirectory : override,
        fallbackDirectory: fallback.map { $0.isEmpty ? nil : $0 } ?? defaultFallbackDirectory)
    }
  }()

  /// Runs `body` with exclusive use of the Pango state.
  func withPango<R: Sendable>(_ body: (_PangoFonts) -> R) -> R {
    pango.withLock { fonts in body(fonts) }
  }
}
