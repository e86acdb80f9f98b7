import Foundation
import TandemRender
import TandemScene
import Testing

@Suite("Example scenes")
struct ExampleSceneTests {
  @Test func fullPhysicsExampleDecodesEveryKey() throws {
    let scene = try SceneFile.parse(Fixtures.fullPhysicsExample, fileName: "example.yaml")
    #expect(scene.name == "cloth")
    #expect(scene.description == "A net hanging from two corners.")
    #expect(scene.parameters.map(\.name) == ["k", "c", "dt"])
    #expect(
      scene.parameters[0] == SceneParameter(name: "k", value: 400, tune: true, min: 1, scale: .log))
    #expect(scene.parameters[1] == SceneParameter(name: "c", value: 0.5))
    #expect(
      scene.parameters[2]
        == SceneParameter(name: "dt", value: 0.002, tune: true, min: 1.0e-5, max: 0.01))
    #expect(scene.tunedParameters.map(\.name) == ["k", "dt"])
    #expect(scene.parameterValues == ["k": 400, "c": 0.5, "dt": 0.002])
    #expect(scene.tune == nil)
    #expect(
      scene.render
        == RenderSettings(
          width: 800, height: 600, every: 10, view: WorldRect(minX: -1, minY: -4, maxX: 3, maxY: 1),
          trails: true))

    let physics = try #require(scene.physics)
    #expect(physics.world.gravity == SceneVector(x: 0, y: -9.81))
    #expect(physics.world.drag == .parameter("c"))
    #expect(physics.world.ground == SceneGround(height: -3, stiffness: 20000, damping: 10))
    #expect(physics.particles.map(\.id) == ["ball", "a", "b", "probe", "charge"])
    #expect(
      physics.particles[0]
        == SceneParticle(
          id: "ball", position: SceneVector(x: 0, y: 0), velocity: SceneVector(x: 4, y: 5), mass: 1)
    )
    #expect(physics.particles[2].mass == 2)
    #expect(physics.particles[4].pinned)
    #expect(
      physics.springs == [SceneSpring(between: ("a", "b"), stiffness: 100, rest: 1.0, damping: 0.5)]
    )
    #expect(physics.potentials == [PotentialDescription(between: ("probe", "charge"), strength: 1)])
    #expect(
      physics.grids == [
        GridDescription(
          id: "cloth", rows: 16, columns: 16, spacing: 0.1, mass: 1, stiffness: .parameter("k"),
          shear: true,
          pinned: [GridIndex(row: 0, column: 0), GridIndex(row: 0, column: 15)])
      ])
    #expect(
      physics.chains == [
        ChainDescription(
          id: "rope", from: SceneVector(x: 0, y: 0), to: SceneVector(x: 2, y: 0), segments: 10,
          mass: 0.1,
          stiffness: 300, pinned: [0])
      ])
    #expect(
      physics.simulation
        == SimulationSettings(
          integrator: .semiImplicitEuler, dt: .parameter("dt"), steps: 1000,
          stop: SceneStopCondition(particle: "probe", axis: .y, crossing: .below, value: 0)))
    #expect(
      physics.objective == [
        SceneObjectiveTerm(.coordinate(particles: "cloth[15,*]", axis: .y, target: -2.0)),
        SceneObjectiveTerm(.position(particles: "ball", target: SceneVector(x: 6, y: 0.5))),
        SceneObjectiveTerm(.distance(between: "a", and: "b", target: 1.0)),
        SceneObjectiveTerm(.kineticEnergy(particles: .all), weight: 0.1),
      ])
  }

  @Test func fullPhysicsExampleExpands() throws {
    let scene = try #require(try SceneFile.parse(Fixtures.fullPhysicsExample).physics).expanded()
    #expect(scene.particles.count == 5 + 256 + 11)
    #expect(scene.springs.count == 1 + 930 + 10)
    #expect(scene.springs[0] == .init(first: 1, second: 2, stiffness: 100, rest: 1.0, damping: 0.5))
    #expect(scene.potentials.map { [$0.first, $0.second] } == [[3, 4]])
    #expect(scene.stop == .init(particle: 3, axis: .y, crossing: .below, value: 0))
    #expect(scene.dt == .parameter("dt"))
    #expect(scene.integrator == .semiImplicitEuler)
    #expect(scene.steps == 1000)
    #expect(scene.objective.count == 4)
    #expect(
      scene.objective[0].measure
        == .coordinate(particles: Array(5 + 240..<5 + 256), axis: .y, target: -2.0))
    #expect(
      scene.objective[1].measure == .position(particles: [0], target: SceneVector(x: 6, y: 0.5)))
    #expect(scene.objective[2].measure == .distance(first: 1, second: 2, target: 1.0))
    #expect(
      scene.objective[3] == .init(measure: .kineticEnergy(particles: Array(0..<272)), weight: 0.1))
    #expect(scene.groups.map(\.id) == ["cloth", "rope"])
    #expect(scene.groups[1].particles == 261..<272)
  }

  @Test func verbatimIssueExampleNamesItsMissingParticle() throws {
    // The issue's example refers to particles `a`, `b`, `probe` and `charge` without defining them.
    let verbatim = Fixtures.fullPhysicsExample.split(
      separator: "\n", omittingEmptySubsequences: false
    )
    .filter {
      !$0.contains("{ id: a,") && !$0.contains("{ id: b,") && !$0.contains("id: probe")
        && !$0.contains("id: charge")
    }
    .joined(separator: "\n")
    let error = try #require(Fixtures.error(parsing: verbatim))
    #expect(
      error.description
        == "test.yaml:14:17: springs[0].between[0]: unknown particle `a` (defined ids: cloth, rope, ball)"
    )
  }

  @Test func trainingExampleDecodes() throws {
    let scene = try SceneFile.parse(Fixtures.trainingExample, fileName: "b2.yaml")
    #expect(scene.name == "b2")
    #expect(
      scene.parameters == [
        SceneParameter(name: "rate", value: 0.05, tune: true, min: 1.0e-5, scale: .log),
        SceneParameter(name: "momentum", value: 0.9, tune: true, min: 0, max: 0.999),
      ])
    let training = try #require(scene.training)
    #expect(
      training.problem
        == .model(
          SceneModel(layers: [2, 64, 1], activation: .tanh, seed: 1),
          data: .synthetic(
            SyntheticData(generator: .sineProduct, train: 1024, validation: 1024, seed: 1)),
          loss: .meanSquaredError))
    #expect(
      training.optimizer
        == OptimizerSettings(
          method: .momentum, rate: .parameter("rate"), momentum: .parameter("momentum")))
    #expect(training.optimizer.beta2 == 0.999)
    #expect(training.training == TrainingSettings(steps: 500, batch: .full, seed: 0))
    #expect(training.objective == .validationLoss)
    #expect(scene.tune == TuneSettings(method: .adam, iterations: 30, rate: 0.05, horizon: .full))
  }

  @Test(arguments: [
    "cloth", "rope", "projectile", "bouncing-ball", "bench-cloth", "quadratic", "b2-momentum",
    "iris-adam",
  ])
  func exampleSceneLoads(name: String) throws {
    let scene = try SceneFile.load(Fixtures.scenesDirectory.appendingPathComponent(name + ".yaml"))
    #expect(scene.name == name)
    #expect(scene.description?.isEmpty == false)
    if let physics = scene.physics {
      let expanded = try physics.expanded()
      #expect(!expanded.particles.isEmpty)
    }
  }

  @Test func benchClothIsB1() throws {
    let scene = try SceneFile.load(
      Fixtures.scenesDirectory.appendingPathComponent("bench-cloth.yaml"))
    #expect(scene.parameterValues == ["k": 400, "c": 0.5, "dt": 0.002])
    #expect(scene.tunedParameters.map(\.name) == ["k", "c", "dt"])
    let expanded = try #require(scene.physics).expanded()
    let values = scene.parameterValues
    #expect(expanded.particles.count == 256)
    #expect(expanded.springs.count == 930)
    #expect(expanded.particles.filter(\.isPinned).map(\.id) == ["cloth[0,0]", "cloth[0,15]"])
    #expect(expanded.particles.allSatisfy { $0.mass == 1 && $0.velocity == .zero })
    #expect(
      expanded.springs.allSatisfy {
        $0.stiffness == .parameter("k") && $0.rest == nil && $0.damping == 0
      })
    #expect(expanded.world.drag.value(in: values) == 0.5)
    #expect(expanded.world.gravity == SceneVector(x: 0, y: -9.81))
    #expect(expanded.world.ground == nil)
    #expect(expanded.integrator == .semiImplicitEuler)
    #expect(expanded.dt.value(in: values) == 0.002)
    #expect(expanded.steps == 1000)
    #expect(
      expanded.objective == [
        .init(measure: .coordinate(particles: Array(240..<256), axis: .y, target: -2.0), weight: 1)
      ])
    for r in 0..<16 {
      for c in 0..<16 {
        let position = expanded.particles[r * 16 + c].position.value(in: values)
        #expect(position.x == Double(c) * 0.1 && position.y == -Double(r) * 0.1)
      }
    }
  }

  @Test func quadraticSceneDecodes() throws {
    let scene = try SceneFile.load(
      Fixtures.scenesDirectory.appendingPathComponent("quadratic.yaml"))
    let training = try #require(scene.training)
    #expect(training.problem == .quadratic(diagonal: [1, 10], start: [1, 1]))
    #expect(training.optimizer == OptimizerSettings(method: .sgd, rate: .parameter("rate")))
    #expect(training.objective == .functionValue)
    #expect(scene.tune == TuneSettings(method: .newton, iterations: 15, horizon: .full))
  }
}
