import TandemAD
import TandemPhysics

/// Reading `objective:` terms into the engine's `ObjectiveTerm`s and
/// `ObservationTerm`s.
extension PhysicsDecoder {
  /// The keys a term may use, one per term.
  static let measureNames = [
    "coordinate", "position", "distance", "kinetic-energy", "observations",
  ]

  /// An objective term as read: of the end state, or of recorded motion.
  enum Term {
    /// A term of the end state.
    case end(Resolved<ObjectiveTerm>)
    /// Recorded motion, read once the particles are placed and the run's
    /// end is known (at the parameters' values).
    case observed(
      DataFile,
      (_ builder: PhysicsBuilder, _ end: Double, _ tolerance: Double) throws -> ObservationTerm)
  }

  /// One objective term: exactly one measure key, plus an optional `weight`.
  func decodeTerm(_ node: SceneNode) throws -> Term {
    let names = Self.measureNames
    let fields = try node.mapping(allowing: names + ["weight"])
    let present = names.filter { fields.has($0) }
    guard present.count == 1, let name = present.first, let body = fields[name] else {
      throw node.error(
        present.isEmpty
          ? "an objective term needs a measure"
          : "one term per list item, found \(present.joined(separator: " and "))",
        suggestion: "one of: " + names.joined(separator: ", "))
    }
    if name == "observations" {
      if let weight = fields["weight"] {
        throw weight.error(
          "an `observations` term takes its weight inside",
          suggestion: "write `observations: { data: …, weight: W }`")
      }
      return try decodeObservations(body)
    }
    let measure: Resolved<ObjectiveTerm.Kind>
    switch name {
    case "coordinate":
      let keys = try body.mapping(allowing: ["particles", "axis", "target"])
      let particles = try keys.required("particles")
      let selector = try particles.selector()
      let axis = try keys.required("axis").axis()
      let target = try keys.required("target").number()
      measure = { builder in
        .coordinate(
          particles: try builder.layout.resolve(selector, at: particles.path), axis: axis,
          target: target)
      }
    case "position":
      let keys = try body.mapping(allowing: ["particles", "target"])
      let particles = try keys.required("particles")
      let selector = try particles.selector()
      let target = try keys.required("target").vector()
      measure = { builder in
        .position(
          particles: try builder.layout.resolve(selector, at: particles.path), target: target)
      }
    case "distance":
      let keys = try body.mapping(allowing: ["between", "target"])
      let between = try keys.required("between")
      let (a, b) = try between.selectorPair()
      let target = try keys.required("target").number()
      measure = { builder in
        let layout = builder.layout
        let purpose = "`distance` measures between two particles"
        let first = try layout.resolveOne(a, at: between.path.appending(0), purpose: purpose)
        let second = try layout.resolveOne(b, at: between.path.appending(1), purpose: purpose)
        guard first != second else {
          throw SceneError(
            path: between.path, message: "both ends are the particle `\(layout.ids[first])`")
        }
        return .distance(between: (first, second), target: target)
      }
    default:
      let selector: ParticleSelector
      let path = body.path.appending("particles")
      if body.node.null != nil {
        selector = .all
      } else {
        let keys = try body.mapping(allowing: ["particles"])
        selector = try keys.optional("particles") { try $0.selector() } ?? .all
      }
      measure = { builder in
        .kineticEnergy(particles: try builder.layout.resolve(selector, at: path))
      }
    }
    let weight = try fields.optional("weight") { try $0.number() } ?? 1
    return .end { builder in ObjectiveTerm(try measure(builder), weight: weight) }
  }

  /// `observations: { data: FILE.csv, particles: SELECTOR, weight: W }`.
  func decodeObservations(_ body: SceneNode) throws -> Term {
    let keys = try body.mapping(allowing: ["data", "particles", "weight"])
    let dataNode = try keys.required("data", meaning: "the CSV file of recorded motion")
    let file = DataFile(path: try dataNode.string(), in: directory, key: dataNode.path)
    let particlesNode = keys["particles"]
    let selector = try particlesNode?.selector()
    let weight = try keys.optional("weight") { try $0.number(.nonNegative, "the weight") } ?? 1
    let context = body.context
    return .observed(file) { builder, end, tolerance in
      let selected = try selector.map {
        Set(try builder.layout.resolve($0, at: particlesNode!.path))
      }
      let reader = ObservationReader(
        file: file, dimension: builder.dimension, layout: builder.layout, at: dataNode.path,
        limits: context.limits)
      let data = try reader.read(selecting: selected, end: end, tolerance: tolerance)
      return ObservationTerm(data, weight: weight)
    }
  }
}
