import RealModule
import TandemAD

/// Positions and velocities of every particle, in 2-D or 3-D.
///
/// Each is one flat array, axis-major: every particle's x, then every y, then
/// (in 3-D) every z, so coordinate `a` of particle `i` is at `a·count + i`.
/// The integrators' updates are then one loop over all coordinates, and the
/// position array goes onto the force field's tape in one piece.
public struct ParticleState<T: Scalar>: Sendable {
  /// The number of dimensions, 2 or 3.
  public let dimension: Int
  /// The number of particles.
  public let count: Int
  /// Every coordinate, axis-major (see the type's documentation).
  public var positions: [T]
  /// Every velocity component, axis-major.
  public var velocities: [T]

  /// Creates a state from axis-major positions and velocities of
  /// `dimension`·n entries each.
  @inlinable
  public init(dimension: Int, positions: [T], velocities: [T]) {
    precondition(
      dimension > 0 && positions.count == velocities.count && positions.count % dimension == 0,
      "\(positions.count) coordinates and \(velocities.count) velocity components in \(dimension)-D"
    )
    self.dimension = dimension
    self.count = positions.count / dimension
    self.positions = positions
    self.velocities = velocities
  }

  /// A state of `count` particles at rest at the origin.
  @inlinable
  public init(dimension: Int, zerosFor count: Int) {
    let zeros = [T](repeating: .zero, count: dimension * count)
    self.init(dimension: dimension, positions: zeros, velocities: zeros)
  }

  /// The coordinate of particle `i` along `axis`.
  @inlinable
  public func coordinate(_ i: Int, _ axis: Axis) -> T { positions[axis.index * count + i] }

  /// The velocity component of particle `i` along `axis`.
  @inlinable
  public func velocity(_ i: Int, _ axis: Axis) -> T { velocities[axis.index * count + i] }

  /// Every particle's coordinate along `axis`, as an array of its own.
  @inlinable
  public func coordinates(along axis: Axis) -> [T] {
    Array(positions[(axis.index * count)..<((axis.index + 1) * count)])
  }

  /// The position of particle `i`, one component per axis.
  @inlinable
  public func position(of i: Int) -> [T] { (0..<dimension).map { positions[$0 * count + i] } }

  /// The velocity of particle `i`, one component per axis.
  @inlinable
  public func velocity(of i: Int) -> [T] { (0..<dimension).map { velocities[$0 * count + i] } }

  /// The distance ‖xᵢ − xⱼ‖ between particles `i` and `j`, as nested
  /// `hypot`s (so coincident particles give a zero derivative, not NaN).
  @inlinable
  public func distance(between i: Int, and j: Int) -> T {
    var length = T.hypot(positions[i] - positions[j], positions[count + i] - positions[count + j])
    for a in 2..<max(dimension, 2) {
      length = T.hypot(length, positions[a * count + i] - positions[a * count + j])
    }
    return length
  }

  /// ‖vᵢ‖², the squared speed of particle `i`.
  @inlinable
  public func speedSquared(of i: Int) -> T {
    var total = velocities[i] * velocities[i] + velocities[count + i] * velocities[count + i]
    for a in 2..<max(dimension, 2) { total += velocities[a * count + i] * velocities[a * count + i] }
    return total
  }

  /// This state with every forward-mode tangent removed (see ``stopTangent(_:)``).
  @inlinable
  public var tangentStopped: ParticleState {
    ParticleState(
      dimension: dimension, positions: positions.map(\.tangentStopped),
      velocities: velocities.map(\.tangentStopped))
  }

  /// The first particle, if any, whose position or velocity is not finite,
  /// with the name of the offending quantity.
  @inlinable
  public func firstNonFinite() -> (particle: Int, quantity: String)? {
    // One flat pass in the common case; the particle is looked for only
    // when something is not finite.
    let allFinite = positions.withUnsafeBufferPointer { x in
      velocities.withUnsafeBufferPointer { v in
        var finite = true
        for k in 0..<x.count { finite = finite && x[k].doubleValue.isFinite && v[k].doubleValue.isFinite }
        return finite
      }
    }
    if allFinite { return nil }
    for i in 0..<count {
      for a in 0..<dimension where !positions[a * count + i].doubleValue.isFinite {
        return (i, "position")
      }
      for a in 0..<dimension where !velocities[a * count + i].doubleValue.isFinite {
        return (i, "velocity")
      }
    }
    return nil
  }

  /// Copies `other`'s values into this state's own storage (same size), so
  /// keeping the previous state costs no allocation per step.
  @inlinable
  public mutating func copy(from other: ParticleState) {
    for k in positions.indices {
      positions[k] = other.positions[k]
      velocities[k] = other.velocities[k]
    }
  }

  /// `a + s·(b − a)`, component by component: the state a fraction `s` of
  /// the way from `a` to `b` (used to locate a stop event between two steps).
  @inlinable
  public static func interpolating(_ a: ParticleState, _ b: ParticleState, at s: T) -> ParticleState
  {
    func mix(_ u: [T], _ v: [T]) -> [T] { (0..<u.count).map { u[$0] + s * (v[$0] - u[$0]) } }
    return ParticleState(
      dimension: a.dimension, positions: mix(a.positions, b.positions),
      velocities: mix(a.velocities, b.velocities))
  }
}
