import Foundation
import TandemAD
import TandemPhysics
import TandemProcess

/// Reads the physics keys of a scene (`world`, `particles`, `springs`,
/// `potentials`, `grids`, `chains`, `simulation`, `objective`) straight into
/// the engine's `SimulationDescription`.
///
/// Reading happens in two passes so that errors come in the documented order:
/// ``decode(_:)`` reads every key (unknown keys, wrong types, missing keys,
/// undefined `$name`s) and records the value rules; the closure it returns
/// then places the particles and resolves every selector, once the values
/// have been checked.
struct PhysicsDecoder {
  /// The folder data paths are relative to.
  let directory: URL

  /// One step of placing the scene, run after the values have been checked.
  typealias Placement = (inout PhysicsBuilder) throws -> Void
  /// A part of the description that needs the particles placed.
  typealias Resolved<Part> = (PhysicsBuilder) throws -> Part

  /// Reads every key; returns the CSV files the scene reads, and what
  /// builds the description from the parameters' values.
  func decode(_ top: SceneMapping) throws -> (
    dataFiles: [DataFile], build: (_ values: [Double]) throws -> SceneProcess
  ) {
    let world = try top.optional("world") { try decodeWorld($0) }
    let particles = try countedList(top, "particles", decodeParticle)
    let springs = try countedList(top, "springs", decodeSpring)
    let potentials = try top.optional("potentials") { try $0.list().map(decodePotential) } ?? []
    let grids = try top.optional("grids") { try $0.list().map(decodeGrid) } ?? []
    let chains = try top.optional("chains") { try $0.list().map(decodeChain) } ?? []
    let simulation = try decodeSimulation(
      try top.required("simulation", meaning: "integrator, dt and steps"))
    let objective = try top.optional("objective") { try $0.list().map(decodeTerm) } ?? []
    let context = top.node.context
    var dataFiles: [DataFile] = []
    for case .observed(let file, _) in objective { dataFiles.append(file) }
    return (
      dataFiles,
      { values in
        // Every vector has been read, so the dimension is known: the defaults
        // (gravity, velocities, grid steps) take it.
        var builder = PhysicsBuilder(dimension: context.dimension)
        for place in particles + grids + chains + springs + potentials { try place(&builder) }
        var description = SimulationDescription(
          system: SystemDescription(
            dimension: builder.dimension, particles: builder.particles, springs: builder.springs,
            pairPotentials: builder.potentials, gravity: world?.gravity, drag: world?.drag ?? 0,
            ground: world?.ground),
          integrator: simulation.integrator, timeStep: simulation.dt, steps: simulation.steps,
          stop: try simulation.stop?(builder))
        let dt = simulation.dt.value(in: values)
        for term in objective {
          switch term {
          case .end(let resolve): description.objective.append(try resolve(builder))
          case .observed(_, let read):
            description.observations.append(
              try read(builder, Double(simulation.steps) * dt, 1e-9 * dt))
          }
        }
        return .simulation(description, builder.layout)
      }
    )
  }

  /// The list under `key` (`particles` or `springs`, also the name of its
  /// limit), its length counted against the limit before any item is read.
  func countedList(
    _ top: SceneMapping, _ key: String, _ decode: (SceneNode) throws -> Placement
  ) throws -> [Placement] {
    try top.optional(key) { node in
      let items = try node.list()
      try node.context.add(items.count, toLimit: key, counting: key, at: node)
      return try items.map(decode)
    } ?? []
  }

  /// `world: { gravity, drag, ground }`; a missing gravity is nil (the
  /// engine's default, 9.81 along −y, once the dimension is known).
  func decodeWorld(_ node: SceneNode) throws
    -> (gravity: PhysicsBuilder.Vector?, drag: Quantity, ground: GroundDescription?)
  {
    let fields = try node.mapping(allowing: ["gravity", "drag", "ground"])
    let gravity = try fields.optional("gravity") { try $0.vector() }
    let drag = try fields.optional("drag") { try $0.number(.nonNegative, "the drag") } ?? 0
    let ground = try fields.optional("ground") { ground in
      let fields = try ground.mapping(allowing: ["height", "stiffness", "damping"])
      return GroundDescription(
        height: try fields.optional("height") { try $0.number() } ?? 0,
        stiffness: try fields.required("stiffness", meaning: "how hard the ground pushes back")
          .number(.nonNegative, "the stiffness"),
        damping: try fields.optional("damping") { try $0.number(.nonNegative, "the damping") }
          ?? 0)
    }
    return (gravity, drag, ground)
  }

