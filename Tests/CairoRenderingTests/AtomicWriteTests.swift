import CairoRendering
import FigureCore
import Foundation
import Testing

@Suite("Files are written atomically, with clear errors")
struct AtomicWriteTests {
  @Test("Writing into a missing folder fails, naming the path, and leaves no file")
  func missingFolder() throws {
    let folder = try TemporaryFolder()
    let path = folder.file("missing/km.png")
    do {
      try testRenderer.write(SampleScenes.figure(), to: path)
      Issue.record("expected an error")
    } catch let error as RenderError {
      #expect(error == .fileSystem(operation: "open", errno: ENOENT, path: path))
      #expect(
        error.description
          == "open: No such file or directory (\(path)). The folder '\(folder.path)/missing' does not exist; create it first."
      )
    }
    #expect(try folder.contents() == [])
  }

  @Test("Writing below a file fails with a clear message")
  func folderIsAFile() throws {
    let folder = try TemporaryFolder()
    _ = try folder.write([1, 2, 3], to: "notes.txt")
    let path = folder.file("notes.txt/km.pdf")
    #expect {
      try testRenderer.write(SampleScenes.figure(), to: path)
    } throws: { error in
      (error as? RenderError)?.description
        == "open: Not a directory (\(path)). A component of '\(folder.path)/notes.txt' is not a folder."
    }
    #expect(try folder.contents() == ["notes.txt"])
  }

  @Test("When the final rename fails the temporary file is removed")
  func renameFails() throws {
    let folder = try TemporaryFolder()
    try FileManager.default.createDirectory(
      atPath: folder.file("km.svg"), withIntermediateDirectories: false)
    try FileManager.default.createDirectory(
      atPath: folder.file("km.svg/child"), withIntermediateDirectories: false)
    let path = folder.file("km.svg")
    #expect {
      try testRenderer.write(SampleScenes.figure(), to: path)
    } throws: { error in
      guard case .fileSystem(let operation, _, let errorPath)? = error as? RenderError else {
        return false
      }
      return operation == "rename" && errorPath == path
    }
    #expect(try folder.contents() == ["km.svg"])
  }

  @Test("A failed render leaves an existing file untouched")
  func failureKeepsOldFile() throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(Array("old".utf8), to: "km.pdf")
    let empty = Scene(size: Size(width: 0, height: 100))
    #expect(throws: RenderError.invalidPageSize(width: 0, height: 100)) {
      try testRenderer.write(empty, to: path)
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("old".utf8))
    #expect(try folder.contents() == ["km.pdf"])
  }

  @Test(
    "A successful write replaces the file and leaves nothing else", arguments: OutputFormat.allCases
  )
  func successReplaces(format: OutputFormat) throws {
    let folder = try TemporaryFolder()
    let path = try folder.write(Array("old".utf8), to: "km.\(format.fileExtension)")
    try testRenderer.write(SampleScenes.figure(), to: path)
    let written = try Data(contentsOf: URL(fileURLWithPath: path))
    #expect(Array(written) == (try testRenderer.render(SampleScenes.figure(), as: format)))
    #expect(try folder.contents() == ["km.\(format.fileExtension)"])
  }

  @Test("Fonts load from another folder holding the four files, with identical metrics")
  func fontFolderOverride() throws {
    let folder = try TemporaryFolder()
    for name in FontLibrary.fileNames {
      try FileManager.default.copyItem(
        atPath: FontLibrary.defaultDirectory + "/" + name, toPath: folder.file(name))
    }
    let fonts = try FontLibrary(directory: folder.path + "/")
    let text: StyledText = "Number at risk " + .italic("P") + " χ" + .superscript("2")
    let font = FontSpec(size: 8.5, isBold: true)
    #expect(
      CairoTextMeasurer(fonts: fonts).measure(text, font: font)
        == testRenderer.measurer.measure(text, font: font))
  }

  @Test("Missing fonts are reported with the remedy")
  func missingFonts() {
    #expect {
      _ = try FontLibrary(directory: "/nonexistent/fonts")
    } throws: { error in
      (error as? RenderError)?.description
        == "font files 'LiberationSans-Regular.ttf', 'LiberationSans-Bold.ttf', 'LiberationSans-Italic.ttf', 'LiberationSans-BoldItalic.ttf', 'LiberationSerif-Regular.ttf', 'LiberationSerif-Bold.ttf', 'LiberationSerif-Italic.ttf', 'LiberationSerif-BoldItalic.ttf' not found in '/nonexistent/fonts'. Install the Debian package 'fonts-liberation2' (apt-get install fonts-liberation2), or set SURVFIG_FONT_DIR to a folder containing the Liberation Sans and Serif files."
    }
  }

  @Test("Impossible sizes and resolutions are reported")
  func invalidSizes() throws {
    #expect(
      RenderError.invalidPageSize(width: -1, height: 10).description
        == "invalid page size -1.0 x 10.0 pt: width and height must be positive, finite and at most 14400 pt"
    )
    let huge = FigureRenderer(fonts: testRenderer.fonts, options: RenderOptions(dpi: 2400))
    #expect {
      _ = try huge.render(Scene(size: .millimetres(width: 400, height: 100)), as: .png)
    } throws: { error in
      (error as? RenderError)?.description
        == "the image would be 37795 x 9449 pixels at 2400.0 dpi, more than 32767 pixels per side. Lower the resolution ('--dpi') or the figure size."
    }
    let zero = FigureRenderer(fonts: testRenderer.fonts, options: RenderOptions(dpi: 0))
    #expect(throws: RenderError.invalidResolution(dpi: 0)) {
      _ = try zero.render(SampleScenes.figure(), as: .png)
    }
  }
}
