import Foundation
import TandemAD
import TandemPhysics
import Testing

@Suite struct SimulationTests {
  /// A projectile launched at speed v with no drag, stopped when it falls
  /// below y = 0: the stop interpolates the crossing, so the range is
  /// differentiable in v; its derivative matches central differences.
  @Test func stopEventIsDifferentiable() throws {
    func description() -> SimulationDescription {
      SimulationDescription(
        system: SystemDescription(
          particles: [
            ParticleDescription(
              name: "ball", position: [0, 0], velocity: [.parameter(0), .parameter(1)])
          ],
          gravity: [0, -9.81], drag: 0.1),
        integrator: .rk4, timeStep: 0.01, steps: 10_000,
        stop: StopCondition(particle: 0, axis: .y, crossing: .below, threshold: -0.001),
        objective: [ObjectiveTerm(.coordinate(particles: [0], axis: .x, target: 0))])
    }
    func range(_ vx: Double, _ vy: Double) throws -> Double {
      var simulation = Simulation(description(), parameters: [vx, vy])
      try simulation.run()
      return simulation.state.coordinate(0, .x)
    }
    var dual = Simulation(description(), parameters: Dual<2, Double>.seeding([4, 5]))
    try dual.run()
    #expect(dual.stoppedAtFraction != nil)
    let x = dual.state.coordinate(0, .x)
    // Without drag the range would be 2·vx·vy/g ≈ 4.08; drag shortens it.
    #expect(x.value > 3.5 && x.value < 4.08)
    let h = 1e-6
    let dvx = try (range(4 + h, 5) - range(4 - h, 5)) / (2 * h)
    let dvy = try (range(4, 5 + h) - range(4, 5 - h)) / (2 * h)
    #expect(abs(x.tangents[0] - dvx) < 1e-6 * abs(dvx))
    #expect(abs(x.tangents[1] - dvy) < 1e-6 * abs(dvy))
  }

  /// A particle resting on a penalty ground settles where the penalty force
  /// balances gravity: y = h − m·g/k_g.
  @Test func groundContactBalancesGravity() throws {
    let description = SimulationDescription(
      system: SystemDescription(
        particles: [ParticleDescription(name: "ball", position: [0, 0.5], mass: 2)],
        gravity: [0, -9.81], ground: GroundDescription(height: 0, stiffness: 1000, damping: 20)),
      integrator: .semiImplicitEuler, timeStep: 0.001, steps: 20_000)
    var simulation = Simulation(description, parameters: [Double]())
    try simulation.run()
    #expect(abs(simulation.state.coordinate(0, .y) - (0 - 2 * 9.81 / 1000)) < 1e-6)
  }

  /// A blow-up stops the run with the step and the particle's name.
  @Test func nonFiniteStateNamesStepAndParticle() {
    var simulation = Simulation(
      Oscillator.description(stiffness: 1e6, integrator: .euler, dt: 0.1, steps: 10_000),
      parameters: [Double]())
    do {
      try simulation.run()
      Issue.record("expected a blow-up")
    } catch let error as SimulationError {
      guard case let .nonFinite(step, particle, _) = error else { return }
      #expect(particle == "bob")
      #expect(step > 1 && step < 10_000)
      #expect(error.description.contains("smaller dt"))
    } catch {
      Issue.record("unexpected error \(error)")
    }
  }

  /// Dashpots damp the relative velocity along a spring: an oscillating
  /// dashpot spring loses energy, and without the dashpot it keeps it.
  @Test func dashpotsDissipateEnergy() throws {
    func energyAfter(damping: Double) throws -> Double {
      let system = SystemDescription(
        particles: [
          ParticleDescription(name: "anchor", position: [0, 0], isPinned: true),
          ParticleDescription(name: "bob", position: [1.5, 0]),
        ],
        springs: [
          SpringDescription(
            between: (0, 1), stiffness: 50, restLength: 1, damping: .constant(damping))
        ],
        gravity: [0, 0])
      var simulation = Simulation(
        SimulationDescription(system: system, integrator: .rk4, timeStep: 0.001, steps: 2000),
        parameters: [Double]())
      try simulation.run()
      return simulation.energy()
    }
    let initial = 0.5 * 50 * 0.25
    #expect(abs(try energyAfter(damping: 0) - initial) < 1e-6)
    #expect(try energyAfter(damping: 2) < 0.1 * initial)
  }
}