  func decodeParticle(_ node: SceneNode) throws -> Placement {
    let fields = try node.mapping(allowing: ["id", "position", "velocity", "mass", "pinned"])
    let particle = ParticleDescription(
      name: try fields.required("id").string(),
      position: try fields.required("position", meaning: "the initial `[x, y]` or `[x, y, z]`")
        .vector(),
      velocity: try fields.optional("velocity") { try $0.vector() },
      mass: try fields.optional("mass") { try $0.number(.positive, "the mass") } ?? 1,
      isPinned: try fields.optional("pinned") { try $0.bool() } ?? false)
    let path = node.path.appending("id")
    return { try $0.add(particle, checkingID: path) }
  }

  func decodeSpring(_ node: SceneNode) throws -> Placement {
    let fields = try node.mapping(allowing: ["between", "stiffness", "rest", "damping"])
    let between = try fields.required("between", meaning: "the two particles `[a, b]`")
      .selectorPair()
    let stiffness = try fields.required("stiffness").number(.nonNegative, "the stiffness")
    let rest = try fields.optional("rest") { try $0.number(.nonNegative, "the rest length") }
    let damping =
      try fields.optional("damping") { try $0.number(.nonNegative, "the damping") } ?? 0
    let path = node.path.appending("between")
    return { builder in
      let ends = try builder.layout.pair(between, at: path, what: "a spring")
      builder.declaredSprings.append(
        SpringDescription(between: ends, stiffness: stiffness, restLength: rest, damping: damping))
    }
  }

  func decodePotential(_ node: SceneNode) throws -> Placement {
    let fields = try node.mapping(allowing: ["kind", "between", "strength"])
    _ = try fields.required("kind").choice(
      names: ["inverse-distance"], noun: "potential kind"
    ) { $0 }
    let between = try fields.required("between", meaning: "the two particles `[a, b]`")
      .selectorPair()
    let strength = try fields.required("strength").number()
    let path = node.path.appending("between")
    return { builder in
      let ends = try builder.layout.pair(between, at: path, what: "a potential")
      builder.potentials.append(PairPotentialDescription(between: ends, strength: strength))
    }
  }

  func decodeGrid(_ node: SceneNode) throws -> Placement {
    let fields = try node.mapping(allowing: [
      "id", "rows", "columns", "origin", "spacing", "column-step", "row-step", "mass", "stiffness",
      "damping", "rest", "shear", "bending", "pinned",
    ])
    let pinned = try fields.optional("pinned") { list in
      try list.list().map { item in
        let pair = try item.list(count: 2, meaning: "a grid position `[row, column]`")
        return (
          row: try pair[0].integer(meaning: "a row"),
          column: try pair[1].integer(meaning: "a column")
        )
      }
    }
    let id = try fields.required("id").string()
    let rowsNode = try fields.required("rows")
    let rows = try rowsNode.integer(minimum: 1)
    let columns = try fields.required("columns").integer(minimum: 1)
    // rows × columns particles are counted before any is made, without overflow.
    try node.context.add(
      SceneLimits.product(rows, columns), toLimit: "particles", counting: "particles",
      at: rowsNode)
    let origin = try fields.optional("origin") { try $0.vector() }
    // Particle (r, c) starts at origin + c·column-step + r·row-step; `spacing`
    // gives the steps' defaults, [spacing, 0(, 0)] and [0, −spacing(, 0)].
    let columnStep = try fields.optional("column-step") { try $0.vector() }
    let rowStep = try fields.optional("row-step") { try $0.vector() }
    let spacingNode = fields["spacing"]
    if let spacingNode, columnStep != nil, rowStep != nil {
      throw spacingNode.error(
        "`spacing` has no effect when both `column-step` and `row-step` are given",
        suggestion: "remove it")
    }
    let spacing: Quantity? =
      columnStep != nil && rowStep != nil
      ? nil
      : try fields.required(
        "spacing",
        meaning: "the distance between neighbours; or give both `column-step` and `row-step`"
      ).number(.positive, "the spacing")
    let shear = try fields.optional("shear") { try $0.bool() } ?? false
    // The particle count passed its limit, so these products cannot overflow.
    let structural = rows * (columns - 1) + (rows - 1) * columns
    let stretching = structural + (shear ? 2 * (rows - 1) * (columns - 1) : 0)
    let bendingCount = rows * max(columns - 2, 0) + max(rows - 2, 0) * columns
    let springs = "springs with `stiffness` in grid `\(id)` (along rows, then columns, then shear)"
    let mass =
      try fields.optional("mass") {
        try $0.elementNumbers(
          count: rows * columns, elements: "particles in grid `\(id)` (row by row)", .positive,
          "the mass")
      } ?? .same(1)
    let stiffness = try fields.required("stiffness", meaning: "of every spring")
      .elementNumbers(count: stretching, elements: springs, .nonNegative, "the stiffness")
    let damping =
      try fields.optional("damping") {
        try $0.elementNumbers(count: stretching, elements: springs, .nonNegative, "the damping")
      } ?? .same(0)
    let rest = try fields.optional("rest") {
      try $0.elementNumbers(count: stretching, elements: springs, .nonNegative, "the rest length")
    }
    let bending = try fields.optional("bending") {
      try $0.elementNumbers(
        count: bendingCount, elements: "bending springs in grid `\(id)` (along rows, then columns)",
        .nonNegative, "the bending stiffness")
    }
    try node.context.add(
      stretching + (bending == nil ? 0 : bendingCount), toLimit: "springs",
      counting: "springs", at: rowsNode)
    let path = node.path
    return { builder in
      let zero = builder.zero
      let steps = (
        column: columnStep ?? [spacing!] + zero.dropFirst(),
        row: rowStep ?? [0, -1 * spacing!] + zero.dropFirst(2)
      )
      try builder.addGrid(
        id: id, rows: rows, columns: columns, origin: origin ?? zero, steps: steps, mass: mass,
        stiffness: stiffness, damping: damping, rest: rest, shear: shear, bending: bending,
        pinned: pinned ?? [], at: path)
    }
  }

