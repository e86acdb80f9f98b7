/// Adding particles, grids, chains and the declared springs to an expanded scene.
extension ExpandedScene {
  /// Characters an id may not contain: they belong to selector syntax or YAML.
  static let forbiddenIDCharacters = Set("[],*$ \t#")

  mutating func add(_ particle: Particle, checkingID path: ScenePath) throws {
    try checkNewID(particle.id, at: path)
    indexByID[particle.id] = particles.count
    particles.append(particle)
  }

  /// Fails for an id that is malformed or already taken by a particle, grid or chain.
  func checkNewID(_ id: String, at path: ScenePath) throws {
    if id.isEmpty || id == "all" || id.contains(where: Self.forbiddenIDCharacters.contains) {
      throw SceneError(
        path: path,
        message: id == "all"
          ? "`all` is reserved: it selects every particle" : "malformed id `\(id)`",
        suggestion: "an id may not be empty or contain spaces, brackets, commas, `*`, `$` or `#`")
    }
    if indexByID[id] != nil || groups.contains(where: { $0.id == id }) {
      throw SceneError(
        path: path, message: "duplicate id `\(id)`: another particle, grid or chain already uses it"
      )
    }
  }

  mutating func addGrid(_ grid: GridDescription, at path: ScenePath) throws {
    try checkNewID(grid.id, at: path.appending("id"))
    let start = particles.count
    var pinned = Set<Int>()
    for (i, index) in grid.pinned.enumerated() {
      let row = index.row < 0 ? index.row + grid.rows : index.row
      let column = index.column < 0 ? index.column + grid.columns : index.column
      guard (0..<grid.rows).contains(row), (0..<grid.columns).contains(column) else {
        throw SceneError(
          path: path.appending("pinned").appending(i),
          message:
            "[\(index.row), \(index.column)] is outside the \(grid.rows)×\(grid.columns) grid `\(grid.id)`",
          suggestion:
            "rows run from 0 to \(grid.rows - 1) and columns from 0 to \(grid.columns - 1); negative counts from the end"
        )
      }
      pinned.insert(row * grid.columns + column)
    }
    for r in 0..<grid.rows {
      for c in 0..<grid.columns {
        let offset = SceneVector(x: Double(c) * grid.spacing, y: Double(-r) * grid.spacing)
        let id = "\(grid.id)[\(r),\(c)]"
        indexByID[id] = particles.count
        particles.append(
          Particle(
            id: id, position: grid.origin + offset, mass: grid.mass,
            isPinned: pinned.contains(r * grid.columns + c)))
      }
    }
    func at(_ r: Int, _ c: Int) -> Int { start + r * grid.columns + c }
    func join(_ a: Int, _ b: Int) {
      springs.append(Spring(first: a, second: b, stiffness: grid.stiffness, damping: grid.damping))
    }
    for r in 0..<grid.rows { for c in 0..<(grid.columns - 1) { join(at(r, c), at(r, c + 1)) } }
    for r in 0..<(grid.rows - 1) { for c in 0..<grid.columns { join(at(r, c), at(r + 1, c)) } }
    if grid.shear {
      for r in 0..<(grid.rows - 1) {
        for c in 0..<(grid.columns - 1) {
          join(at(r, c), at(r + 1, c + 1))
          join(at(r, c + 1), at(r + 1, c))
        }
      }
    }
    groups.append(
      Group(
        id: grid.id, shape: .grid(rows: grid.rows, columns: grid.columns),
        particles: start..<particles.count))
  }

  mutating func addChain(_ chain: ChainDescription, at path: ScenePath) throws {
    try checkNewID(chain.id, at: path.appending("id"))
    let start = particles.count
    let count = chain.particleCount
    var pinned = Set<Int>()
    for (i, index) in chain.pinned.enumerated() {
      let resolved = index < 0 ? index + count : index
      guard (0..<count).contains(resolved) else {
        throw SceneError(
          path: path.appending("pinned").appending(i),
          message: "index \(index) is outside the chain `\(chain.id)` of \(count) particles",
          suggestion:
            "indices run from 0 to \(count - 1), or from -\(count) to -1 counting from the end")
      }
      pinned.insert(resolved)
    }
    for i in 0..<count {
      // (1 − t)·from + t·to puts both ends exactly where they were written.
      let t = Double(i) / Double(chain.segments)
      let position = (1 - t) * chain.from + t * chain.to
      let id = "\(chain.id)[\(i)]"
      indexByID[id] = particles.count
      particles.append(
        Particle(id: id, position: position, mass: chain.mass, isPinned: pinned.contains(i)))
    }
    for i in 0..<chain.segments {
      springs.append(
        Spring(
          first: start + i, second: start + i + 1, stiffness: chain.stiffness,
          damping: chain.damping))
    }
    groups.append(
      Group(id: chain.id, shape: .chain(count: count), particles: start..<particles.count))
  }

  /// Adds the `springs:` and `potentials:` lists. Explicit springs come first
  /// in ``springs``, so they are inserted before the grids' and chains'.
  mutating func addDeclaredSprings(
    _ declared: [SceneSpring], potentials declaredPotentials: [PotentialDescription]
  ) throws {
    var explicit: [Spring] = []
    for (i, spring) in declared.enumerated() {
      let path = ScenePath("springs").appending(i).appending("between")
      let (a, b) = try pair(spring.between, at: path, what: "a spring")
      explicit.append(
        Spring(
          first: a, second: b, stiffness: spring.stiffness, rest: spring.rest,
          damping: spring.damping))
    }
    springs.insert(contentsOf: explicit, at: 0)
    for (i, potential) in declaredPotentials.enumerated() {
      let path = ScenePath("potentials").appending(i).appending("between")
      let (a, b) = try pair(potential.between, at: path, what: "a potential")
      potentials.append(
        Potential(kind: potential.kind, first: a, second: b, strength: potential.strength))
    }
  }

  private func pair(
    _ between: (ParticleSelector, ParticleSelector), at path: ScenePath, what: String
  ) throws -> (Int, Int) {
    let purpose = "\(what) joins exactly two particles"
    let a = try resolveOne(between.0, at: path.appending(0), purpose: purpose)
    let b = try resolveOne(between.1, at: path.appending(1), purpose: purpose)
    guard a != b else {
      throw SceneError(
        path: path, message: "\(what) between the particle `\(particles[a].id)` and itself",
        suggestion: "join two different particles")
    }
    return (a, b)
  }
}
