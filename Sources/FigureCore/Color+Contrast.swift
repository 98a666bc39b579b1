#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension Color {
  /// WCAG 2 relative luminance of the opaque colour: L = 0.2126 R + 0.7152 G + 0.0722 B of the
  /// linearised sRGB components, each c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055)^2.4.
  ///
  /// Reference: W3C, Web Content Accessibility Guidelines 2.1, "relative luminance".
  public var relativeLuminance: Double {
    func linear(_ c: Double) -> Double {
      c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
  }

  /// WCAG 2 contrast ratio against `other`, (L₁ + 0.05) / (L₂ + 0.05) with L₁ the lighter, from 1
  /// (the same) to 21 (black on white). Graphics and large text need at least 3 (WCAG 1.4.11).
  public func contrastRatio(against other: Color) -> Double {
    let a = relativeLuminance
    let b = other.relativeLuminance
    return (max(a, b) + 0.05) / (min(a, b) + 0.05)
  }

  /// CIE L* (0 black … 100 white) of the colour under D65: the lightness a grayscale print keeps.
  public var lightness: Double {
    let y = relativeLuminance
    let f = y > 216.0 / 24389 ? cbrt(y) : (24389.0 / 27 * y + 16) / 116
    return 116 * f - 16
  }
}
