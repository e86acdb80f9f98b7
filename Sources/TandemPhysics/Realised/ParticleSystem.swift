import RealModule
import TandemAD

/// A particle system realised on scalar type `T`: every quantity of a
/// ``SystemDescription`` evaluated with the parameters' values, laid out as
/// flat arrays (one entry per particle, spring or pair) for the force loop.
public struct ParticleSystem<T: Scalar> {
  /// The number of dimensions, 2 or 3.
  public let dimension: Int
  /// The number of particles.
  public let count: Int
  /// Mass of each particle.
  public let masses: [T]
  /// 1/m of each particle, or 0 for a pinned particle (which never moves).
  public var inverseMasses: [T]
  /// Whether each particle is pinned.
  public var isPinned: [Bool]
  /// First and second particle of each spring.
  public let springEnds: (first: [Int], second: [Int])
  /// Stiffness of each spring.
  public let springStiffness: [T]
  /// Rest length of each spring.
  public let springRestLength: [T]
  /// The springs as the force field reads them (from the three above, so
  /// those are constants).
  public let springLayout: SpringLayout<T>
  /// Dashpot coefficient of each spring.
  public var springDamping: [T]
  /// The springs that have a dashpot, in order: those whose damping is not
  /// identically zero in the description (a parameter counts even when its
  /// value is 0, so that its derivative is kept).
  public var dashpots: [Int]
  /// First and second particle of each pair potential.
  public var pairEnds: (first: [Int], second: [Int])
  /// Strength of each pair potential.
  public var pairStrength: [T]
  /// Acceleration of gravity, one component per axis.
  public let gravity: [T]
  /// The gradient of gravity's potential −Σᵢ mᵢ·(g·xᵢ): −mᵢ·g_a for
  /// coordinate a of particle i, axis-major (from the masses and gravity,
  /// so those are constants).
  public let gravityGradient: [T]
  /// Linear drag coefficient.
  public var drag: T
  /// The ground plane, if any.
  public var ground: (height: T, stiffness: T, damping: T)?
  /// Whether the drag term is there: the description's drag is not
  /// identically zero (decided from the structure, never from the value).
  public var hasDrag: Bool
  /// Whether the ground has a damping term (decided from the structure).
  public var hasGroundDamping: Bool

  /// Whether any spring has a dashpot.
  @inlinable
  public var hasDashpots: Bool { !dashpots.isEmpty }

  /// Whether the accelerations depend on the velocities (drag, dashpots or
  /// ground damping): velocity Verlet may reuse the previous step's
  /// acceleration only when they do not.
  @inlinable
  public var forcesDependOnVelocity: Bool { hasDrag || hasDashpots || hasGroundDamping }

  /// Realises `description` with parameter values `parameters`, and returns
  /// the system with its initial state.
  ///
  /// Inlinable, so that it runs specialised for the scalar: run generically
  /// (its rest lengths measured with unspecialised dual arithmetic), it took
  /// 4 ms of a 3-D cloth's run, 12% of a thousand steps.
  @inlinable
  public static func realise(
    _ description: SystemDescription, parameters: [T]
  ) -> (system: ParticleSystem, state: ParticleState<T>) {
    let particles = description.particles
    let axes = 0..<description.dimension
    let state = ParticleState<T>(
      dimension: description.dimension,
      positions: axes.flatMap { a in particles.map { $0.position[a].value(in: parameters) } },
      velocities: axes.flatMap { a in
        particles.map { $0.isPinned ? .zero : $0.velocity[a].value(in: parameters) }
      })
    return (ParticleSystem(description, parameters: parameters, initialState: state), state)
  }

  /// The system of `description` with `parameters`, whose initial state is
  /// `state` (rest lengths not given are measured on it).
  @inlinable
  init(_ description: SystemDescription, parameters: [T], initialState state: ParticleState<T>) {
    func value(_ q: Quantity) -> T { q.value(in: parameters) }
    let particles = description.particles
    let springs = description.springs
    dimension = description.dimension
    count = particles.count
    masses = particles.map { value($0.mass) }
    inverseMasses = zip(particles, masses).map { $0.isPinned ? .zero : 1 / $1 }
    isPinned = particles.map(\.isPinned)
    springEnds = (springs.map(\.between.0), springs.map(\.between.1))
    springStiffness = springs.map { value($0.stiffness) }
    springRestLength = springs.map { spring -> T in
      if let rest = spring.restLength { return value(rest) }
      return state.distance(between: spring.between.0, and: spring.between.1)
    }
    springLayout = SpringLayout(
      ends: springEnds, stiffness: springStiffness, restLength: springRestLength)
    springDamping = springs.map { value($0.damping) }
    dashpots = springs.indices.filter { !springs[$0].damping.isIdenticallyZero }
    pairEnds = (
      description.pairPotentials.map(\.between.0), description.pairPotentials.map(\.between.1)
    )
    pairStrength = description.pairPotentials.map { value($0.strength) }
    gravity = description.gravity.map(value)
    let masses = masses
    gravityGradient = gravity.flatMap { g in masses.map { -($0 * g) } }
    drag = value(description.drag)
    ground = description.ground.map { (value($0.height), value($0.stiffness), value($0.damping)) }
    hasDrag = !description.drag.isIdenticallyZero
    hasGroundDamping = description.ground.map { !$0.damping.isIdenticallyZero } ?? false
  }

  /// Kinetic energy Σ ½·m·‖v‖² of a state.
  @inlinable
  public func kineticEnergy(of state: ParticleState<T>) -> T {
    var total = T.zero
    for i in 0..<count { total += T(0.5) * masses[i] * state.speedSquared(of: i) }
    return total
  }
}