  func decodeChain(_ node: SceneNode) throws -> Placement {
    let fields = try node.mapping(allowing: [
      "id", "from", "to", "segments", "mass", "stiffness", "damping", "rest", "pinned",
    ])
    let id = try fields.required("id").string()
    let from = try fields.required("from", meaning: "the position of the first particle").vector()
    let toNode = try fields.required("to", meaning: "the position of the last particle")
    let to = try toNode.vector()
    node.context.rules.append(.apart(from, to, at: toNode.path))
    let segmentsNode = try fields.required("segments")
    let segments = try segmentsNode.integer(minimum: 1)
    try node.context.add(
      SceneLimits.sum(segments, 1), toLimit: "particles", counting: "particles", at: segmentsNode)
    try node.context.add(segments, toLimit: "springs", counting: "springs", at: segmentsNode)
    let springs = "springs in chain `\(id)` (from `from` to `to`)"
    let mass =
      try fields.optional("mass") {
        try $0.elementNumbers(
          count: segments + 1, elements: "particles in chain `\(id)`", .positive, "the mass")
      } ?? .same(1)
    let stiffness = try fields.required("stiffness", meaning: "of every spring")
      .elementNumbers(count: segments, elements: springs, .nonNegative, "the stiffness")
    let damping =
      try fields.optional("damping") {
        try $0.elementNumbers(count: segments, elements: springs, .nonNegative, "the damping")
      } ?? .same(0)
    let rest = try fields.optional("rest") {
      try $0.elementNumbers(count: segments, elements: springs, .nonNegative, "the rest length")
    }
    let pinned =
      try fields.optional("pinned") {
        try $0.list().map { try $0.integer(meaning: "a particle index") }
      } ?? []
    let path = node.path
    return { builder in
      try builder.addChain(
        id: id, from: from, to: to, segments: segments, mass: mass, stiffness: stiffness,
        damping: damping, rest: rest, pinned: pinned, at: path)
    }
  }

  /// `simulation: { integrator, dt, steps, stop }`.
  func decodeSimulation(_ node: SceneNode) throws
    -> (
      integrator: Integrator, dt: Quantity, steps: Int, stop: Resolved<StopCondition>?
    )
  {
    let fields = try node.mapping(allowing: ["integrator", "dt", "steps", "stop"])
    let stop = try fields.optional("stop") { stop -> Resolved<StopCondition> in
      let keys = try stop.mapping(allowing: ["particle", "axis", "below", "above"])
      let crossings = StopCondition.Crossing.allCases.filter { keys.has($0.rawValue) }
      guard crossings.count == 1, let crossing = crossings.first else {
        throw stop.error(
          crossings.isEmpty ? "missing the threshold" : "give either `below` or `above`, not both",
          suggestion: "write `below: value` or `above: value`")
      }
      let particleNode = try keys.required("particle")
      let particle = try particleNode.selector()
      let axis = try keys.required("axis").axis()
      let threshold = try keys.required(crossing.rawValue).number()
      return { builder in
        StopCondition(
          particle: try builder.layout.resolveOne(
            particle, at: particleNode.path, purpose: "`stop` watches one particle"),
          axis: axis, crossing: crossing, threshold: threshold)
      }
    }
    let integrator =
      try fields.optional("integrator") { try $0.choice(Integrator.self, noun: "integrator") }
      ?? .semiImplicitEuler
    let dt = try fields.required("dt", meaning: "the time step").number(.positive, "the time step")
    let stepsNode = try fields.required("steps")
    let steps = try stepsNode.integer(minimum: 1)
    // A run's work is its steps times the size of the system (at least 1, so
    // that a huge step count over an empty scene is refused too).
    let context = node.context
    let size = max(
      1, context.totals["particles", default: 0] + context.totals["springs", default: 0])
    try context.check(
      SceneLimits.product(steps, size), againstLimit: "work",
      counting: "units of work (steps × (particles + springs))", at: stepsNode)
    return (integrator, dt, steps, stop)
  }
}
