import RealModule
import TandemAD
import TandemProcess

/// Dashpots between pairs of particles: force −d·((vᵢ − vⱼ)·n̂)·n̂ on i and the
/// opposite on j, with n̂ the unit vector from j to i (a spring's damping).
///
/// Velocity-dependent, applied directly to the accelerations (divided by the
/// masses). A pair at zero distance has no direction, and no force. Its
/// quantities are the coefficients. Not reversed by hand: a step with
/// dashpots is recorded.
public struct Dashpots: Force {
  /// The two particles of each dashpot.
  public var between: [(Int, Int)]
  /// The coefficient d of each dashpot.
  public var damping: [Quantity]

  /// The dashpots of `springs` whose damping is not identically zero (a
  /// parameter counts even when its value is 0, so that its derivative is
  /// kept); nil when there are none.
  public init?(of springs: [SpringDescription]) {
    let damped = springs.filter { !$0.damping.isIdenticallyZero }
    guard !damped.isEmpty else { return nil }
    between = damped.map(\.between)
    damping = damped.map(\.damping)
  }

  /// Adds each dashpot's force, divided by the masses.
  @inlinable
  public func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    let coefficients = damping.map(context.value)
    let (first, second) = (between.map(\.0), between.map(\.1))
    let (n, dimension, inverseMasses) = (context.count, context.dimension, context.inverseMasses)
    return RealisedForce(
      quantities: coefficients,
      addAcceleration: { state, acceleration in
        let (x, v): ([T], [T]) = (state.positions, state.velocities)
        var normal = InlineArray<3, T>(repeating: .zero)
        for s in first.indices {
          let (i, j) = (first[s], second[s])
          let length = state.distance(between: i, and: j)
          guard length != .zero else { continue }
          var closing = T.zero
          for a in 0..<dimension {
            let (p, q): (Int, Int) = (a * n + i, a * n + j)
            normal[a] = (x[p] - x[q]) / length
            closing += (v[p] - v[q]) * normal[a]
          }
          let force: T = coefficients[s] * closing
          for a in 0..<dimension {
            let (p, q): (Int, Int) = (a * n + i, a * n + j)
            acceleration[p] -= force * normal[a] * inverseMasses[i]
            acceleration[q] += force * normal[a] * inverseMasses[j]
          }
        }
      })
  }
}

extension Dashpots: CatalogedForce {
  /// "dashpots".
  public static var catalogName: String { "dashpots" }
  /// Dashpots 0–1 and 1–2 of coefficient 3·parameter and 2.
  public static func example(dimension: Int, parameter: Quantity) -> Dashpots {
    Dashpots(of: [
      SpringDescription(between: (0, 1), stiffness: 0, damping: .scaled(parameter, by: 3)),
      SpringDescription(between: (1, 2), stiffness: 0, damping: 2),
    ])!
  }
}
