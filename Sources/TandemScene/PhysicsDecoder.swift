import TandemPhysics
/// Reads the physics keys of a scene: `world`, `particles`, `springs`,
/// `potentials`, `grids`, `chains`, `simulation`, `objective`.
struct PhysicsDecoder {
  func decode(_ top: SceneMapping) throws -> PhysicsSceneDescription {
    let world = try top.optional("world") { try decodeWorld($0) } ?? WorldDescription()
    let particles = try top.optional("particles") { try $0.list().map(decodeParticle) } ?? []
    let springs = try top.optional("springs") { try $0.list().map(decodeSpring) } ?? []
    let potentials = try top.optional("potentials") { try $0.list().map(decodePotential) } ?? []
    let grids = try top.optional("grids") { try $0.list().map(decodeGrid) } ?? []
    let chains = try top.optional("chains") { try $0.list().map(decodeChain) } ?? []
    let simulation = try decodeSimulation(
      try top.required("simulation", meaning: "integrator, dt and steps"))
    let objective = try top.optional("objective") { try $0.list().map(decodeTerm) } ?? []
    return PhysicsSceneDescription(
      world: world, particles: particles, springs: springs, potentials: potentials, grids: grids,
      chains: chains,
      simulation: simulation, objective: objective)
  }

  func decodeWorld(_ node: SceneNode) throws -> WorldDescription {
    let fields = try node.mapping(allowing: ["gravity", "drag", "ground"])
    var world = WorldDescription()
    world.gravity = try fields.optional("gravity") { try $0.vector() } ?? world.gravity
    world.drag = try fields.optional("drag") { try $0.number() } ?? 0
    world.ground = try fields.optional("ground") { ground in
      let fields = try ground.mapping(allowing: ["height", "stiffness", "damping"])
      return SceneGround(
        height: try fields.optional("height") { try $0.number() } ?? 0,
        stiffness: try fields.required("stiffness", meaning: "how hard the ground pushes back")
          .number(),
        damping: try fields.optional("damping") { try $0.number() } ?? 0)
    }
    return world
  }

  func decodeParticle(_ node: SceneNode) throws -> SceneParticle {
    let fields = try node.mapping(allowing: ["id", "position", "velocity", "mass", "pinned"])
    return SceneParticle(
      id: try fields.required("id").string(),
      position: try fields.required("position", meaning: "the initial `[x, y]`").vector(),
      velocity: try fields.optional("velocity") { try $0.vector() } ?? .zero,
      mass: try fields.optional("mass") { try $0.number() } ?? 1,
      pinned: try fields.optional("pinned") { try $0.bool() } ?? false)
  }

  func decodeSpring(_ node: SceneNode) throws -> SceneSpring {
    let fields = try node.mapping(allowing: ["between", "stiffness", "rest", "damping"])
    return SceneSpring(
      between: try fields.required("between", meaning: "the two particles `[a, b]`").selectorPair(),
      stiffness: try fields.required("stiffness").number(),
      rest: try fields.optional("rest") { try $0.number() },
      damping: try fields.optional("damping") { try $0.number() } ?? 0)
  }

  func decodePotential(_ node: SceneNode) throws -> PotentialDescription {
    let fields = try node.mapping(allowing: ["kind", "between", "strength"])
    return PotentialDescription(
      kind: try fields.required("kind").choice(
        PotentialDescription.Kind.self, noun: "potential kind"),
      between: try fields.required("between", meaning: "the two particles `[a, b]`").selectorPair(),
      strength: try fields.required("strength").number())
  }

  func decodeGrid(_ node: SceneNode) throws -> GridDescription {
    let fields = try node.mapping(allowing: [
      "id", "rows", "columns", "origin", "spacing", "mass", "stiffness", "damping", "shear",
      "pinned",
    ])
    let pinned = try fields.optional("pinned") { list in
      try list.list().map { item in
        let pair = try item.list(count: 2, meaning: "a grid position `[row, column]`")
        return GridIndex(
          row: try pair[0].integer(meaning: "a row"),
          column: try pair[1].integer(meaning: "a column"))
      }
    }
    return GridDescription(
      id: try fields.required("id").string(),
      rows: try fields.required("rows").integer(minimum: 1),
      columns: try fields.required("columns").integer(minimum: 1),
      origin: try fields.optional("origin") { try $0.vector() } ?? .zero,
      spacing: try fields.required("spacing", meaning: "the distance between neighbours").number(),
      mass: try fields.optional("mass") { try $0.number() } ?? 1,
      stiffness: try fields.required("stiffness", meaning: "of every spring").number(),
      damping: try fields.optional("damping") { try $0.number() } ?? 0,
      shear: try fields.optional("shear") { try $0.bool() } ?? false,
      pinned: pinned ?? [])
  }

