import Foundation

/// Data and labels of the stress suite: deterministic (a linear congruential generator), Latin,
/// Greek and accented text, up to 60 characters.
enum StressData {
  /// Numbers in [0, 1) from a fixed seed, the same on every run.
  struct Generator {
    var state: UInt64
    mutating func next() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
  }

  enum Script: String, CaseIterable {
    case latin, greek, accented
    var text: String {
      switch self {
      case .latin: "Treatment arm with extended follow-up and biomarker selected cohort"
      case .greek: "Ομάδα θεραπείας με παρατεταμένη παρακολούθηση και επιλογή βιοδεικτών"
      case .accented: "Bras de traitement à dose élevée après chimiothérapie néoadjuvante préalable"
      }
    }
  }

  /// Label `index` (from 0): its number, then words of the script's text, at most `length`
  /// characters, cut at a space.
  static func label(_ index: Int, length: Int, script: Script) -> String {
    var label = "\(index + 1)"
    for word in script.text.split(separator: " ") {
      guard label.count + 1 + word.count <= length else { break }
      label += " " + word
    }
    return label
  }

  /// Survival data: `groups` groups of `perGroup` patients, exponential times, 70 % events.
  static func survival(groups: Int, perGroup: Int, competing: Bool = false) -> String {
    var random = Generator(state: UInt64(groups * 1000 + perGroup))
    var rows = ["time,status,arm"]
    for g in 0..<groups {
      for _ in 0..<perGroup {
        let time = -log(1 - random.next()) * (20 + 4 * Double(g))
        let u = random.next()
        let status = competing ? (u < 0.5 ? 1 : u < 0.75 ? 2 : 0) : (u < 0.7 ? 1 : 0)
        rows.append(String(format: "%.2f,%d,%d", time, status, g + 1))
      }
    }
    return rows.joined(separator: "\n") + "\n"
  }

  /// Published estimates: `rows` rows with labels of `length` characters.
  static func estimates(rows: Int, length: Int, script: Script) -> String {
    var random = Generator(state: UInt64(rows * 100 + length))
    var lines = ["name,hr,lo,hi,p"]
    for r in 0..<rows {
      let hr = exp((random.next() - 0.5) * 2.4)
      let spread = exp(0.15 + random.next() * 0.6)
      let name = label(r, length: length, script: script).replacingOccurrences(of: ",", with: " ")
      lines.append(String(format: "\"%@\",%.3f,%.3f,%.3f,%.4f", name, hr, hr / spread, hr * spread, random.next()))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Swimmer patients: `count` lanes in two arms.
  static func patients(_ count: Int) -> String {
    var random = Generator(state: UInt64(count))
    let rows = (1...count).map { i in
      String(format: "P%03d,%.1f,%@,%d", i, 1 + random.next() * 30, i % 2 == 0 ? "A" : "B", i % 3 == 0 ? 1 : 0)
    }
    return "patient,end,arm,ongoing\n" + rows.joined(separator: "\n") + "\n"
  }

  /// Events of every patient: one at time 0 and one during follow-up.
  static func events(_ count: Int) -> String {
    var random = Generator(state: UInt64(count + 7))
    let rows = (1...count).flatMap { i in
      [String(format: "P%03d,0,Start", i), String(format: "P%03d,%.1f,PR", i, 1 + random.next() * 20)]
    }
    return "patient,month,event\n" + rows.joined(separator: "\n") + "\n"
  }
}
