/// CMYK PDF files from Cairo's RGB PDF through Ghostscript's `pdfwrite` device.
///
/// Cairo writes only RGB. Ghostscript converts every colour to DeviceCMYK through littleCMS with
/// the same output profile as CMYK TIFF files (``_CMYKConversion``), keeps text as text and the
/// fonts embedded and subset, and writes no date, document ID or XMP packet, so the bytes depend
/// only on the figure and the Ghostscript version. The figure is drawn without transparency
/// (translucent bands in their opaque colour over white) before the conversion.
///
/// Ghostscript rather than a rewrite of Cairo's content streams: it is the maintained tool
/// print shops use for this conversion, and it also converts patterns, shadings and images.
enum _GhostscriptCMYK {
  static func converted(_ pdf: [UInt8]) throws(RenderError) -> [UInt8] {
    guard let gs = _locate("gs") else { throw .toolMissing(name: "gs", package: "ghostscript") }
    _ = try _CMYKConversion.profileBytes()
    let folder = try _TemporaryFolder()
    let names = ["rgb.pdf", "cmyk.pdf", "gs.log"]
    defer { folder.remove(names) }
    try _AtomicFile.write(pdf, to: folder.file("rgb.pdf"))
    let arguments = [
      "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite", "-dCompatibilityLevel=1.5",
      "-sColorConversionStrategy=CMYK", "-sProcessColorModel=DeviceCMYK",
      "-sOutputICCProfile=" + _CMYKConversion.profilePath, "-dRenderIntent=1", "-dBlackPtComp=1",
      "-dOmitInfoDate", "-dOmitID", "-dOmitXMP", "-dAutoRotatePages=/None",
      "-sOutputFile=" + folder.file("cmyk.pdf"), folder.file("rgb.pdf"),
    ]
    let result = try _run(gs, arguments, outputFile: folder.file("gs.log"))
    guard result.status == 0, let bytes = _readFile(folder.file("cmyk.pdf")), !bytes.isEmpty else {
      throw .toolFailed(name: "gs", status: result.status, message: result.output)
    }
    return bytes
  }
}
