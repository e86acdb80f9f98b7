extension PhysicsSceneDescription {
  /// Spells out grids and chains as particles and springs and resolves every
  /// particle selector to indices, in the order ``ExpandedScene`` documents.
  ///
  /// - Throws: ``SceneError`` (with its key path, without a location) for a
  ///   duplicate or malformed id, an unknown particle, a pinned grid or chain
  ///   index out of range, a selector that must name one particle but names
  ///   several, or a spring or potential joining a particle to itself.
  ///   ``SceneFile`` runs this while loading, so a loaded scene expands without error.
  public func expanded() throws -> ExpandedScene {
    var scene = ExpandedScene(
      particles: [], springs: [], potentials: [], world: world, integrator: simulation.integrator,
      dt: simulation.dt, steps: simulation.steps, stop: nil, objective: [], groups: [],
      indexByID: [:])
    for (i, particle) in particles.enumerated() {
      let path = ScenePath("particles").appending(i).appending("id")
      try scene.add(
        .init(
          id: particle.id, position: particle.position, velocity: particle.velocity,
          mass: particle.mass,
          isPinned: particle.pinned), checkingID: path)
    }
    for (i, grid) in grids.enumerated() {
      try scene.addGrid(grid, at: ScenePath("grids").appending(i))
    }
    for (i, chain) in chains.enumerated() {
      try scene.addChain(chain, at: ScenePath("chains").appending(i))
    }
    try scene.addDeclaredSprings(springs, potentials: potentials)
    if let stop = simulation.stop {
      let path = ScenePath("simulation.stop.particle")
      let particle = try scene.resolveOne(
        stop.particle, at: path, purpose: "`stop` watches one particle")
      scene.stop = .init(
        particle: particle, axis: stop.axis, crossing: stop.crossing, value: stop.value)
    }
    for (i, term) in objective.enumerated() {
      scene.objective.append(try scene.resolve(term, at: ScenePath("objective").appending(i)))
    }
    return scene
  }
}

extension ExpandedScene {
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
      return Array(particles.indices)
    case .named(let id):
      if let index = indexByID[id] { return [index] }
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
    let names =
      groups.map(\.id) + (groupsOnly ? [] : particles.map(\.id).filter { !$0.contains("[") })
    if let nearest = NearestName.nearest(to: id, among: names) {
      return "did you mean `\(nearest)`?"
    }
    if names.isEmpty { return nil }
    return NearestName.listing(
      Array(names.prefix(12)), noun: groupsOnly ? "defined groups" : "defined ids")
  }

  func resolveOne(_ selector: ParticleSelector, at path: ScenePath, purpose: String) throws -> Int {
    let indices = try resolve(selector, at: path)
    guard indices.count == 1 else {
      throw SceneError(
        path: path, message: "`\(selector)` selects \(indices.count) particles, but \(purpose)",
        suggestion: "name a single particle, such as `\(particles[indices[0]].id)`")
    }
    return indices[0]
  }

  func resolve(_ term: SceneObjectiveTerm, at path: ScenePath) throws -> Term {
    let measure: Term.Measure
    switch term.measure {
    case .coordinate(let selector, let axis, let target):
      let indices = try resolve(selector, at: path.appending("coordinate").appending("particles"))
      measure = .coordinate(particles: indices, axis: axis, target: target)
    case .position(let selector, let target):
      let indices = try resolve(selector, at: path.appending("position").appending("particles"))
      measure = .position(particles: indices, target: target)
    case .distance(let a, let b, let target):
      let between = path.appending("distance").appending("between")
      let first = try resolveOne(
        a, at: between.appending(0), purpose: "`distance` measures between two particles")
      let second = try resolveOne(
        b, at: between.appending(1), purpose: "`distance` measures between two particles")
      guard first != second else {
        throw SceneError(
          path: between, message: "both ends are the particle `\(particles[first].id)`")
      }
      measure = .distance(first: first, second: second, target: target)
    case .kineticEnergy(let selector):
      measure = .kineticEnergy(
        particles: try resolve(
          selector, at: path.appending("kinetic-energy").appending("particles")))
    }
    return Term(measure: measure, weight: term.weight)
  }
}
