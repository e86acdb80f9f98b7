import RealModule
import TandemAD
import TandemProcess

/// Uniform gravity: every particle has potential −mᵢ·(g·xᵢ), so a free
/// particle accelerates by g.
///
/// Recorded, on `Double` and duals over it, as one node that saves the whole
/// gradient −mᵢ·g_a (computed once, when the system is realised; see
/// ``TandemAD/Tape/gravityEnergy(positions:gradient:)``), and as dot
/// products of masses and coordinates on other scalars. Its quantities are
/// g's components; its gradient also reads the masses.
public struct Gravity: HandReversibleForce {
  /// The acceleration of gravity, one component per axis.
  public var acceleration: [Quantity]

  /// Gravity of `acceleration`, one component per axis.
  public init(acceleration: [Quantity]) { self.acceleration = acceleration }

  /// Gravity of 9.81 along −y in `dimension` dimensions.
  public static func standard(dimension: Int) -> Gravity {
    Gravity(acceleration: Axis.axes(of: dimension).map { $0 == .y ? -9.81 : 0 })
  }

  /// U = −Σᵢ mᵢ·(g·xᵢ).
  @inlinable
  public func realise<T: Scalar>(in context: ForceContext<T>) -> RealisedForce<T> {
    let gravity = acceleration.map(context.value)
    let (tape, masses, dimension) = (context.tape, context.masses, context.dimension)
    if Tape<T>.realComponents != nil {
      // One node with its gradient saved whole (on duals over Double).
      let gradient = gravity.flatMap { g in masses.map { -($0 * g) } }
      return RealisedForce(quantities: gravity) { x, total in
        total = .adding(tape.gravityEnergy(positions: x, gradient: gradient), to: total)
      }
    }
    return RealisedForce(quantities: gravity) { x, total in
      let m = tape.variables(masses)
      var weight = m.dot(context.axis(0, of: x)) * gravity[0]
      for a in 1..<dimension { weight = weight + m.dot(context.axis(a, of: x)) * gravity[a] }
      total = .adding(-weight, to: total)
    }
  }

  /// ∇U = −mᵢ·g_a; its pull-back adds −ḡ·g to the masses' adjoints and
  /// −Σᵢ ḡ·mᵢ to g's (x̄ gets nothing: the gradient is constant in x).
  public func handReversal(in context: ForceContext<Double>, quantities gravity: [Double])
    -> HandReversal
  {
    let (n, dimension, masses) = (context.count, context.dimension, context.masses)
    return HandReversal(
      addGradient: { _, gradient in
        masses.withUnsafeBufferPointer { m in
          for a in 0..<dimension {
            for i in 0..<n { gradient[a * n + i] += -m[i] * gravity[a] }
          }
        }
      },
      pullBackGradient: { _, gradientBar, _, adjoints in
        masses.withUnsafeBufferPointer { m in
          for a in 0..<dimension {
            var total = 0.0
            for i in 0..<n {
              adjoints.masses[i] -= gradientBar[a * n + i] * gravity[a]
              total += gradientBar[a * n + i] * m[i]
            }
            adjoints.own[a] -= total
          }
        }
      })
  }
}

extension SystemDescription {
  /// The acceleration of gravity, one component per axis (of its first
  /// ``Gravity`` force; zero without one).
  public var gravity: [Quantity] {
    forces.lazy.compactMap { $0 as? Gravity }.first?.acceleration
      ?? Array(repeating: 0, count: dimension)
  }
}

extension Gravity: CatalogedForce {
  /// "gravity".
  public static var catalogName: String { "gravity" }
  /// Gravity with the parameter as its x component.
  public static func example(dimension: Int, parameter: Quantity) -> Gravity {
    Gravity(acceleration: [parameter, -9.81, 0.5].prefix(dimension).map { $0 })
  }
}
