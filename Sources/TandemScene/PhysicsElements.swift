/// One entry of `particles:`.
public struct SceneParticle: Hashable, Sendable {
  /// The particle's id: no spaces, brackets, commas, `*` or `$`, and not `all`.
  public var id: String
  /// The initial position (required).
  public var position: SceneVector
  /// The initial velocity; default `[0, 0]`. Ignored for a pinned particle.
  public var velocity: SceneVector
  /// The mass; default 1; must be positive.
  public var mass: SceneNumber
  /// Whether the particle never moves; default `false`.
  public var pinned: Bool

  /// A particle from its fields.
  public init(
    id: String, position: SceneVector, velocity: SceneVector = .zero, mass: SceneNumber = 1,
    pinned: Bool = false
  ) {
    self.id = id
    self.position = position
    self.velocity = velocity
    self.mass = mass
    self.pinned = pinned
  }
}

/// One entry of `springs:`: a Hookean spring U = ½·k·(‖xa − xb‖ − rest)² with a
/// dashpot along its axis.
public struct SceneSpring: Hashable, Sendable {
  /// The two ends, each a selector naming exactly one particle (`ball`, `cloth[0,3]`, `rope[-1]`).
  public var between: (ParticleSelector, ParticleSelector)
  /// The stiffness k (required).
  public var stiffness: SceneNumber
  /// The rest length, or `nil` for the initial distance between the ends.
  public var rest: SceneNumber?
  /// Damping along the spring's axis; default 0.
  public var damping: SceneNumber

  /// A spring from its fields.
  public init(
    between: (ParticleSelector, ParticleSelector), stiffness: SceneNumber, rest: SceneNumber? = nil,
    damping: SceneNumber = 0
  ) {
    self.between = between
    self.stiffness = stiffness
    self.rest = rest
    self.damping = damping
  }

  /// Springs are equal when every field is.
  public static func == (lhs: SceneSpring, rhs: SceneSpring) -> Bool {
    lhs.between == rhs.between && lhs.stiffness == rhs.stiffness && lhs.rest == rhs.rest
      && lhs.damping == rhs.damping
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(between.0)
    hasher.combine(between.1)
    hasher.combine(stiffness)
    hasher.combine(rest)
    hasher.combine(damping)
  }
}

/// One entry of `potentials:`: a pair potential between two particles.
public struct PotentialDescription: Hashable, Sendable {
  /// The potential's form.
  public enum Kind: String, Hashable, Sendable, CaseIterable {
    /// U = strength / ‖xa − xb‖ (repulsive for a positive strength).
    case inverseDistance = "inverse-distance"
  }

  /// The potential's form.
  public var kind: Kind
  /// The two particles, each a selector naming exactly one particle.
  public var between: (ParticleSelector, ParticleSelector)
  /// The strength s (required).
  public var strength: SceneNumber

  /// A potential from its fields.
  public init(
    kind: Kind = .inverseDistance, between: (ParticleSelector, ParticleSelector),
    strength: SceneNumber
  ) {
    self.kind = kind
    self.between = between
    self.strength = strength
  }

  /// Potentials are equal when every field is.
  public static func == (lhs: PotentialDescription, rhs: PotentialDescription) -> Bool {
    lhs.kind == rhs.kind && lhs.between == rhs.between && lhs.strength == rhs.strength
  }

  /// Hashes every field.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(kind)
    hasher.combine(between.0)
    hasher.combine(between.1)
    hasher.combine(strength)
  }
}
