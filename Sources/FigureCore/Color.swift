/// An sRGB colour with straight (not premultiplied) alpha, components in 0…1.
public struct Color: Hashable, Sendable {
  public var red: Double
  public var green: Double
  public var blue: Double
  public var alpha: Double

  public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
    self.red = red
    self.green = green
    self.blue = blue
    self.alpha = alpha
  }

  /// A colour from `#RRGGBB` or `#RRGGBBAA` (the `#` is optional); nil when malformed.
  public init?(hex: String) {
    var s = Substring(hex)
    if s.hasPrefix("#") { s = s.dropFirst() }
    guard s.count == 6 || s.count == 8, let v = UInt32(s, radix: 16) else { return nil }
    let hasAlpha = s.count == 8
    let rgb = hasAlpha ? v >> 8 : v
    self.init(
      red: Double((rgb >> 16) & 0xFF) / 255, green: Double((rgb >> 8) & 0xFF) / 255,
      blue: Double(rgb & 0xFF) / 255, alpha: hasAlpha ? Double(v & 0xFF) / 255 : 1)
  }

  /// The same colour with another opacity.
  public func withAlpha(_ alpha: Double) -> Color {
    Color(red: red, green: green, blue: blue, alpha: alpha)
  }

  /// The opaque colour this one looks like when painted over `background`.
  public func blended(over background: Color) -> Color {
    let a = alpha
    return Color(
      red: red * a + background.red * (1 - a), green: green * a + background.green * (1 - a),
      blue: blue * a + background.blue * (1 - a), alpha: 1)
  }

  /// `#RRGGBB` (opaque) or `#RRGGBBAA`.
  public var hexString: String {
    func byte(_ v: Double) -> String {
      let b = Int((max(0, min(1, v)) * 255).rounded())
      let h = String(b, radix: 16, uppercase: true)
      return h.count == 1 ? "0" + h : h
    }
    return "#" + byte(red) + byte(green) + byte(blue) + (alpha < 1 ? byte(alpha) : "")
  }

  public static let black = Color(red: 0, green: 0, blue: 0)
  public static let white = Color(red: 1, green: 1, blue: 1)
  /// Dark grey for axes and secondary text.
  public static let gray = Color(red: 0.35, green: 0.35, blue: 0.35)
}
