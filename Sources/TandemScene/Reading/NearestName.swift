/// Finds what a person probably meant when they typed a name that does not
/// exist: the valid name at the smallest edit distance, if it is close enough.
public enum NearestName {
  /// The candidate closest to `name`, or `nil` when none is close (more than
  /// about a third of the name's letters would have to change).
  ///
  /// Distances count insertions, deletions, substitutions and swaps of two
  /// neighbouring letters (`stifness`, `stiffnes`, `stiffenss` all lead to
  /// `stiffness`). Case differences count half, so `Stiffness` is closest to
  /// `stiffness`. Ties go to the earlier candidate.
  public static func nearest(to name: String, among candidates: some Sequence<String>) -> String? {
    let limit = max(2, (name.count + 2) / 3)
    var best: (name: String, distance: Double)?
    for candidate in candidates where candidate != name {
      let distance = editDistance(name, candidate)
      if distance <= Double(limit), distance < best?.distance ?? .infinity {
        best = (candidate, distance)
      }
    }
    return best?.name
  }

  /// `did you mean `x`?` for the nearest candidate, or otherwise the list of
  /// valid names (`valid keys: a, b, c`), or `nil` when there are none.
  public static func suggestion(
    for name: String, among candidates: [String], prefix: String = "", listing noun: String
  ) -> String? {
    if let nearest = nearest(to: name, among: candidates) {
      return "did you mean `\(prefix)\(nearest)`?"
    }
    return listing(candidates, prefix: prefix, noun: noun)
  }

  /// `valid keys: a, b, c`, or `nil` when the list is empty.
  public static func listing(_ candidates: [String], prefix: String = "", noun: String) -> String? {
    guard !candidates.isEmpty else { return nil }
    return "\(noun): " + candidates.map { prefix + $0 }.joined(separator: ", ")
  }

  /// The optimal-string-alignment distance, with a case-only change costing 0.5.
  static func editDistance(_ a: String, _ b: String) -> Double {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return Double(b.count) }
    if b.isEmpty { return Double(a.count) }
    var table = [[Double]](
      repeating: [Double](repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { table[i][0] = Double(i) }
    for j in 0...b.count { table[0][j] = Double(j) }
    for i in 1...a.count {
      for j in 1...b.count {
        let cost: Double =
          a[i - 1] == b[j - 1] ? 0 : (a[i - 1].lowercased() == b[j - 1].lowercased() ? 0.5 : 1)
        var distance = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          distance = min(distance, table[i - 2][j - 2] + 1)
        }
        table[i][j] = distance
      }
    }
    return table[a.count][b.count]
  }
}
