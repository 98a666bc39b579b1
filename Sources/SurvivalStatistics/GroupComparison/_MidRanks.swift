/// Ranks 1…n of `values` with ties given their mean rank (R: `rank(x)`), and the sizes of the
/// groups of tied values (R: `table(x)` restricted to counts above 1).
///
/// - Complexity: O(n log n).
func _midRanks(_ values: [Double]) -> (ranks: [Double], tieSizes: [Int]) {
  let order = values.indices.sorted { values[$0] < values[$1] }
  var ranks = [Double](repeating: 0, count: values.count)
  var ties: [Int] = []
  var start = 0
  while start < order.count {
    var end = start + 1
    while end < order.count, values[order[end]] == values[order[start]] { end += 1 }
    // Positions start…end−1 share the rank (start + 1 + end) / 2.
    let rank = Double(start + 1 + end) / 2
    for position in start..<end { ranks[order[position]] = rank }
    if end - start > 1 { ties.append(end - start) }
    start = end
  }
  return (ranks, ties)
}
