import Foundation

// The network algorithm for Fisher's exact test of an r × c table (r, c > 2).
//
// Implementation goals, in order of priority:
//
// 1. R's answer: the total probability of the tables with the observed margins whose probability
//    is at most (1 + 10⁻⁷) times the observed one.
// 2. Enough speed for the characteristics tables of clinical studies (a few hundred patients, a
//    handful of levels and groups) in well under a second, and a clear refusal, never a hang,
//    beyond.
//
// A table is built column by column (the stages). After k columns only the row totals still to be
// filled matter for the rest, so the partial tables meet in nodes keyed by those remainders; as
// the remaining problem does not depend on the order of the rows, a node's key is the sorted
// remainder. With P(x) = K · ∏ 1/x_ij!, K = ∏ R_i! ∏ C_j! / N!, a path's length is its share of
// Σ −log x_ij!, and three properties of a node settle paths without following them:
//
// * Exact bounds: the longest and shortest completion from the node (memoised over the nodes,
//   FEXACT's f3xact/f4xact). A path whose length plus the longest completion is within the
//   threshold counts with all its completions; one whose length plus the shortest exceeds it
//   counts with none.
// * Total mass: Σ over the completions of ∏ 1/x_ij! = M! / (∏_i rem_i! ∏_j C_j!), M = Σ rem_i
//   (count the ways to give each of M labelled patients, grouped by column, a row).
// * Two columns left: the completions are the splits of the first of them (the last is the
//   remainder), few enough to sort once by length with cumulative masses, so every path into the
//   node is settled by one binary search.
//
// Paths that reach a node with the same length (to 10⁻⁹ in the logarithm, far inside R's 10⁻⁷)
// are merged with their multiplicities added, as FEXACT's hash table of past path values does.
//
// Reference: Mehta & Patel, "A network algorithm for performing Fisher's exact test in r × c
// contingency tables", JASA 78 (1983) 427–434; ACM TOMS 12 (1986) 154–161.

/// The network behind ``FisherExactTest`` for tables with more than two rows and columns.
struct _FisherNetwork {
  /// Row totals, sorted in decreasing order (the smaller dimension of the table).
  let rows: [Int]
  /// Column totals: the stages, largest first.
  let columns: [Int]
  /// log k! for k = 0 … N.
  let logFactorial: [Double]
  /// log K = Σ log R_i! + Σ log C_j! − log N!.
  let logConstant: Double
  /// The observed table's path length Σ −log x_ij!.
  let observedLength: Double
  /// The radix of the packed node keys (N + 1).
  let radix: UInt64

  /// A network for `table`, whose rows and columns all have positive totals.
  init(_ table: [[Int]]) {
    var cells = table
    // Let the rows be the smaller dimension: fewer ways to split each column.
    if cells.count > cells[0].count {
      cells = cells[0].indices.map { j in cells.map { $0[j] } }
    }
    let rowTotals = cells.map { $0.reduce(0, +) }
    let columnTotals = cells[0].indices.map { j in cells.reduce(0) { $0 + $1[j] } }
    let total = rowTotals.reduce(0, +)
    var logFactorial = [Double](repeating: 0, count: total + 2)
    for k in stride(from: 2, through: total + 1, by: 1) {
      logFactorial[k] = logFactorial[k - 1] + log(Double(k))
    }
    self.logFactorial = logFactorial
    rows = rowTotals.sorted(by: >)
    columns = columnTotals.sorted(by: >)
    logConstant =
      rowTotals.reduce(0) { $0 + logFactorial[$1] }
      + columnTotals.reduce(0) { $0 + logFactorial[$1] }
      - logFactorial[total]
    observedLength = -cells.joined().reduce(0) { $0 + logFactorial[$1] }
    radix = UInt64(total + 1)
  }

  var observedProbability: Double { exp(observedLength + logConstant) }

  /// Whether sorted remainders pack into one 64-bit key.
  var isPackable: Bool { Double(rows.count) * log2(Double(radix)) < 63 }

  func pack(_ remaining: [Int]) -> UInt64 {
    remaining.reduce(0) { $0 &* radix &+ UInt64($1) }
  }

  func unpack(_ key: UInt64) -> [Int] {
    var key = key
    var remaining = [Int](repeating: 0, count: rows.count)
    for i in stride(from: rows.count - 1, through: 0, by: -1) {
      remaining[i] = Int(key % radix)
      key /= radix
    }
    return remaining
  }

