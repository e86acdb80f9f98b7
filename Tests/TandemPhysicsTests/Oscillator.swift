import TandemAD
import TandemPhysics

/// One free particle of unit mass on a spring of stiffness k to a pinned
/// anchor at the origin, no gravity: a harmonic oscillator with
/// x(t) = x₀·cos(ωt), ω = √k, when it starts at rest at (x₀, 0).
enum Oscillator {
  static func description(
    stiffness: Double = 4, start: Double = 1, integrator: Integrator, dt: Double, steps: Int
  ) -> SimulationDescription {
    let system = SystemDescription(
      particles: [
        ParticleDescription(name: "anchor", position: [0, 0], isPinned: true),
        ParticleDescription(name: "bob", position: [.constant(start), 0]),
      ],
      springs: [SpringDescription(between: (0, 1), stiffness: .constant(stiffness), restLength: 0)],
      gravity: [0, 0])
    return SimulationDescription(
      system: system, integrator: integrator, timeStep: .constant(dt), steps: steps)
  }
}
