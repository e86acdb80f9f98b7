/// Resolving particle selectors to particle indices, with errors that name
/// the selector and suggest the nearest id.
extension ParticleLayout {
  /// The indices of the particles a selector names, in particle order.
  ///
  /// - Throws: ``SceneError`` naming the selector when it names no existing
  ///   particle (with the nearest id as a suggestion) or an index is out of range.
  public func resolve(_ selector: ParticleSelector) throws -> [Int] {
    try resolve(selector, at: ScenePath())
  }

  func resolve(_ selector: ParticleSelector, at path: ScenePath) throws -> [Int] {
    func fail(_ message: String, _ suggestion: String? = nil) -> SceneError {
      SceneError(path: path, message: message, suggestion: suggestion)
    }
    let group = selector.stem.flatMap { stem in groups.first { $0.id == stem } }
    switch selector {
    case .all:
      return Array(ids.indices)
    case .named(let id):
      if let index = index(of: id) { return [index] }
      if let group { return Array(group.particles) }
      throw fail("unknown particle `\(id)`", unknownSuggestion(for: id))
    case .grid(let id, let row, let column):
      guard let group, case .grid(let rows, let columns) = group.shape else {
        throw fail(
          group == nil ? "unknown grid `\(id)` in `\(selector)`" : "`\(id)` is a chain, not a grid",
          group == nil
            ? unknownSuggestion(for: id, groupsOnly: true) : "select its particles with `\(id)[i]`")
      }
      let rowRange = try positions(row, count: rows, what: "row", of: selector, at: path)
      let columnRange = try positions(
        column, count: columns, what: "column", of: selector, at: path)
      return rowRange.flatMap { r in
        columnRange.map { c in group.particles.lowerBound + r * columns + c }
      }
    case .chain(let id, let index):
      guard let group, case .chain(let count) = group.shape else {
        throw fail(
          group == nil
            ? "unknown chain `\(id)` in `\(selector)`" : "`\(id)` is a grid, not a chain",
          group == nil
            ? unknownSuggestion(for: id, groupsOnly: true)
            : "select its particles with `\(id)[r,c]`")
      }
      return try positions(index, count: count, what: "index", of: selector, at: path)
        .map { group.particles.lowerBound + $0 }
    }
  }

  /// The one particle `selector` names, or an error saying `purpose` needs one.
  func resolveOne(_ selector: ParticleSelector, at path: ScenePath, purpose: String) throws -> Int {
    let indices = try resolve(selector, at: path)
    guard indices.count == 1 else {
      throw SceneError(
        path: path, message: "`\(selector)` selects \(indices.count) particles, but \(purpose)",
        suggestion: indices.first.map { "name a single particle, such as `\(ids[$0])`" }
          ?? "the scene has no particles; add some under `particles:`, `grids:` or `chains:`")
    }
    return indices[0]
  }

  /// Two different particles, one per selector, for a spring or a potential.
  func pair(
    _ between: (ParticleSelector, ParticleSelector), at path: ScenePath, what: String
  ) throws -> (Int, Int) {
    let purpose = "\(what) joins exactly two particles"
    let a = try resolveOne(between.0, at: path.appending(0), purpose: purpose)
    let b = try resolveOne(between.1, at: path.appending(1), purpose: purpose)
    guard a != b else {
      throw SceneError(
        path: path, message: "\(what) between the particle `\(ids[a])` and itself",
        suggestion: "join two different particles")
    }
    return (a, b)
  }

  /// The positions `index` selects among `count`, negative ones counted from the end.
  private func positions(
    _ index: ParticleSelector.Index, count: Int, what: String, of selector: ParticleSelector,
    at path: ScenePath
  ) throws -> [Int] {
    switch index {
    case .every: return Array(0..<count)
    case .at(let value):
      let resolved = value < 0 ? value + count : value
      guard (0..<count).contains(resolved) else {
        throw SceneError(
          path: path, message: "\(what) \(value) in `\(selector)` is out of range",
          suggestion:
            "\(what == "index" ? "indices" : what + "s") run from 0 to \(count - 1), or from -\(count) to -1 counting from the end"
        )
      }
      return [resolved]
    }
  }

  private func unknownSuggestion(for id: String, groupsOnly: Bool = false) -> String? {
    let names = groups.map(\.id) + (groupsOnly ? [] : ids.filter { !$0.contains("[") })
    if let nearest = NearestName.nearest(to: id, among: names) {
      return "did you mean `\(nearest)`?"
    }
    if names.isEmpty { return nil }
    return NearestName.listing(
      Array(names.prefix(12)), noun: groupsOnly ? "defined groups" : "defined ids")
  }
}