  func decodeChain(_ node: SceneNode) throws -> ChainDescription {
    let fields = try node.mapping(allowing: [
      "id", "from", "to", "segments", "mass", "stiffness", "damping", "pinned",
    ])
    return ChainDescription(
      id: try fields.required("id").string(),
      from: try fields.required("from", meaning: "the position of the first particle").vector(),
      to: try fields.required("to", meaning: "the position of the last particle").vector(),
      segments: try fields.required("segments").integer(minimum: 1),
      mass: try fields.optional("mass") { try $0.number() } ?? 1,
      stiffness: try fields.required("stiffness", meaning: "of every spring").number(),
      damping: try fields.optional("damping") { try $0.number() } ?? 0,
      pinned: try fields.optional("pinned") {
        try $0.list().map { try $0.integer(meaning: "a particle index") }
      } ?? [])
  }

  func decodeSimulation(_ node: SceneNode) throws -> SimulationSettings {
    let fields = try node.mapping(allowing: ["integrator", "dt", "steps", "stop"])
    let stop = try fields.optional("stop") { stop in
      let keys = try stop.mapping(allowing: ["particle", "axis", "below", "above"])
      let crossings = StopCondition.Crossing.allCases.filter { keys.has($0.rawValue) }
      guard crossings.count == 1, let crossing = crossings.first else {
        throw stop.error(
          crossings.isEmpty ? "missing the threshold" : "give either `below` or `above`, not both",
          suggestion: "write `below: value` or `above: value`")
      }
      return SceneStopCondition(
        particle: try keys.required("particle").selector(),
        axis: try keys.required("axis").choice(Axis.self, noun: "axis"),
        crossing: crossing,
        value: try keys.required(crossing.rawValue).number())
    }
    return SimulationSettings(
      integrator: try fields.optional("integrator") {
        try $0.choice(Integrator.self, noun: "integrator")
      }
        ?? .semiImplicitEuler,
      dt: try fields.required("dt", meaning: "the time step").number(),
      steps: try fields.required("steps").integer(minimum: 1),
      stop: stop)
  }

  /// One objective term: exactly one measure key, plus an optional `weight`.
  func decodeTerm(_ node: SceneNode) throws -> SceneObjectiveTerm {
    let names = SceneObjectiveTerm.Measure.names
    let fields = try node.mapping(allowing: names + ["weight"])
    let present = names.filter { fields.has($0) }
    guard present.count == 1, let name = present.first, let body = fields[name] else {
      throw node.error(
        present.isEmpty
          ? "an objective term needs a measure"
          : "one term per list item, found \(present.joined(separator: " and "))",
        suggestion: "one of: " + names.joined(separator: ", "))
    }
    let measure: SceneObjectiveTerm.Measure
    switch name {
    case "coordinate":
      let keys = try body.mapping(allowing: ["particles", "axis", "target"])
      measure = .coordinate(
        particles: try keys.required("particles").selector(),
        axis: try keys.required("axis").choice(Axis.self, noun: "axis"),
        target: try keys.required("target").number())
    case "position":
      let keys = try body.mapping(allowing: ["particles", "target"])
      measure = .position(
        particles: try keys.required("particles").selector(),
        target: try keys.required("target").vector())
    case "distance":
      let keys = try body.mapping(allowing: ["between", "target"])
      let (a, b) = try keys.required("between").selectorPair()
      measure = .distance(between: a, and: b, target: try keys.required("target").number())
    default:
      if body.node.null != nil {
        return SceneObjectiveTerm(.kineticEnergy(particles: .all), weight: try weight(fields))
      }
      let keys = try body.mapping(allowing: ["particles"])
      measure = .kineticEnergy(
        particles: try keys.optional("particles") { try $0.selector() } ?? .all)
    }
    return SceneObjectiveTerm(measure, weight: try weight(fields))
  }

  private func weight(_ fields: SceneMapping) throws -> SceneNumber {
    try fields.optional("weight") { try $0.number() } ?? 1
  }
}
