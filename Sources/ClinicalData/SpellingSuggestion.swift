/// Near-miss suggestions for misspelt names ("Did you mean 'time'?").
public enum SpellingSuggestion {
  /// The candidate closest to `name`, or nil when none is close.
  ///
  /// Closeness is the optimal string alignment distance (insertions, deletions, substitutions
  /// and transpositions of adjacent characters each cost 1) between the lowercased names; a
  /// candidate qualifies when the distance is at most max(1, min(3, count / 3)) of the longer
  /// name. Ties go to the distance with letter case respected, then to the earlier candidate.
  public static func closest(to name: String, among candidates: [String]) -> String? {
    let target = Array(name.lowercased().unicodeScalars)
    var best: (candidate: String, distance: Int, exactCaseDistance: Int)?
    for candidate in candidates where candidate != name {
      let other = Array(candidate.lowercased().unicodeScalars)
      let distance = _alignmentDistance(target, other)
      let limit = max(1, min(3, max(target.count, other.count) / 3))
      guard distance <= limit else { continue }
      let exactCaseDistance = _alignmentDistance(
        Array(name.unicodeScalars), Array(candidate.unicodeScalars))
      if let current = best,
        (current.distance, current.exactCaseDistance) <= (distance, exactCaseDistance)
      {
        continue
      }
      best = (candidate, distance, exactCaseDistance)
    }
    return best?.candidate
  }
}

/// The optimal string alignment (restricted Damerau–Levenshtein) distance.
func _alignmentDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
  if a.isEmpty { return b.count }
  if b.isEmpty { return a.count }
  let width = b.count + 1
  var previousRow = [Int](repeating: 0, count: width)
  var row = Array(0..<width)
  var current = [Int](repeating: 0, count: width)
  for i in 1...a.count {
    current[0] = i
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      var value = min(row[j] + 1, current[j - 1] + 1, row[j - 1] + cost)
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
        value = min(value, previousRow[j - 2] + 1)
      }
      current[j] = value
    }
    swap(&previousRow, &row)
    swap(&row, &current)
  }
  return row[b.count]
}