  /// The P value, or nil when more than `limit` steps would be needed.
  func pValue(limit: Int) -> Double? {
    guard isPackable else { return nil }
    let threshold = observedLength + log1p(1e-7)
    var bounds = _CompletionBounds(network: self)
    var layer: [UInt64: [_Paths]] = [pack(rows): [_Paths(length: 0, count: 1)]]
    var p = 0.0
    var steps = 0
    for stage in 0..<(columns.count - 2) {
      var next: [UInt64: [_Paths]] = [:]
      for (key, arrivals) in layer {
        let remaining = unpack(key)
        guard
          let (low, high) = bounds.bounds(
            remaining, key: key, stage: stage, steps: &steps, limit: limit)
        else {
          return nil
        }
        let mass = logMass(remaining, from: stage)
        var open: [_Paths] = []
        for path in _Paths.merged(arrivals) {
          if path.length + high <= threshold {
            p += path.count * exp(path.length + mass + logConstant)
          } else if path.length + low <= threshold {
            open.append(path)
          }
        }
        guard !open.isEmpty else { continue }
        var split = [Int](repeating: 0, count: remaining.count)
        var child = split
        forEachSplit(of: columns[stage], into: remaining, row: 0, &split) { split in
          for i in remaining.indices { child[i] = remaining[i] - split[i] }
          child.sort(by: >)
          let length = -split.reduce(0) { $0 + logFactorial[$1] }
          next[pack(child), default: []].append(
            contentsOf: open.map { _Paths(length: $0.length + length, count: $0.count) })
          steps += open.count
          return steps <= limit
        }
        if steps > limit { return nil }
      }
      layer = next
    }
    // Two columns left: sort each node's completions once and settle every path by search.
    let stage = columns.count - 2
    for (key, arrivals) in layer {
      let remaining = unpack(key)
      var completions: [Double] = []
      var split = [Int](repeating: 0, count: remaining.count)
      forEachSplit(of: columns[stage], into: remaining, row: 0, &split) { split in
        var length = 0.0
        for i in remaining.indices {
          length -= logFactorial[split[i]] + logFactorial[remaining[i] - split[i]]
        }
        completions.append(length)
        return true
      }
      steps += completions.count
      if steps > limit { return nil }
      completions.sort()
      var cumulative = [Double](repeating: 0, count: completions.count + 1)
      let shift = completions.last ?? 0
      for (i, length) in completions.enumerated() {
        cumulative[i + 1] = cumulative[i] + exp(length - shift)
      }
      for path in _Paths.merged(arrivals) {
        // The completions with length ≤ threshold − path length.
        let bound = threshold - path.length
        var lowIndex = 0
        var highIndex = completions.count
        while lowIndex < highIndex {
          let middle = (lowIndex + highIndex) / 2
          if completions[middle] <= bound { lowIndex = middle + 1 } else { highIndex = middle }
        }
        p += path.count * cumulative[lowIndex] * exp(path.length + shift + logConstant)
      }
    }
    return p
  }

  /// Calls `body` with every split of `amount` over the rows `row…` with split[i] ≤ capacity[i];
  /// stops when `body` returns false, and returns false then.
  @discardableResult
  func forEachSplit(
    of amount: Int, into capacity: [Int], row: Int, _ split: inout [Int], _ body: ([Int]) -> Bool
  ) -> Bool {
    if row == capacity.count - 1 {
      guard amount <= capacity[row] else { return true }
      split[row] = amount
      return body(split)
    }
    var later = 0
    for i in (row + 1)..<capacity.count { later += capacity[i] }
    guard amount - later <= min(amount, capacity[row]) else { return true }
    for x in max(0, amount - later)...min(amount, capacity[row]) {
      split[row] = x
      if !forEachSplit(of: amount - x, into: capacity, row: row + 1, &split, body) { return false }
    }
    return true
  }

  /// log Σ over the completions of ∏ 1/x_ij! = log M! − Σ log rem_i! − Σ_{j ≥ stage} log C_j!.
  func logMass(_ remaining: [Int], from stage: Int) -> Double {
    let m = remaining.reduce(0, +)
    return logFactorial[m] - remaining.reduce(0) { $0 + logFactorial[$1] }
      - columns[stage...].reduce(0) { $0 + logFactorial[$1] }
  }
}

/// The shortest and longest completion from each node of a ``_FisherNetwork``, memoised.
struct _CompletionBounds {
  let network: _FisherNetwork
  var memo: [[UInt64: (low: Double, high: Double)]]

  init(network: _FisherNetwork) {
    self.network = network
    memo = Array(repeating: [:], count: network.columns.count)
  }

  /// The bounds of Σ −log x_ij! over the completions of the node `remaining` before `stage`;
  /// adds the splits it examines to `steps`, and gives up (nil) past `limit`.
  mutating func bounds(
    _ remaining: [Int], key: UInt64, stage: Int, steps: inout Int, limit: Int
  ) -> (low: Double, high: Double)? {
    let logFactorial = network.logFactorial
    if stage == network.columns.count - 1 {
      let length = -remaining.reduce(0) { $0 + logFactorial[$1] }
      return (length, length)
    }
    if let known = memo[stage][key] { return known }
    var children: [(key: UInt64, remaining: [Int], length: Double)] = []
    var split = [Int](repeating: 0, count: remaining.count)
    network.forEachSplit(of: network.columns[stage], into: remaining, row: 0, &split) { split in
      var child = zip(remaining, split).map { $0 - $1 }
      child.sort(by: >)
      children.append((network.pack(child), child, -split.reduce(0) { $0 + logFactorial[$1] }))
      return true
    }
    steps += children.count
    guard steps <= limit else { return nil }
    var low = Double.infinity
    var high = -Double.infinity
    for child in children {
      guard
        let b = bounds(
          child.remaining, key: child.key, stage: stage + 1, steps: &steps, limit: limit)
      else {
        return nil
      }
      low = min(low, child.length + b.low)
      high = max(high, child.length + b.high)
    }
    memo[stage][key] = (low, high)
    return (low, high)
  }
}

/// Paths of equal length into a node, and how many there are (weighted).
struct _Paths {
  var length: Double
  var count: Double

  /// The paths sorted by length, those within 10⁻⁹ of each other merged.
  static func merged(_ paths: [_Paths]) -> [_Paths] {
    guard paths.count > 1 else { return paths }
    let sorted = paths.sorted { $0.length < $1.length }
    var result: [_Paths] = [sorted[0]]
    for path in sorted.dropFirst() {
      if path.length - result[result.count - 1].length <= 1e-9 {
        result[result.count - 1].count += path.count
      } else {
        result.append(path)
      }
    }
    return result
  }
}
