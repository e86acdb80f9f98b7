import RealModule
import TandemAD

/// Explicit Euler, first order: x ← x + dt·v and v ← v + dt·a(x, v), both
/// from the old state.
public struct ExplicitEuler: IntegrationScheme {
  /// The scheme.
  public init() {}
  /// "euler".
  public var name: String { "euler" }
  /// 1.
  public var order: Int { 1 }

  /// One evaluation of a, then one pass over the state.
  @inlinable
  public func stepper<T: Scalar>(for system: ParticleSystem<T>) -> Stepper<T> {
    let scratch = StepScratch(for: system)
    return Stepper { state, system, dt in
      var buffers = scratch.take()
      defer { scratch.keep(buffers) }
      buffers.evaluate(system, state)
      for k in state.positions.indices {
        state.positions[k] += dt * state.velocities[k]
        state.velocities[k] += dt * buffers.acceleration[k]
      }
    }
  }
}

extension Integrator {
  /// Explicit Euler (``ExplicitEuler``).
  public static let euler = Integrator(ExplicitEuler())
}
