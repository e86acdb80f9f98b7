import RealModule
import TandemAD
import TandemProcess

/// A particle system in 2-D or 3-D, described with ``Quantity`` values, so
/// that it can be realised on any scalar type with any parameter values:
/// its particles, and the forces acting on them (see ``Force``).
///
/// Particles are addressed by their index in ``particles``. Every vector
/// (positions, velocities, gravity) has ``dimension`` components, in the
/// order of ``Axis``: x, y (up), then z in 3-D.
public struct SystemDescription: Sendable {
  /// The number of dimensions, 2 or 3.
  public var dimension: Int
  /// The particles, in index order.
  public var particles: [ParticleDescription]
  /// The forces, in the order their energies and accelerations are added.
  public var forces: [any Force]

  /// Creates a system of `dimension` dimensions with `forces`. Every vector
  /// must have `dimension` components.
  public init(dimension: Int = 2, particles: [ParticleDescription], forces: [any Force]) {
    precondition(
      dimension == 2 || dimension == 3, "a system has 2 or 3 dimensions, not \(dimension)")
    precondition(
      particles.allSatisfy { $0.position.count == dimension && $0.velocity.count == dimension },
      "every vector of a \(dimension)-D system has \(dimension) components")
    self.dimension = dimension
    self.particles = particles
    self.forces = forces
  }

  /// Creates a system of `dimension` dimensions with the classic forces:
  /// gravity (9.81 downwards, along −y, by default), springs and their
  /// dashpots, pair potentials, drag (0 by default) and a ground, each
  /// present only when given (drag and dashpots when not identically zero).
  public init(
    dimension: Int = 2,
    particles: [ParticleDescription],
    springs: [SpringDescription] = [],
    pairPotentials: [PairPotentialDescription] = [],
    gravity: [Quantity]? = nil,
    drag: Quantity = 0,
    ground: GroundDescription? = nil
  ) {
    let gravity = gravity.map(Gravity.init) ?? Gravity.standard(dimension: dimension)
    precondition(
      gravity.acceleration.count == dimension,
      "every vector of a \(dimension)-D system has \(dimension) components")
    // In the order the accelerations were always summed: the energies
    // (gravity, springs, pairs, ground), then drag, dashpots and the
    // ground's damping.
    var forces: [any Force] = [gravity]
    if !springs.isEmpty { forces.append(Springs(springs)) }
    if !pairPotentials.isEmpty { forces.append(PairPotentials(pairPotentials)) }
    if !drag.isIdenticallyZero { forces.append(Drag(coefficient: drag)) }
    if let dashpots = Dashpots(of: springs) { forces.append(dashpots) }
    if let ground { forces.append(ground) }
    self.init(dimension: dimension, particles: particles, forces: forces)
  }

  /// Gravity of 9.81 along −y in `dimension` dimensions.
  public static func standardGravity(dimension: Int) -> [Quantity] {
    Gravity.standard(dimension: dimension).acceleration
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
