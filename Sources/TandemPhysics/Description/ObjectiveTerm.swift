import RealModule
import TandemAD

/// One weighted term of an end-state loss.
public struct ObjectiveTerm: Sendable {
  /// What the term measures.
  public enum Kind: Sendable {
    /// Mean over the particles of (coordinate − target)².
    case coordinate(particles: [Int], axis: Axis, target: Quantity)
    /// Mean over the particles of ‖position − target‖².
    case position(particles: [Int], target: (x: Quantity, y: Quantity))
    /// (‖xᵢ − xⱼ‖ − target)².
    case distance(between: (Int, Int), target: Quantity)
    /// Σ ½·m·‖v‖² over the particles.
    case kineticEnergy(particles: [Int])
  }

  /// What the term measures.
  public var kind: Kind
  /// Its weight in the sum.
  public var weight: Quantity

  /// Creates a term.
  public init(_ kind: Kind, weight: Quantity = 1) {
    self.kind = kind
    self.weight = weight
  }

  /// The term's weighted value on a state.
  @inlinable
  public func value<T: Scalar>(
    on state: ParticleState<T>, of system: ParticleSystem<T>, parameters: [T]
  ) -> T {
    let raw: T
    switch kind {
    case let .coordinate(particles, axis, target):
      let t = target.value(in: parameters)
      var total = T.zero
      for i in particles {
        let d = state.coordinate(i, axis) - t
        total += d * d
      }
      raw = total / T(Double(particles.count))
    case let .position(particles, target):
      let (tx, ty) = (target.x.value(in: parameters), target.y.value(in: parameters))
      var total = T.zero
      for i in particles {
        let (dx, dy) = (state.xs[i] - tx, state.ys[i] - ty)
        total += dx * dx + dy * dy
      }
      raw = total / T(Double(particles.count))
    case let .distance((i, j), target):
      let d =
        T.hypot(state.xs[i] - state.xs[j], state.ys[i] - state.ys[j]) - target.value(in: parameters)
      raw = d * d
    case .kineticEnergy(let particles):
      var total = T.zero
      for i in particles {
        total +=
          T(0.5) * system.masses[i] * (state.vxs[i] * state.vxs[i] + state.vys[i] * state.vys[i])
      }
      raw = total
    }
    return weight.value(in: parameters) * raw
  }
}
