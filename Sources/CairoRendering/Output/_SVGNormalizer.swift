/// Makes Cairo's SVG output depend only on the figure.
///
/// Cairo names `<g id="surface12">` and `<image id="image7">` after a process-wide counter of
/// surfaces, so the same figure gets other ids when other figures were rendered before it (or
/// concurrently). The ids are renumbered from 1 in order of first appearance, in definitions
/// (`id="…"`) and references (`#…`) alike. Other ids (glyphs, clips, patterns) are already
/// numbered per document.
enum _SVGNormalizer {
  static let prefixes: [[UInt8]] = [Array("surface".utf8), Array("image".utf8)]

  static func normalized(_ svg: [UInt8]) -> [UInt8] {
    var maps = Array(repeating: [ArraySlice<UInt8>: Int](), count: prefixes.count)
    var result: [UInt8] = []
    result.reserveCapacity(svg.count)
    let quote = UInt8(ascii: "\"")
    let hash = UInt8(ascii: "#")
    var i = 0
    scan: while i < svg.count {
      let byte = svg[i]
      result.append(byte)
      i += 1
      guard byte == quote || byte == hash else { continue }
      for (index, prefix) in prefixes.enumerated() where svg[i...].starts(with: prefix) {
        var end = i + prefix.count
        while end < svg.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) {
          end += 1
        }
        guard end > i + prefix.count else { continue }
        let number = svg[(i + prefix.count)..<end]
        let renumbered = maps[index][number] ?? (maps[index].count + 1)
        maps[index][number] = renumbered
        result += prefix
        result += Array(String(renumbered).utf8)
        i = end
        continue scan
      }
    }
    return result
  }
}
