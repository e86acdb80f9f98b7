import RealModule
import TandemAD

/// Classic fourth-order Runge–Kutta on the state (x, v).
public struct RungeKutta4: IntegrationScheme {
  /// The scheme.
  public init() {}
  /// "rk4".
  public var name: String { "rk4" }
  /// 4.
  public var order: Int { 4 }

  /// Four evaluations of a; the sum k1 + 2·k2 + 2·k3 + k4 accumulated in place.
  @inlinable
  public func stepper<T: Scalar>(for system: ParticleSystem<T>) -> Stepper<T> {
    let scratch = StepScratch(for: system)
    return Stepper { state, system, dt in
      var buffers = scratch.take()
      defer { scratch.keep(buffers) }
      let half = T(0.5) * dt
      let indices = state.positions.indices
      // sum accumulates k1 + 2·k2 + 2·k3 + k4 for x (in positions) and v (in velocities).
      buffers.evaluate(system, state)  // k1 = (v, a(x, v))
      for k in indices {
        buffers.sum.positions[k] = state.velocities[k]
        buffers.sum.velocities[k] = buffers.acceleration[k]
        buffers.stage.positions[k] = state.positions[k] + half * state.velocities[k]
        buffers.stage.velocities[k] = state.velocities[k] + half * buffers.acceleration[k]
      }
      for (weight, fraction) in [(T(2), half), (T(2), dt)] {  // k2 then k3
        buffers.evaluate(system, buffers.stage)
        for k in indices {
          let v = buffers.stage.velocities[k]
          buffers.sum.positions[k] += weight * v
          buffers.sum.velocities[k] += weight * buffers.acceleration[k]
          buffers.stage.positions[k] = state.positions[k] + fraction * v
          buffers.stage.velocities[k] = state.velocities[k] + fraction * buffers.acceleration[k]
        }
      }
      buffers.evaluate(system, buffers.stage)  // k4
      let sixth = dt / T(6)
      for k in indices {
        state.positions[k] += sixth * (buffers.sum.positions[k] + buffers.stage.velocities[k])
        state.velocities[k] += sixth * (buffers.sum.velocities[k] + buffers.acceleration[k])
      }
    }
  }
}

extension Integrator {
  /// Classic fourth-order Runge–Kutta (``RungeKutta4``).
  public static let rk4 = Integrator(RungeKutta4())
}
