extension Scene {
  /// A line-per-command text form of the scene with coordinates rounded to 0.01 pt, for
  /// snapshot tests and for reading what a layout decided.
  public var transcript: String {
    var lines = ["scene \(fmt(size.width))x\(fmt(size.height))"]
    func walk(_ cs: [DrawCommand], _ indent: String) {
      for c in cs {
        switch c {
        case .fill(let path, let paint):
          lines.append(indent + "fill \(describe(paint)) \(describe(path))")
        case .stroke(let path, let s):
          let dash = s.dash.isEmpty ? "" : " dash[\(s.dash.map(fmt).joined(separator: ","))]"
          lines.append(indent + "stroke \(s.color.hexString) w\(fmt(s.width))\(dash) \(describe(path))")
        case .text(let run, let p):
          let rot = run.rotation == 0 ? "" : " rot\(fmt(run.rotation))"
          let style = run.font.isBold ? "b" : ""
          lines.append(
            indent
              + "text \(fmt(p.x)),\(fmt(p.y)) \(fmt(run.font.size))pt\(style) \(run.anchor.horizontal)/\(run.anchor.vertical)\(rot) \(run.color.hexString) \"\(run.text.plainText)\""
          )
        case .clip(let r, let children):
          lines.append(indent + "clip \(fmt(r.minX)),\(fmt(r.minY)) \(fmt(r.width))x\(fmt(r.height))")
          walk(children, indent + "  ")
        case .group(let name, let children):
          lines.append(indent + "group \(name)")
          walk(children, indent + "  ")
        }
      }
    }
    walk(commands, "")
    return lines.joined(separator: "\n") + "\n"
  }
}

private func fmt(_ v: Double) -> String {
  let r = (v * 100).rounded() / 100
  if r == r.rounded() { return String(Int(r)) }
  var s = String(r)
  if let dot = s.firstIndex(of: "."), s.distance(from: dot, to: s.endIndex) > 3 {
    s = String(s[..<s.index(dot, offsetBy: 3)])
  }
  return s == "-0" ? "0" : s
}

private func describe(_ paint: Paint) -> String {
  switch paint {
  case .solid(let c): return c.hexString
  case .pattern(let p): return "pattern(\(p.kind.rawValue) \(p.foreground.hexString))"
  }
}

private func describe(_ path: Path) -> String {
  let parts = path.elements.map { e -> String in
    switch e {
    case .move(let p): return "M\(fmt(p.x)),\(fmt(p.y))"
    case .line(let p): return "L\(fmt(p.x)),\(fmt(p.y))"
    case .curve(_, _, let p): return "C\(fmt(p.x)),\(fmt(p.y))"
    case .close: return "Z"
    }
  }
  if parts.count > 12 { return parts.prefix(6).joined(separator: " ") + " …(\(parts.count))" }
  return parts.joined(separator: " ")
}
