extension _PatientTable {
  mutating func draw(_ covariate: Covariate, generator: inout Xoshiro256StarStar)
    throws(SimulationError)
  {
    let origin = covariate.origin
    var column = [SimulatedValue](repeating: .missing, count: count)
    switch covariate.kind {
    case .categorical(let conditional):
      var cells: [String] = []
      var members: [String: [Int]] = [:]
      var laws: [String: Covariate.Law] = [:]
      for i in 0..<count {
        let (law, cell) = try resolve(conditional, i, origin: origin)
        switch law {
        case .probabilities(let levels):
          let index = generator.nextCategory(probabilities: levels.map(\.probability))
          column[i] = _categorical(levels[index].level)
        case .counts:
          if members[cell] == nil {
            cells.append(cell)
            laws[cell] = law
          }
          members[cell, default: []].append(i)
        }
      }
      for cell in cells {
        guard case .counts(let levels) = laws[cell]!, let patients = members[cell] else { continue }
        let total = levels.reduce(0) { $0 + $1.count }
        guard total == patients.count else {
          let place = cell.isEmpty ? "" : " where \(cell)"
          throw .invalidDesign(
            origin: origin,
            message:
              "counts of '\(covariate.name)'\(place) add up to \(total), but \(patients.count) patients are there"
          )
        }
        var pool: [String] = []
        for (level, n) in levels { pool += Array(repeating: level, count: n) }
        generator.shuffle(&pool)
        for (i, level) in zip(patients, pool) { column[i] = _categorical(level) }
      }
    case .continuous(let conditional, let digits, let lower, let upper):
      for i in 0..<count {
        let (distribution, _) = try resolve(conditional, i, origin: origin)
        var x = Double.nan
        for attempt in 0... {
          x = generator.draw(distribution)
          if (lower.map { x >= $0 } ?? true) && (upper.map { x <= $0 } ?? true) { break }
          if attempt == 10_000 {
            throw .invalidDesign(
              origin: origin,
              message:
                "'\(covariate.name)' drew nothing inside its bounds in 10000 tries; check 'min' and 'max'"
            )
          }
        }
        column[i] = .number(_round(x, digits: digits), digits: digits)
      }
    case .derived(let sources, let map, let fallback):
      for i in 0..<count {
        var parts: [String] = []
        for source in sources { parts.append(try key(source, i, origin: origin)) }
        let joined = parts.joined(separator: " ")
        guard let value = map[joined] ?? fallback else {
          throw .invalidDesign(
            origin: origin,
            message:
              "'\(covariate.name)' has no value for '\(joined)' (\(sources.joined(separator: " "))); add it to 'map' or give a 'default'"
          )
        }
        column[i] = _categorical(value)
      }
    }
    try add(covariate.name, column, origin: origin)
  }
}

/// "NA" and "" are written as missing.
func _categorical(_ level: String) -> SimulatedValue {
  level == "NA" || level.isEmpty ? .missing : .text(level)
}

extension Xoshiro256StarStar {
  mutating func draw(_ distribution: Covariate.Distribution) -> Double {
    switch distribution {
    case .normal(let mean, let sd): return mean + sd * nextStandardNormal()
    case .lognormal(let meanlog, let sdlog):
      return _PortableMath.exp(meanlog + sdlog * nextStandardNormal())
    case .uniform(let a, let b): return nextUniform(from: a, to: b)
    }
  }
}
