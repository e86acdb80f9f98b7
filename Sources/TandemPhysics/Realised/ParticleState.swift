import RealModule
import TandemAD

/// Positions and velocities of every particle, as four flat arrays.
public struct ParticleState<T: Scalar>: Sendable {
  /// x coordinate of each particle.
  public var xs: [T]
  /// y coordinate of each particle.
  public var ys: [T]
  /// x velocity of each particle.
  public var vxs: [T]
  /// y velocity of each particle.
  public var vys: [T]

  /// Creates a state from its four arrays, which must have equal lengths.
  @inlinable
  public init(xs: [T], ys: [T], vxs: [T], vys: [T]) {
    precondition(xs.count == ys.count && xs.count == vxs.count && xs.count == vys.count)
    self.xs = xs
    self.ys = ys
    self.vxs = vxs
    self.vys = vys
  }

  /// The number of particles.
  @inlinable
  public var count: Int { xs.count }

  /// The coordinate of particle `i` along `axis`.
  @inlinable
  public func coordinate(_ i: Int, _ axis: Axis) -> T { axis == .x ? xs[i] : ys[i] }

  /// This state with every forward-mode tangent removed (see ``stopTangent(_:)``).
  @inlinable
  public var tangentStopped: ParticleState {
    ParticleState(
      xs: xs.map(\.tangentStopped), ys: ys.map(\.tangentStopped),
      vxs: vxs.map(\.tangentStopped), vys: vys.map(\.tangentStopped))
  }

  /// The first particle, if any, whose position or velocity is not finite,
  /// with the name of the offending quantity.
  @inlinable
  public func firstNonFinite() -> (particle: Int, quantity: String)? {
    for i in 0..<count {
      if !xs[i].doubleValue.isFinite || !ys[i].doubleValue.isFinite { return (i, "position") }
      if !vxs[i].doubleValue.isFinite || !vys[i].doubleValue.isFinite { return (i, "velocity") }
    }
    return nil
  }

  /// Copies `other`'s values into this state's own storage (same particle
  /// count), so keeping the previous state costs no allocation per step.
  @inlinable
  public mutating func copy(from other: ParticleState) {
    for i in 0..<count {
      xs[i] = other.xs[i]
      ys[i] = other.ys[i]
      vxs[i] = other.vxs[i]
      vys[i] = other.vys[i]
    }
  }

  /// `a + s·(b − a)`, particle by particle: the state a fraction `s` of the
  /// way from `a` to `b` (used to locate a stop event between two steps).
  @inlinable
  public static func interpolating(_ a: ParticleState, _ b: ParticleState, at s: T) -> ParticleState
  {
    func mix(_ u: [T], _ v: [T]) -> [T] { (0..<u.count).map { u[$0] + s * (v[$0] - u[$0]) } }
    return ParticleState(
      xs: mix(a.xs, b.xs), ys: mix(a.ys, b.ys), vxs: mix(a.vxs, b.vxs), vys: mix(a.vys, b.vys))
  }
}
