import RealModule
import TandemAD

/// Velocity Verlet, second order and symplectic for conservative forces:
/// x ← x + dt·v + ½dt²·a, then v ← v + ½dt·(a + a′). With velocity-dependent
/// forces a′ is evaluated at the half-step velocity v + ½dt·a.
///
/// Without velocity-dependent forces, the acceleration at the end of a step
/// is that at the start of the next, and is evaluated once.
public struct VelocityVerlet: IntegrationScheme {
  /// The scheme.
  public init() {}
  /// "velocity-verlet".
  public var name: String { "velocity-verlet" }
  /// 2.
  public var order: Int { 2 }

  /// Half a velocity step, a position step, a new acceleration, half a
  /// velocity step.
  @inlinable
  public func stepper<T: Scalar>(for system: ParticleSystem<T>) -> Stepper<T> {
    let scratch = StepScratch(for: system)
    let dependsOnVelocity = system.forcesDependOnVelocity
    return Stepper(
      step: { state, system, dt in
        var buffers = scratch.take()
        defer { scratch.keep(buffers) }
        let half = T(0.5) * dt
        if !scratch.hasCachedAcceleration || dependsOnVelocity { buffers.evaluate(system, state) }
        for k in state.positions.indices {
          state.velocities[k] += half * buffers.acceleration[k]  // half-step velocity
          state.positions[k] += dt * state.velocities[k]
        }
        buffers.evaluate(system, state)
        for k in state.velocities.indices { state.velocities[k] += half * buffers.acceleration[k] }
        scratch.hasCachedAcceleration = true
      },
      invalidate: { scratch.hasCachedAcceleration = false })
  }
}

extension Integrator {
  /// Velocity Verlet (``VelocityVerlet``).
  public static let velocityVerlet = Integrator(VelocityVerlet())
}
