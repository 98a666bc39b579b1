import FigureCore

extension OutputFormat {
  /// The format named by the extension of `path`, in any letter case.
  ///
  /// - Throws: `RenderError.unknownFormat` listing the allowed extensions.
  public init(path: String) throws(RenderError) {
    let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
    var fileExtension = ""
    if let dot = name.lastIndex(of: "."), dot != name.startIndex {
      fileExtension = String(name[name.index(after: dot)...])
    }
    let lowercased = fileExtension.lowercased()
    guard let format = OutputFormat(rawValue: lowercased == "tif" ? "tiff" : lowercased) else {
      throw .unknownFormat(path: path, fileExtension: fileExtension)
    }
    self = format
  }
}
