/// The growing table of a simulation: columns in order, values by column.
struct _PatientTable {
  private(set) var columns: [String] = []
  private(set) var values: [String: [SimulatedValue]] = [:]
  let count: Int

  /// Lays the groups out one after another, then shuffles the patients.
  init(groups: [PatientGroup], patients: Int, generator: inout Xoshiro256StarStar)
    throws(SimulationError)
  {
    guard patients > 0 else {
      throw .invalidDesign(origin: nil, message: "the cohort needs at least 1 patient")
    }
    count = patients
    guard !groups.isEmpty else { return }
    let sizes = try _PatientTable.groupSizes(groups, patients: patients)
    var layout: [Int] = []
    for (g, size) in sizes.enumerated() { layout += Array(repeating: g, count: size) }
    generator.shuffle(&layout)
    for (g, group) in groups.enumerated() {
      for (column, _) in group.values where values[column] == nil {
        columns.append(column)
        values[column] = Array(repeating: .missing, count: patients)
      }
      for (i, groupIndex) in layout.enumerated() where groupIndex == g {
        for (column, value) in group.values { values[column]![i] = _categorical(value) }
      }
    }
  }

  static func groupSizes(_ groups: [PatientGroup], patients: Int) throws(SimulationError) -> [Int] {
    var counts: [Int] = []
    var proportions: [Double] = []
    for group in groups {
      switch group.size {
      case .count(let n): counts.append(n)
      case .proportion(let p): proportions.append(p)
      }
    }
    if !counts.isEmpty && !proportions.isEmpty {
      throw .invalidDesign(
        origin: groups.first?.origin,
        message: "give every group a 'size' or every group a 'proportion', not both")
    }
    if !counts.isEmpty {
      let total = counts.reduce(0, +)
      guard total == patients else {
        throw .invalidDesign(
          origin: groups.first?.origin,
          message: "group sizes add up to \(total), but the cohort has \(patients) patients")
      }
      return counts
    }
    let total = proportions.reduce(0, +)
    guard abs(total - 1) < 1e-9 else {
      throw .invalidDesign(
        origin: groups.first?.origin, message: "group proportions add up to \(_plain(total)), not 1"
      )
    }
    return _largestRemainder(proportions, total: patients)
  }

  mutating func insertFirst(_ column: String, values newValues: [SimulatedValue]) {
    columns.insert(column, at: 0)
    values[column] = newValues
  }

  mutating func add(_ column: String, _ newValues: [SimulatedValue], origin: String?)
    throws(SimulationError)
  {
    guard values[column] == nil else {
      throw .invalidDesign(origin: origin, message: "column '\(column)' is defined twice")
    }
    columns.append(column)
    values[column] = newValues
  }

  /// The key under which a patient's value of `column` is looked up ("" when missing).
  func key(_ column: String, _ i: Int, origin: String?) throws(SimulationError) -> String {
    guard let cells = values[column] else {
      throw .invalidDesign(
        origin: origin,
        message:
          "column '\(column)' is not defined before this point (columns so far: \(columns.joined(separator: ", ")))"
      )
    }
    return cells[i].text
  }

  /// The branch of a conditional value that applies to patient `i`, with the cell it names.
  func resolve<V>(_ conditional: Conditional<V>, _ i: Int, origin: String?) throws(SimulationError)
    -> (value: V, cell: String)
  {
    guard let found = try resolve(conditional, i, origin: origin, allowingMissing: false) else {
      preconditionFailure("a missing level either resolves or throws")
    }
    return found
  }

  /// As ``resolve(_:_:origin:)``; with `allowingMissing`, a missing value without an entry gives nil.
  func resolve<V>(_ conditional: Conditional<V>, _ i: Int, origin: String?, allowingMissing: Bool)
    throws(SimulationError) -> (value: V, cell: String)?
  {
    var node = conditional
    var cell: [String] = []
    while true {
      switch node {
      case .value(let v): return (v, cell.joined(separator: ", "))
      case .by(let column, let levels):
        let level = try key(column, i, origin: origin)
        guard let next = levels[level] else {
          if allowingMissing && level.isEmpty { return nil }
          throw .invalidDesign(
            origin: origin,
            message:
              "no entry for \(column) = '\(level)' (entries: \(levels.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")))"
          )
        }
        cell.append("\(column) = \(level)")
        node = next
      }
    }
  }
}

/// Integer sizes proportional to the weights, summing to `total` (largest remainder; ties to the
/// earlier weight).
func _largestRemainder(_ weights: [Double], total: Int) -> [Int] {
  let sum = weights.reduce(0, +)
  let exact = weights.map { $0 / sum * Double(total) }
  var sizes = exact.map { Int($0.rounded(.down)) }
  let order = exact.indices.sorted { a, b in
    let (ra, rb) = (exact[a] - Double(sizes[a]), exact[b] - Double(sizes[b]))
    return ra != rb ? ra > rb : a < b
  }
  var remaining = total - sizes.reduce(0, +)
  for index in order where remaining > 0 {
    sizes[index] += 1
    remaining -= 1
  }
  return sizes
}
