import RealModule
import TandemAD
import TandemProcess

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

/// Inverse-distance pair potentials, U = Σ s/‖xᵢ − xⱼ‖, recorded as gathers,
/// an elementwise `hypot` and a weighted sum. Guard: two coincident
/// particles give a zero direction (see `hypot`), not NaN, and an infinite
/// energy. Its quantities are the strengths. Not reversed by hand.
public struct PairPotentials: Force {
  /// The potentials, in order.
  public var potentials: [PairPotentialDescription]

  /// The potentials `potentials`.
  public init(_ potentials: [PairPotentialDescription]) { self.potentials = potentials }

  /// The potentials' energy.
  @inlinable
  public func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    let strength = potentials.map { context.value($0.strength) }
    let tape = context.tape
    let first = tape.register(indices: potentials.map(\.between.0))
    let second = tape.register(indices: potentials.map(\.between.1))
    let dimension = context.dimension
    return RealisedForce(quantities: strength) { x, total in
      func difference(_ a: Int) -> TracedVector<T> {
        context.axis(a, of: x).gathering(first) - context.axis(a, of: x).gathering(second)
      }
      var distance = TracedVector.hypot(difference(0), difference(1))
      for a in 2..<max(dimension, 2) { distance = TracedVector.hypot(distance, difference(a)) }
      total = .adding((tape.variables(strength) / distance).sum(), to: total)
    }
  }
}

extension SystemDescription {
  /// Every pair potential of the system's ``PairPotentials`` forces, in order.
  public var pairPotentials: [PairPotentialDescription] {
    forces.flatMap { ($0 as? PairPotentials)?.potentials ?? [] }
  }
}

extension PairPotentials: CatalogedForce {
  /// "pair potentials".
  public static var catalogName: String { "pair potentials" }
  /// Pairs 1–3 and 0–2 of strength 0.05·parameter and 0.02.
  public static func example(dimension: Int, parameter: Quantity) -> PairPotentials {
    PairPotentials([
      PairPotentialDescription(between: (1, 3), strength: .scaled(parameter, by: 0.05)),
      PairPotentialDescription(between: (0, 2), strength: 0.02),
    ])
  }
}
