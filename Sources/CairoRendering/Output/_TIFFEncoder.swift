internal import CCairo
internal import CTIFF
import FigureCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// TIFF files through libtiff: 8 bits a channel, RGB or CMYK (with the ICC output profile
/// embedded), LZW with the horizontal predictor, the resolution in dots per inch, one strip per
/// about 8 kB, and no date, so the bytes depend only on the pixels.
enum _TIFFEncoder {
  /// The pixels of an image surface (ARGB32, premultiplied) over white, 3 bytes a pixel.
  static func rgbPixels(of surface: _Surface) -> (width: Int, height: Int, rgb: [UInt8]) {
    cairo_surface_flush(surface.pointer)
    let width = Int(cairo_image_surface_get_width(surface.pointer))
    let height = Int(cairo_image_surface_get_height(surface.pointer))
    let stride = Int(cairo_image_surface_get_stride(surface.pointer))
    guard let data = cairo_image_surface_get_data(surface.pointer) else { return (width, height, []) }
    // RGB24 leaves the top byte undefined: every pixel is opaque.
    let hasAlpha = cairo_image_surface_get_format(surface.pointer) == CAIRO_FORMAT_ARGB32
    var rgb = [UInt8](repeating: 255, count: width * height * 3)
    for y in 0..<height {
      let row = data.advanced(by: y * stride).withMemoryRebound(to: UInt32.self, capacity: width) { $0 }
      for x in 0..<width {
        let pixel = row[x]  // native-endian 0xAARRGGBB, colour premultiplied by alpha
        let a = hasAlpha ? Int(pixel >> 24) : 255
        let i = (y * width + x) * 3
        rgb[i] = UInt8(min(255, Int((pixel >> 16) & 0xFF) + 255 - a))
        rgb[i + 1] = UInt8(min(255, Int((pixel >> 8) & 0xFF) + 255 - a))
        rgb[i + 2] = UInt8(min(255, Int(pixel & 0xFF) + 255 - a))
      }
    }
    return (width, height, rgb)
  }

  /// The TIFF file of `surface` at `dpi`, in `model`.
  static func encode(_ surface: _Surface, dpi: Double, model: ColorModel) throws(RenderError) -> [UInt8] {
    let (width, height, rgb) = rgbPixels(of: surface)
    let isCMYK = model == .cmyk
    let pixels = isCMYK ? try _CMYKConversion.cmyk(fromRGB: rgb) : rgb
    let profile = isCMYK ? try _CMYKConversion.profileBytes() : []
    let channels = isCMYK ? 4 : 3

    let folder = try _TemporaryFolder()
    defer { folder.remove(["figure.tiff"]) }
    let path = folder.file("figure.tiff")
    guard let tiff = TIFFOpen(path, "w") else { throw .tiffFailed(operation: "TIFFOpen") }
    var failed: String?
    func set(_ ok: Int32, _ tag: String) { if ok != 1 && failed == nil { failed = "TIFFSetField(\(tag))" } }
    set(survfig_tiff_set_uint32(tiff, UInt32(TIFFTAG_IMAGEWIDTH), UInt32(width)), "ImageWidth")
    set(survfig_tiff_set_uint32(tiff, UInt32(TIFFTAG_IMAGELENGTH), UInt32(height)), "ImageLength")
    set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_SAMPLESPERPIXEL), UInt16(channels)), "SamplesPerPixel")
    set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_BITSPERSAMPLE), 8), "BitsPerSample")
    set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_PLANARCONFIG), UInt16(PLANARCONFIG_CONTIG)), "PlanarConfig")
    set(
      survfig_tiff_set_uint16(
        tiff, UInt32(TIFFTAG_PHOTOMETRIC), UInt16(isCMYK ? PHOTOMETRIC_SEPARATED : PHOTOMETRIC_RGB)),
      "Photometric")
    if isCMYK {
      set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_INKSET), UInt16(INKSET_CMYK)), "InkSet")
      set(
        profile.withUnsafeBytes {
          survfig_tiff_set_bytes(tiff, UInt32(TIFFTAG_ICCPROFILE), UInt32(profile.count), $0.baseAddress)
        }, "ICCProfile")
    }
    set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_COMPRESSION), UInt16(COMPRESSION_LZW)), "Compression")
    set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_PREDICTOR), UInt16(PREDICTOR_HORIZONTAL)), "Predictor")
    set(survfig_tiff_set_uint16(tiff, UInt32(TIFFTAG_RESOLUTIONUNIT), UInt16(RESUNIT_INCH)), "ResolutionUnit")
    set(survfig_tiff_set_float(tiff, UInt32(TIFFTAG_XRESOLUTION), Float(dpi)), "XResolution")
    set(survfig_tiff_set_float(tiff, UInt32(TIFFTAG_YRESOLUTION), Float(dpi)), "YResolution")
    let rowBytes = width * channels
    let rowsPerStrip = max(1, 8192 / max(rowBytes, 1))
    set(survfig_tiff_set_uint32(tiff, UInt32(TIFFTAG_ROWSPERSTRIP), UInt32(rowsPerStrip)), "RowsPerStrip")
    if failed == nil {
      var row = [UInt8](repeating: 0, count: rowBytes)
      for y in 0..<height where failed == nil {
        row.replaceSubrange(0..<rowBytes, with: pixels[(y * rowBytes)..<((y + 1) * rowBytes)])
        if row.withUnsafeMutableBytes({ TIFFWriteScanline(tiff, $0.baseAddress, UInt32(y), 0) }) != 1 {
          failed = "TIFFWriteScanline"
        }
      }
    }
    TIFFClose(tiff)
    if let failed { throw .tiffFailed(operation: failed) }
    guard let bytes = _readFile(path) else { throw .tiffFailed(operation: "reading the written file") }
    return bytes
  }
}
