import TandemAD
import TandemPhysics
import TandemProcess

/// Places a physics scene's particles and springs in the engine's order (see
/// ``ParticleLayout``), once the whole file has been read and its values checked.
struct PhysicsBuilder {
  /// A position, velocity or step in the engine's form: one component per axis.
  typealias Vector = [Quantity]

  /// Characters an id may not contain: they belong to selector syntax or YAML.
  static let forbiddenIDCharacters = Set("[],*$ \t#")

  /// The scene's dimension, 2 or 3: that of its vectors.
  let dimension: Int
  var layout = ParticleLayout()
  var particles: [ParticleDescription] = []
  /// The `springs:` list, which comes first in the engine's spring list.
  var declaredSprings: [SpringDescription] = []
  /// The grids' and chains' springs, after the declared ones.
  var groupSprings: [SpringDescription] = []
  var potentials: [PairPotentialDescription] = []

  /// Starts placing a scene of `dimension` dimensions.
  init(dimension: Int) { self.dimension = dimension }

  /// The zero vector of the scene's dimension.
  var zero: Vector { Vector(repeating: 0, count: dimension) }

  /// Every spring in the documented order.
  var springs: [SpringDescription] { declaredSprings + groupSprings }

  /// Adds one particle of the `particles:` list, checking its id (at `path`).
  mutating func add(_ particle: ParticleDescription, checkingID path: ScenePath) throws {
    try checkNewID(particle.name, at: path)
    append(particle)
  }

  private mutating func append(_ particle: ParticleDescription) {
    layout.append(particle: particle.name)
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
    if layout.isTaken(id) {
      throw SceneError(
        path: path, message: "duplicate id `\(id)`: another particle, grid or chain already uses it"
      )
    }
  }

  /// Adds a grid `id[r,c]` of `rows`×`columns` particles, particle (r, c) at
  /// `origin + c·steps.column + r·steps.row`, with structural springs, shear
  /// springs when `shear`, and bending springs of stiffness `bending` (no
  /// dashpot) when given; rest lengths are `rest`, or the initial lengths
  /// (always, for bending springs). The order is that of ``ParticleLayout``;
  /// element quantities are indexed in it (particles row by row; springs
  /// with `stiffness` along rows, then columns, then shear; bending springs
  /// along rows, then columns).
  mutating func addGrid(
    id: String, rows: Int, columns: Int, origin: Vector, steps: (column: Vector, row: Vector),
    mass: ElementQuantities, stiffness: ElementQuantities, damping: ElementQuantities,
    rest: ElementQuantities?, shear: Bool, bending: ElementQuantities?,
    pinned: [(row: Int, column: Int)], at path: ScenePath
  ) throws {
    try checkNewID(id, at: path.appending("id"))
    let start = particles.count
    var pinnedSet = Set<Int>()
    for (i, index) in pinned.enumerated() {
      let row = index.row < 0 ? index.row + rows : index.row
      let column = index.column < 0 ? index.column + columns : index.column
      guard (0..<rows).contains(row), (0..<columns).contains(column) else {
        throw SceneError(
          path: path.appending("pinned").appending(i),
          message: "[\(index.row), \(index.column)] is outside the \(rows)×\(columns) grid `\(id)`",
          suggestion:
            "rows run from 0 to \(rows - 1) and columns from 0 to \(columns - 1); negative counts from the end"
        )
      }
      pinnedSet.insert(row * columns + column)
    }
    for r in 0..<rows {
      for c in 0..<columns {
        let position = origin.indices.map {
          origin[$0] + Double(c) * steps.column[$0] + Double(r) * steps.row[$0]
        }
        append(
          ParticleDescription(
            name: "\(id)[\(r),\(c)]", position: position, mass: mass[r * columns + c],
            isPinned: pinnedSet.contains(r * columns + c)))
      }
    }
    func at(_ r: Int, _ c: Int) -> Int { start + r * columns + c }
    var stretching = 0
    func join(_ a: Int, _ b: Int) {
      groupSprings.append(
        SpringDescription(
          between: (a, b), stiffness: stiffness[stretching], restLength: rest?[stretching],
          damping: damping[stretching]))
      stretching += 1
    }
    var bent = 0
    func bend(_ a: Int, _ b: Int, stiffness: ElementQuantities) {
      groupSprings.append(
        SpringDescription(between: (a, b), stiffness: stiffness[bent], damping: 0))
      bent += 1
    }
    for r in 0..<rows { for c in 0..<(columns - 1) { join(at(r, c), at(r, c + 1)) } }
    for r in 0..<(rows - 1) { for c in 0..<columns { join(at(r, c), at(r + 1, c)) } }
    if shear {
      for r in 0..<(rows - 1) {
        for c in 0..<(columns - 1) {
          join(at(r, c), at(r + 1, c + 1))
          join(at(r, c + 1), at(r + 1, c))
        }
      }
    }
    if let bending {
      for r in 0..<rows where columns > 2 {
        for c in 0..<(columns - 2) { bend(at(r, c), at(r, c + 2), stiffness: bending) }
      }
      for r in 0..<max(rows - 2, 0) {
        for c in 0..<columns { bend(at(r, c), at(r + 2, c), stiffness: bending) }
      }
    }
    layout.append(group: id, shape: .grid(rows: rows, columns: columns), from: start)
  }

  /// Adds a chain `id[0]` … `id[segments]` evenly spaced from `from` to `to`,
  /// each particle joined to the next by a spring of rest length `rest` (its
  /// initial length by default). Element i is particle i, or the spring from
  /// particle i to i + 1.
  mutating func addChain(
    id: String, from: Vector, to: Vector, segments: Int, mass: ElementQuantities,
    stiffness: ElementQuantities, damping: ElementQuantities, rest: ElementQuantities?,
    pinned: [Int], at path: ScenePath
  ) throws {
    try checkNewID(id, at: path.appending("id"))
    let start = particles.count
    let count = segments + 1
    var pinnedSet = Set<Int>()
    for (i, index) in pinned.enumerated() {
      let resolved = index < 0 ? index + count : index
      guard (0..<count).contains(resolved) else {
        throw SceneError(
          path: path.appending("pinned").appending(i),
          message: "index \(index) is outside the chain `\(id)` of \(count) particles",
          suggestion:
            "indices run from 0 to \(count - 1), or from -\(count) to -1 counting from the end")
      }
      pinnedSet.insert(resolved)
    }
    for i in 0..<count {
      // (1 − t)·from + t·to puts both ends exactly where they were written.
      let t = Double(i) / Double(segments)
      let position = from.indices.map { (1 - t) * from[$0] + t * to[$0] }
      append(
        ParticleDescription(
          name: "\(id)[\(i)]", position: position, mass: mass[i], isPinned: pinnedSet.contains(i)))
    }
    for i in 0..<segments {
      groupSprings.append(
        SpringDescription(
          between: (start + i, start + i + 1), stiffness: stiffness[i], restLength: rest?[i],
          damping: damping[i]))
    }
    layout.append(group: id, shape: .chain(count: count), from: start)
  }
}
