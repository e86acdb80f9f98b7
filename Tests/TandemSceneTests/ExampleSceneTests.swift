import Foundation
import TandemAD
import TandemPhysics
import TandemRender
import TandemScene
import TandemTraining
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

    // The reader produces the engine's description: `$k`, `$c` and `$dt` are
    // parameters 0, 1 and 2; selectors are particle indices.
    let simulation = try #require(scene.simulation)
    let system = simulation.system
    #expect(system.gravity == [0, -9.81])
    #expect(system.drag == .parameter(1))
    let ground = try #require(system.ground)
    #expect([ground.height, ground.stiffness, ground.damping] == [-3, 20000, 10])
    #expect(system.particles.count == 5 + 256 + 11)
    #expect(system.particles.prefix(5).map(\.name) == ["ball", "a", "b", "probe", "charge"])
    let ball = system.particles[0]
    #expect(ball.position == [0, 0] && ball.velocity == [4, 5] && ball.mass == 1)
    #expect(!ball.isPinned)
    #expect(system.particles[2].mass == 2)
    #expect(system.particles[4].isPinned)
    #expect(system.springs.count == 1 + 930 + 10)
    let declared = system.springs[0]
    #expect(ends(declared.between) == [1, 2])
    #expect(declared.stiffness == 100 && declared.restLength == 1.0 && declared.damping == 0.5)
    #expect(system.pairPotentials.map { ends($0.between) } == [[3, 4]])
    #expect(system.pairPotentials[0].strength == 1)
    // The grid: 16×16 from index 5, spacing 0.1, its springs after the declared one.
    let cloth = system.particles[5..<261]
    #expect(cloth.map(\.name).prefix(3) == ["cloth[0,0]", "cloth[0,1]", "cloth[0,2]"])
    #expect(cloth.filter(\.isPinned).map(\.name) == ["cloth[0,0]", "cloth[0,15]"])
    #expect(system.particles[5 + 16 + 2].position == [0.2, -0.1])
    #expect(
      system.springs[1..<931].allSatisfy { $0.stiffness == .parameter(0) && $0.restLength == nil })
    #expect(ends(system.springs[1].between) == [5, 6])
    // The chain: 11 particles from [0, 0] to [2, 0], the first pinned.
    let rope = system.particles[261..<272]
    #expect(rope.map(\.name).last == "rope[10]")
    #expect(rope.map(\.isPinned) == [true] + Array(repeating: false, count: 10))
    #expect(rope.allSatisfy { $0.mass == 0.1 })
    #expect(system.particles[266].position == [1, 0])
    #expect(system.springs[931...].allSatisfy { $0.stiffness == 300 && $0.damping == 0 })
    #expect(simulation.integrator == .semiImplicitEuler)
    #expect(simulation.timeStep == .parameter(2))
    #expect(simulation.steps == 1000)
    let stop = try #require(simulation.stop)
    #expect(stop.particle == 3 && stop.axis == .y && stop.crossing == .below && stop.threshold == 0)
    #expect(simulation.objective.count == 4)
    guard case let .coordinate(bottom, axis, target) = simulation.objective[0].kind else {
      Issue.record("the first term is not a coordinate term")
      return
    }
    #expect(bottom == Array(5 + 240..<5 + 256) && axis == .y && target == -2.0)
    guard case let .position(particles, point) = simulation.objective[1].kind else {
      Issue.record("the second term is not a position term")
      return
    }
    #expect(particles == [0] && point == [6, 0.5])
    guard case let .distance(between, length) = simulation.objective[2].kind else {
      Issue.record("the third term is not a distance term")
      return
    }
    #expect(ends(between) == [1, 2] && length == 1.0)
    guard case .kineticEnergy(let everyone) = simulation.objective[3].kind else {
      Issue.record("the fourth term is not a kinetic-energy term")
      return
    }
    #expect(everyone == Array(0..<272) && simulation.objective[3].weight == 0.1)
    let layout = try #require(scene.layout)
    #expect(layout.groups.map(\.id) == ["cloth", "rope"])
    #expect(layout.groups[1].particles == 261..<272)
    #expect(layout.index(of: "cloth[3,4]") == 5 + 3 * 16 + 4)
    #expect(try layout.resolve(ParticleSelector(parsing: "rope[-1]")) == [271])
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
    guard case .supervised(let problem) = training.problem else {
      Issue.record("a model scene gives a supervised problem")
      return
    }
    #expect(
      problem.model
        == ModelDescription(widths: [2, 64, 1], activation: .tanh, initialisation: .seeded(1)))
    #expect(problem.loss == .meanSquaredError)
    #expect(
      problem.data
        == SyntheticDataset.sineProduct.generate(training: 1024, validation: 1024, seed: 1))
    #expect(
      training.optimizer
        == OptimizerDescription(method: .momentum, rate: .parameter(0), momentum: .parameter(1)))
    #expect(training.optimizer.beta2 == 0.999)
    #expect(training.steps == 500 && training.batch == .full)
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
    if let simulation = scene.simulation {
      #expect(!simulation.system.particles.isEmpty)
    }
  }

  @Test func benchClothIsB1() throws {
    let scene = try SceneFile.load(
      Fixtures.scenesDirectory.appendingPathComponent("bench-cloth.yaml"))
    #expect(scene.parameterValues == ["k": 400, "c": 0.5, "dt": 0.002])
    #expect(scene.tunedParameters.map(\.name) == ["k", "c", "dt"])
    let simulation = try #require(scene.simulation)
    let system = simulation.system
    let values = scene.parameterVector
    #expect(system.particles.count == 256)
    #expect(system.springs.count == 930)
    #expect(system.particles.filter(\.isPinned).map(\.name) == ["cloth[0,0]", "cloth[0,15]"])
    #expect(system.particles.allSatisfy { $0.mass == 1 && $0.velocity == [0, 0] })
    #expect(
      system.springs.allSatisfy {
        $0.stiffness == .parameter(0) && $0.restLength == nil && $0.damping == 0
      })
    #expect(system.drag.value(in: values) == 0.5)
    #expect(system.gravity == [0, -9.81])
    #expect(system.ground == nil)
    #expect(simulation.integrator == .semiImplicitEuler)
    #expect(simulation.timeStep.value(in: values) == 0.002)
    #expect(simulation.steps == 1000)
    #expect(simulation.objective.count == 1 && simulation.objective[0].weight == 1)
    if case let .coordinate(particles, axis, target) = simulation.objective[0].kind {
      #expect(particles == Array(240..<256) && axis == .y && target == -2.0)
    } else {
      Issue.record("B1's objective is a coordinate term")
    }
    for r in 0..<16 {
      for c in 0..<16 {
        let position = system.particles[r * 16 + c].position
        #expect(position[0].value(in: values) == Double(c) * 0.1)
        #expect(position[1].value(in: values) == -Double(r) * 0.1)
      }
    }
  }

  @Test func quadraticSceneDecodes() throws {
    let scene = try SceneFile.load(
      Fixtures.scenesDirectory.appendingPathComponent("quadratic.yaml"))
    let training = try #require(scene.training)
    #expect(training.problem == .quadratic(QuadraticProblem(diagonal: [1, 10], start: [1, 1])))
    #expect(training.optimizer == OptimizerDescription(method: .sgd, rate: .parameter(0)))
    #expect(scene.tune == TuneSettings(method: .newton, iterations: 15, horizon: .full))
  }
}

/// A spring's or potential's two ends as a list, for comparing.
func ends(_ between: (Int, Int)) -> [Int] { [between.0, between.1] }
