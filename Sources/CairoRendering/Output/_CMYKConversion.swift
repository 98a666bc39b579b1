internal import CLittleCMS
import FigureCore

/// sRGB to CMYK through littleCMS with one named ICC output profile, the same that Ghostscript
/// uses for CMYK PDF files (``_GhostscriptCMYK``), so a figure's TIFF and PDF agree.
///
/// The profile is Ghostscript's `default_cmyk.icc`, "Artifex CMYK SWOP Profile" (Debian package
/// `libgs-common`, installed with `ghostscript`): SWOP coated stock, the usual target of US
/// journal printers. Rendering intent relative colorimetric with black-point compensation, as
/// Adobe's default for converting graphics. Pure black becomes the profile's four-colour black.
enum _CMYKConversion {
  static let profilePath = "/usr/share/color/icc/ghostscript/default_cmyk.icc"
  static let profileName = "Artifex CMYK SWOP Profile"

  /// The profile's bytes, embedded in CMYK TIFF files.
  static func profileBytes() throws(RenderError) -> [UInt8] {
    guard let bytes = _readFile(profilePath), !bytes.isEmpty else {
      throw .colorProfileUnreadable(path: profilePath)
    }
    return bytes
  }

  /// `rgb` (3 bytes a pixel) converted to CMYK (4 bytes a pixel, 0 no ink … 255 full ink).
  static func cmyk(fromRGB rgb: [UInt8]) throws(RenderError) -> [UInt8] {
    let pixels = rgb.count / 3
    guard let source = cmsCreate_sRGBProfile() else { throw .colorProfileUnreadable(path: "sRGB") }
    defer { cmsCloseProfile(source) }
    guard let target = cmsOpenProfileFromFile(profilePath, "r") else {
      throw .colorProfileUnreadable(path: profilePath)
    }
    defer { cmsCloseProfile(target) }
    guard
      let transform = cmsCreateTransform(
        source, survfig_TYPE_RGB_8, target, survfig_TYPE_CMYK_8, cmsUInt32Number(INTENT_RELATIVE_COLORIMETRIC),
        cmsUInt32Number(cmsFLAGS_BLACKPOINTCOMPENSATION))
    else { throw .colorProfileUnreadable(path: profilePath) }
    defer { cmsDeleteTransform(transform) }
    var out = [UInt8](repeating: 0, count: pixels * 4)
    rgb.withUnsafeBytes { input in
      out.withUnsafeMutableBytes { output in
        cmsDoTransform(transform, input.baseAddress, output.baseAddress, cmsUInt32Number(pixels))
      }
    }
    return out
  }
}
