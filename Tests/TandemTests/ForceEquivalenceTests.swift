import Foundation
import Tandem
import Testing

/// Every cataloged force (``ForceCatalog``) through every integrator and
/// every gradient path, in 2-D and 3-D, from a non-zero and an exactly-zero
/// parameter: forward mode, checkpointed reverse (reversed by hand where
/// every force and the integrator opt in), whole-tape reverse and central
/// differences agree. A new force is in this test by being in the catalog;
/// a force that opts into the hand path with a wrong pull-back fails it.
@Suite struct ForceEquivalenceTests {
  /// Particle 0 pinned at the top, three free particles moving, particle 3
  /// starting below y = −0.15; gravity, then the force under test (the
  /// parameter is index 0, and only the force reads it).
  static func process(
    _ force: any CatalogedForce.Type, dimension: Int, integrator: Integrator
  ) -> SimulationDescription {
    func vector(_ x: Double, _ y: Double, _ z: Double) -> [Quantity] {
      [.constant(x), .constant(y), .constant(z)].prefix(dimension).map { $0 }
    }
    let particles = [
      ParticleDescription(name: "top", position: vector(0, 0.4, 0), isPinned: true),
      ParticleDescription(
        name: "a", position: vector(0.3, 0.1, 0.1), velocity: vector(0.4, 0.2, -0.3), mass: 0.8),
      ParticleDescription(
        name: "b", position: vector(0.6, 0.05, -0.1), velocity: vector(-0.2, 0.5, 0.2), mass: 1.3),
      ParticleDescription(
        name: "c", position: vector(0.5, -0.2, 0.2), velocity: vector(0.1, -0.4, 0.1)),
    ]
    let example = force.example(dimension: dimension, parameter: .parameter(0))
    let forces: [any Force] =
      force == Gravity.self ? [example] : [Gravity.standard(dimension: dimension), example]
    return SimulationDescription(
      system: SystemDescription(dimension: dimension, particles: particles, forces: forces),
      integrator: integrator, timeStep: 0.01, steps: 30,
      objective: [
        ObjectiveTerm(.coordinate(particles: [3], axis: .y, target: 0)),
        ObjectiveTerm(.kineticEnergy(particles: [1, 2]), weight: 0.3),
        ObjectiveTerm(.distance(between: (1, 3), target: 0.5)),
      ])
  }

  static let cases: [(force: Int, integrator: Integrator)] = ForceCatalog.all.indices.flatMap {
    force in Integrator.allCases.map { (force, $0) }
  }

  @Test(arguments: cases)
  func everyPathAgrees(force index: Int, integrator: Integrator) throws {
    let force = ForceCatalog.all[index]
    for dimension in [2, 3] {
      let process = Self.process(force, dimension: dimension, integrator: integrator)
      // Every forces opts in, or the step is recorded: one predicate.
      let byHand = process.system.forces.allSatisfy { $0 is any HandReversibleForce }
      #expect(process.stepsReverseByHand == (byHand && integrator == .semiImplicitEuler))
      // The run agrees: every opting force realised its hand reversal, so
      // the checkpointed route below takes the hand path exactly then.
      #expect(
        Simulation(process, parameters: [0.7]).reversesStepsByHand == process.stepsReverseByHand)
      for value in [0.7, 0.0] {
        let label = "\(force.catalogName), \(integrator.rawValue), \(dimension)-D, p = \(value)"
        let (loss, forward) = try process.lossWithGradient(parameters: [value], tuned: [0])
        let (tapeLoss, tape, _) = try process.reverseGradient(parameters: [value], tuned: [0])
        let checkpointed = try process.checkpointedReverseGradient(
          parameters: [value], tuned: [0], snapshots: 4)
        let (differences, _) = try process.finiteDifferenceGradient(
          parameters: [value], tuned: [0])
        let scale = max(abs(tape[0]), 1e-3)
        #expect(abs(tapeLoss - loss) <= 1e-13 * max(abs(loss), 1), "\(label): loss")
        #expect(
          abs(forward[0] - tape[0]) <= 1e-10 * scale,
          "\(label): forward \(forward[0]) vs tape \(tape[0])")
        #expect(
          abs(checkpointed.gradient[0] - tape[0]) <= 1e-10 * scale,
          "\(label): checkpointed \(checkpointed.gradient[0]) vs tape \(tape[0])")
        #expect(
          abs(differences[0] - tape[0]) <= 1e-5 * scale,
          "\(label): differences \(differences[0]) vs tape \(tape[0])")
        // The parameter is read, so it has a derivative, at 0 as elsewhere.
        #expect(tape[0] != 0, "\(label): no derivative")
      }
    }
  }

  /// The catalog is the registry: every force an example scene builds is in it.
  @Test func everySceneForceIsCataloged() throws {
    let cataloged = Set(ForceCatalog.all.map { ObjectIdentifier($0) })
    var seen = Set<String>()
    for name in ExampleScenes.physicsScenes {
      let system = try #require(try ExampleScenes.load(name).simulation).system
      for force in system.forces {
        let type = type(of: force)
        seen.insert(String(describing: type))
        #expect(
          cataloged.contains(ObjectIdentifier(type)), "\(name): \(type) is not in ForceCatalog")
      }
    }
    #expect(seen.count >= 4)
  }
}
