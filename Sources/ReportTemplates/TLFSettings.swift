/// How a template's RTF outputs (tables, listings and figures for a submission) are set:
/// the template key `tlf`.
///
/// ```yaml
/// tlf:
///   population: "Population: all treated patients (N = 79)"
///   program: survfig build Templates/ima.yaml
///   data-cut: 2020-04-30
///   run-time: false            # true prints the build's time (UTC) and changes the bytes
///   orientation: auto          # portrait, landscape, or auto: landscape for a table too wide
///   pitch: proportional        # or fixed (Courier New, as listings are set)
///   font-size: 9
/// ```
public struct TLFSettings: Sendable {
  public enum Orientation: String, Sendable, CaseIterable { case auto, portrait, landscape }
  public enum Pitch: String, Sendable, CaseIterable { case proportional, fixed }

  public var population: String?
  public var program: String?
  public var dataCut: String?
  /// Print the time of the build in the footer (off by default: outputs stay identical).
  public var showsRunTime = false
  public var orientation = Orientation.auto
  public var pitch = Pitch.proportional
  public var fontSize: Double = 9

  public init() {}

  /// The keys of `tlf`, with what each holds.
  public static let keyDescriptions: [(key: String, description: String)] = [
    ("population", "The population line under the titles of every page: `Population: full analysis set`."),
    ("program", "The program named in the footer (e.g. the make target or script)."),
    ("data-cut", "The data cut named in the footer: `2024-03-31`."),
    (
      "run-time",
      "`true` prints the build's date and time (UTC) in the footer; off by default, so files stay identical."
    ),
    (
      "orientation",
      "`auto` (the default: landscape for a table too wide for a portrait page), `portrait` or `landscape`."
    ),
    ("pitch", "`proportional` (the style's typeface, the default) or `fixed` (Courier New, as listings are set)."),
    ("font-size", "Type size in points (default 9; fixed pitch one point smaller)."),
  ]

  init(_ node: TemplateNode) throws(TemplateError) {
    let m = try node.mapping(allowing: Self.keyDescriptions.map(\.key))
    population = try m["population"]?.string()
    program = try m["program"]?.string()
    dataCut = try m["data-cut"]?.string()
    showsRunTime = try m["run-time"]?.bool() ?? false
    if let n = m["orientation"] {
      orientation = Orientation(rawValue: try n.choice(Orientation.allCases.map(\.rawValue)))!
    }
    if let n = m["pitch"] { pitch = Pitch(rawValue: try n.choice(Pitch.allCases.map(\.rawValue)))! }
    if let n = m["font-size"] {
      let size = try n.number()
      guard (5...14).contains(size) else { throw n.error("the type size \(n.shown) is outside 5 to 14 points") }
      fontSize = size
    }
  }
}
