import Foundation
import TandemAD
import TandemPhysics
import TandemProcess
import Testing
import TandemTestSupport

@Suite struct ForceFieldTests {
  /// Random particles with springs, inverse-distance pairs, gravity and a
  /// ground: the tape's −∇U equals forces derived by hand.
  @Test func tapeForcesEqualHandDerivedForces() {
    var random = SplitMix64(seed: 7)
    let n = 6
    let particles = (0..<n).map { i in
      ParticleDescription(
        name: "p\(i)",
        position: [.constant(random.uniform(-1, 1)), .constant(random.uniform(-1, 1))],
        mass: .constant(random.uniform(0.5, 2)))
    }
    let springs = [(0, 1), (1, 2), (2, 3), (3, 0), (4, 5), (1, 4)].map {
      SpringDescription(
        between: $0, stiffness: .constant(random.uniform(10, 100)),
        restLength: .constant(random.uniform(0.2, 1)))
    }
    let pairs = [(0, 2), (3, 5)].map {
      PairPotentialDescription(between: $0, strength: .constant(random.uniform(-1, 1)))
    }
    let ground = GroundDescription(height: 0.2, stiffness: 500, damping: 0)
    let description = SystemDescription(
      particles: particles, springs: springs, pairPotentials: pairs, gravity: [0.3, -9.81],
      ground: ground)
    let (system, state) = ParticleSystem<Double>.realise(description, parameters: [])
    let field = system.field
    var acceleration = [Double](repeating: 0, count: 2 * n)
    _ = field.accelerations(of: system, at: state, into: &acceleration)
    let (ax, ay) = (Array(acceleration[..<n]), Array(acceleration[n...]))
    let (xs, ys) = (state.coordinates(along: .x), state.coordinates(along: .y))

    var fx = (0..<n).map { system.masses[$0] * 0.3 }
    var fy = (0..<n).map { system.masses[$0] * -9.81 }
    for s in springs {
      let (i, j) = s.between
      let (dx, dy) = (xs[i] - xs[j], ys[i] - ys[j])
      let length = (dx * dx + dy * dy).squareRoot()
      let magnitude = -s.stiffness.value(in: []) * (length - s.restLength!.value(in: [])) / length
      fx[i] += magnitude * dx; fy[i] += magnitude * dy
      fx[j] -= magnitude * dx; fy[j] -= magnitude * dy
    }
    for p in pairs {
      let (i, j) = p.between
      let (dx, dy) = (xs[i] - xs[j], ys[i] - ys[j])
      let r = (dx * dx + dy * dy).squareRoot()
      let magnitude = p.strength.value(in: []) / (r * r * r)  // −∇(s/r) = s·d/r³
      fx[i] += magnitude * dx; fy[i] += magnitude * dy
      fx[j] -= magnitude * dx; fy[j] -= magnitude * dy
    }
    for i in 0..<n where ys[i] < 0.2 { fy[i] += 500 * (0.2 - ys[i]) }
    for i in 0..<n {
      #expect(abs(ax[i] * system.masses[i] - fx[i]) <= 1e-12 * max(1, abs(fx[i])))
      #expect(abs(ay[i] * system.masses[i] - fy[i]) <= 1e-12 * max(1, abs(fy[i])))
    }
  }

  /// A zero-length spring and coincident particles give finite forces and
  /// finite derivatives, not NaN.
  @Test func coincidentParticlesGiveFiniteForces() throws {
    let description = SimulationDescription(
      system: SystemDescription(
        particles: [
          ParticleDescription(name: "a", position: [0, 0]),
          ParticleDescription(name: "b", position: [0, 0]),
        ],
        springs: [SpringDescription(between: (0, 1), stiffness: .parameter(0), restLength: 0.5)],
        gravity: [0, 0]),
      timeStep: 0.01, steps: 3,
      objective: [ObjectiveTerm(.coordinate(particles: [0], axis: .x, target: 1))])
    var simulation = Simulation(description, parameters: [Dual<1, Double>(10, seed: 0)])
    try simulation.run()
    let loss = simulation.loss()
    #expect(loss.value.isFinite && loss.tangents[0].isFinite)
    #expect(simulation.state.positions.allSatisfy { $0.value.isFinite && $0.tangents[0].isFinite })
  }
}

extension SplitMix64 {
  /// A uniform sample from [low, high).
  mutating func uniform(_ low: Double, _ high: Double) -> Double { low + (high - low) * uniform() }
}
