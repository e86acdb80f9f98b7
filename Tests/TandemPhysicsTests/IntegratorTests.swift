import Foundation
import TandemAD
import TandemPhysics
import Testing

@Suite struct IntegratorTests {
  /// The error at t = 1 against the closed form x₀·cos(ωt), as dt halves,
  /// falls like dtᵖ: the measured slope log₂(e(dt)/e(dt/2)) is the order.
  @Test(arguments: Integrator.allCases)
  func convergenceOrderMatchesTheScheme(integrator: Integrator) throws {
    let k = 4.0
    var errors: [Double] = []
    for steps in [50, 100, 200, 400] {
      var simulation = Simulation(
        Oscillator.description(
          stiffness: k, integrator: integrator, dt: 1 / Double(steps), steps: steps),
        parameters: [Double]())
      try simulation.run()
      let exact = Foundation.cos(k.squareRoot() * 1.0)
      errors.append(abs(simulation.state.coordinate(1, .x) - exact))
    }
    let slopes = zip(errors, errors.dropFirst()).map { Foundation.log2($0 / $1) }
    let expected = Double(integrator.order)
    for slope in slopes { #expect(abs(slope - expected) < 0.15, "\(integrator): slopes \(slopes)") }
  }

  /// Velocity Verlet is symplectic: over 10⁵ steps of an undamped spring the
  /// energy oscillates within a small band and does not drift.
  @Test func velocityVerletEnergyStaysBounded() throws {
    var simulation = Simulation(
      Oscillator.description(stiffness: 100, integrator: .velocityVerlet, dt: 0.01, steps: 100_000),
      parameters: [Double]())
    let initial = simulation.energy()
    var worst = 0.0
    var late = 0.0
    while !simulation.isFinished {
      try simulation.advance()
      let error = abs(simulation.energy() - initial) / initial
      worst = max(worst, error)
      if simulation.stepsTaken > 90_000 { late = max(late, error) }
    }
    // ω·dt = 0.1: the shadow-energy band is about (ω·dt)²/8 ≈ 1.3e-3.
    #expect(worst < 3e-3)
    #expect(late < 3e-3)
  }

  /// Explicit Euler, by contrast, gains energy steadily on the same spring.
  @Test func explicitEulerGainsEnergy() throws {
    var simulation = Simulation(
      Oscillator.description(stiffness: 100, integrator: .euler, dt: 0.01, steps: 1_000),
      parameters: [Double]())
    let initial = simulation.energy()
    try simulation.run()
    #expect(simulation.energy() > 2 * initial)
  }

  /// A pinned particle keeps its position exactly, whatever the integrator.
  @Test(arguments: Integrator.allCases)
  func pinnedParticlesNeverMove(integrator: Integrator) throws {
    var simulation = Simulation(
      Oscillator.description(integrator: integrator, dt: 0.01, steps: 100), parameters: [Double]())
    try simulation.run()
    #expect(simulation.state.position(of: 0) == [0, 0])
    #expect(simulation.state.velocity(0, .x) == 0 && simulation.state.velocity(0, .y) == 0)
  }
}
