import RealModule
import TandemAD

/// A 2-D particle system described with ``Quantity`` values, so that it can
/// be realised on any scalar type with any parameter values.
///
/// Particles are addressed by their index in ``particles``.
public struct SystemDescription: Sendable {
  /// The particles, in index order.
  public var particles: [ParticleDescription]
  /// Hookean springs, with optional dashpots.
  public var springs: [SpringDescription]
  /// Inverse-distance pair potentials.
  public var pairPotentials: [PairPotentialDescription]
  /// Acceleration of gravity, (x, y); the potential is −m·(g·x).
  public var gravity: (x: Quantity, y: Quantity)
  /// Linear drag: every free particle has acceleration −c·v.
  public var drag: Quantity
  /// An optional penalty ground plane.
  public var ground: GroundDescription?

  /// Creates a system; gravity defaults to (0, −9.81) and drag to 0.
  public init(
    particles: [ParticleDescription],
    springs: [SpringDescription] = [],
    pairPotentials: [PairPotentialDescription] = [],
    gravity: (x: Quantity, y: Quantity) = (0, -9.81),
    drag: Quantity = 0,
    ground: GroundDescription? = nil
  ) {
    self.particles = particles
    self.springs = springs
    self.pairPotentials = pairPotentials
    self.gravity = gravity
    self.drag = drag
    self.ground = ground
  }
}

/// One particle: where it starts, how heavy it is, whether it is pinned.
public struct ParticleDescription: Sendable {
  /// Initial position (x, y).
  public var position: (x: Quantity, y: Quantity)
  /// Initial velocity (x, y).
  public var velocity: (x: Quantity, y: Quantity)
  /// Mass, positive.
  public var mass: Quantity
  /// A pinned particle never moves; its position may still be a parameter.
  public var isPinned: Bool
  /// The name errors and output use for this particle (its scene id).
  public var name: String

  /// Creates a particle; it starts at rest, with unit mass, free.
  public init(
    name: String,
    position: (x: Quantity, y: Quantity),
    velocity: (x: Quantity, y: Quantity) = (0, 0),
    mass: Quantity = 1,
    isPinned: Bool = false
  ) {
    self.name = name
    self.position = position
    self.velocity = velocity
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

/// A penalty ground plane y = h: U = ½·k_g·(h − y)² for y < h, and damping
/// −b·v_y on the normal velocity while in contact.
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
