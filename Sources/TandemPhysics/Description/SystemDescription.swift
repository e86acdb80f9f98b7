import RealModule
import TandemAD

/// A particle system in 2-D or 3-D, described with ``Quantity`` values, so
/// that it can be realised on any scalar type with any parameter values.
///
/// Particles are addressed by their index in ``particles``. Every vector
/// (positions, velocities, gravity) has ``dimension`` components, in the
/// order of ``Axis``: x, y (up), then z in 3-D.
public struct SystemDescription: Sendable {
  /// The number of dimensions, 2 or 3.
  public var dimension: Int
  /// The particles, in index order.
  public var particles: [ParticleDescription]
  /// Hookean springs, with optional dashpots.
  public var springs: [SpringDescription]
  /// Inverse-distance pair potentials.
  public var pairPotentials: [PairPotentialDescription]
  /// Acceleration of gravity, one component per axis; the potential is −m·(g·x).
  public var gravity: [Quantity]
  /// Linear drag: every free particle has acceleration −c·v.
  public var drag: Quantity
  /// An optional penalty ground plane.
  public var ground: GroundDescription?

  /// Creates a system of `dimension` dimensions; gravity defaults to 9.81
  /// downwards (along −y) and drag to 0. Every vector must have `dimension`
  /// components.
  public init(
    dimension: Int = 2,
    particles: [ParticleDescription],
    springs: [SpringDescription] = [],
    pairPotentials: [PairPotentialDescription] = [],
    gravity: [Quantity]? = nil,
    drag: Quantity = 0,
    ground: GroundDescription? = nil
  ) {
    let gravity = gravity ?? Self.standardGravity(dimension: dimension)
    precondition(dimension == 2 || dimension == 3, "a system has 2 or 3 dimensions, not \(dimension)")
    precondition(
      gravity.count == dimension
        && particles.allSatisfy { $0.position.count == dimension && $0.velocity.count == dimension },
      "every vector of a \(dimension)-D system has \(dimension) components")
    self.dimension = dimension
    self.particles = particles
    self.springs = springs
    self.pairPotentials = pairPotentials
    self.gravity = gravity
    self.drag = drag
    self.ground = ground
  }

  /// Gravity of 9.81 along −y in `dimension` dimensions.
  public static func standardGravity(dimension: Int) -> [Quantity] {
    Axis.axes(of: dimension).map { $0 == .y ? -9.81 : 0 }
  }
}

/// One particle: where it starts, how heavy it is, whether it is pinned.
public struct ParticleDescription: Sendable {
  /// Initial position, one component per axis.
  public var position: [Quantity]
  /// Initial velocity, one component per axis.
  public var velocity: [Quantity]
  /// Mass, positive.
  public var mass: Quantity
  /// A pinned particle never moves; its position may still be a parameter.
  public var isPinned: Bool
  /// The name errors and output use for this particle (its scene id).
  public var name: String

  /// Creates a particle; it starts at rest (when `velocity` is nil), with
  /// unit mass, free. `velocity`, when given, has as many components as
  /// `position`.
  public init(
    name: String,
    position: [Quantity],
    velocity: [Quantity]? = nil,
    mass: Quantity = 1,
    isPinned: Bool = false
  ) {
    self.name = name
    self.position = position
    self.velocity = velocity ?? Array(repeating: 0, count: position.count)
    self.mass = mass
    self.isPinned = isPinned
  }
}

/// A Hookean spring between two particles, U = ½·k·(‖xᵢ − xⱼ‖ − L)², with an
/// optional dashpot damping the relative velocity along the spring's axis.
public struct SpringDescription: Sendable {
  /// The two particles' indices.
  public var between: (Int, Int)
  /// Stiffness k.
  public var stiffness: Quantity
  /// Rest length L; `nil` means the initial distance between the particles.
  public var restLength: Quantity?
  /// Dashpot coefficient: force −d·((vᵢ − vⱼ)·n̂)·n̂ on particle i.
  public var damping: Quantity

  /// Creates a spring.
  public init(
    between: (Int, Int), stiffness: Quantity, restLength: Quantity? = nil, damping: Quantity = 0
  ) {
    self.between = between
    self.stiffness = stiffness
    self.restLength = restLength
    self.damping = damping
  }
}

/// An inverse-distance pair potential U = s/‖xᵢ − xⱼ‖ (repulsive for s > 0).
public struct PairPotentialDescription: Sendable {
  /// The two particles' indices.
  public var between: (Int, Int)
  /// Strength s.
  public var strength: Quantity

  /// Creates a pair potential.
  public init(between: (Int, Int), strength: Quantity) {
    self.between = between
    self.strength = strength
  }
}

/// A penalty ground plane y = h (in 2-D a line): U = ½·k_g·(h − y)² for
/// y < h, and damping −b·v_y on the normal velocity while in contact.
public struct GroundDescription: Sendable {
  /// Height h of the plane.
  public var height: Quantity
  /// Penalty stiffness k_g.
  public var stiffness: Quantity
  /// Contact damping b (per unit mass).
  public var damping: Quantity

  /// Creates a ground plane.
  public init(height: Quantity, stiffness: Quantity = 10_000, damping: Quantity = 0) {
    self.height = height
    self.stiffness = stiffness
    self.damping = damping
  }
}
