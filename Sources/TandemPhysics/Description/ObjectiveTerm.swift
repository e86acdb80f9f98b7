import RealModule
import TandemAD
import TandemProcess

/// One weighted term of an end-state loss.
public struct ObjectiveTerm: Sendable {
  /// What the term measures.
  public enum Kind: Sendable {
    /// Mean over the particles of (coordinate − target)².
    case coordinate(particles: [Int], axis: Axis, target: Quantity)
    /// Mean over the particles of ‖position − target‖², the target with one
    /// component per axis.
    case position(particles: [Int], target: [Quantity])
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
      let target = target.map { $0.value(in: parameters) }
      var total = T.zero
      for i in particles {
        var squares = T.zero
        for (a, axis) in Axis.axes(of: state.dimension).enumerated() {
          let d = state.coordinate(i, axis) - target[a]
          squares = a == 0 ? d * d : squares + d * d
        }
        total += squares
      }
      raw = total / T(Double(particles.count))
    case let .distance((i, j), target):
      let d = state.distance(between: i, and: j) - target.value(in: parameters)
      raw = d * d
    case .kineticEnergy(let particles):
      var total = T.zero
      for i in particles { total += T(0.5) * system.masses[i] * state.speedSquared(of: i) }
      raw = total
    }
    return weight.value(in: parameters) * raw
  }

  /// Appends the term's residuals on a state: numbers whose squares sum to
  /// ``value(on:of:parameters:)`` (for a weight of at least 0) — for
  /// `coordinate` and `position`, √(w/n)·(coordinate − target) per particle
  /// and axis; for `distance`, √w·(distance − target); for `kinetic-energy`,
  /// √(w·m/2)·v per particle and axis.
  @inlinable
  public func appendResiduals<T: Scalar>(
    on state: ParticleState<T>, of system: ParticleSystem<T>, parameters: [T],
    to residuals: inout [T]
  ) {
    func root(over count: Int) -> T { weight.squareRootOfShare(count, in: parameters) }
    switch kind {
    case let .coordinate(particles, axis, target):
      let (scale, t) = (root(over: particles.count), target.value(in: parameters))
      for i in particles { residuals.append(scale * (state.coordinate(i, axis) - t)) }
    case let .position(particles, target):
      let scale = root(over: particles.count)
      let target = target.map { $0.value(in: parameters) }
      for i in particles {
        for (a, axis) in Axis.axes(of: state.dimension).enumerated() {
          residuals.append(scale * (state.coordinate(i, axis) - target[a]))
        }
      }
    case let .distance((i, j), target):
      residuals.append(
        root(over: 1) * (state.distance(between: i, and: j) - target.value(in: parameters)))
    case .kineticEnergy(let particles):
      let scale = root(over: 2)
      for i in particles {
        let perMass = scale * T.sqrt(system.masses[i])
        for axis in Axis.axes(of: state.dimension) {
          residuals.append(perMass * state.velocity(i, axis))
        }
      }
    }
  }
}

extension Quantity {
  /// √(value / count): the factor that makes a term's squared residuals sum
  /// to its weighted mean over `count`. A constant is rooted on `Double`, so
  /// a weight of 0 puts no 0·∞ in the tangents.
  @inlinable
  func squareRootOfShare<T: Scalar>(_ count: Int, in parameters: [T]) -> T {
    if let constant = constantValue { return T((constant / Double(count)).squareRoot()) }
    return T.sqrt(value(in: parameters) / T(Double(count)))
  }
}
