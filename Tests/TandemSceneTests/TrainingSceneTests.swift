import Foundation
import TandemAD
import TandemScene
import TandemTraining
import Testing

@Suite("Training scenes")
struct TrainingSceneTests {
  let base = """
    kind: training
    parameters:
      rate: { value: 0.1, tune: true, min: 1.0e-4, scale: log }
    model: { layers: [4, 16, 16, 3], activation: relu }
    data: { csv: ../data/iris.csv, target: species }
    loss: cross-entropy
    optimizer: { method: adam, rate: $rate, beta1: 0.8, weight-decay: 1.0e-4, decay: 0.001 }
    training: { steps: 200, batch: 32, seed: 7 }
    objective: training-loss
    tune: { method: newton, iterations: 5, horizon: online, every: 20 }
    """

  @Test func everyKeyDecodes() throws {
    let scenes = Fixtures.scenesDirectory
    let scene = try SceneFile.parse(base, fileName: "iris.yaml", directory: scenes)
    let training = try #require(scene.training)
    guard case .supervised(let problem) = training.problem else {
      Issue.record("expected a model problem")
      return
    }
    #expect(
      problem.model
        == ModelDescription(widths: [4, 16, 16, 3], activation: .relu, initialisation: .seeded(0)))
    let file = scenes.appendingPathComponent("../data/iris.csv").standardizedFileURL
    #expect(scene.dataFiles == [DataFile(path: "../data/iris.csv", url: file)])
    // The file is read while the scene loads, split 80/20 with seed 0 (the defaults).
    let table = try CSVLoader.dataset(
      parsing: String(contentsOf: file, encoding: .utf8), target: "species", task: .classification)
    #expect(problem.data == TrainingData(splitting: table, validationFraction: 0.2, seed: 0))
    #expect(problem.loss == .softmaxCrossEntropy)
    #expect(
      training.optimizer
        == OptimizerDescription(
          method: .adam, rate: .parameter(0), beta1: 0.8, weightDecay: 1.0e-4, decay: 0.001))
    #expect(training.steps == 200 && training.batch == .size(32, seed: 7))
    #expect(training.objective == .trainingLoss)
    #expect(
      scene.tune
        == TuneSettings(method: .newton, iterations: 5, rate: 0.05, horizon: .online(every: 20)))
  }

  @Test func syntheticGeneratorsDecode() throws {
    let text = base.replacingOccurrences(
      of: "{ csv: ../data/iris.csv, target: species }",
      with: "{ synthetic: two-moons, train: 200, validation: 100, seed: 3, noise: 0.1 }"
    ).replacingOccurrences(of: "[4, 16, 16, 3]", with: "[2, 16, 16, 2]")
    let training = try #require(
      try SceneFile.parse(text, directory: Fixtures.scenesDirectory).training)
    guard case .supervised(let problem) = training.problem else {
      Issue.record("expected a model problem")
      return
    }
    #expect(
      problem.data
        == SyntheticDataset.twoMoons(noise: 0.1).generate(training: 200, validation: 100, seed: 3))
  }

  func error(_ old: String, _ new: String) -> SceneError? {
    #expect(base.contains(old))
    return Fixtures.error(parsing: base.replacingOccurrences(of: old, with: new))
  }

  @Test func mistakesAreNamed() {
    #expect(
      error("beta1: 0.8", "momentum: 0.8")?.description
        == "test.yaml:7:51: optimizer.momentum: `momentum` has no effect with method `adam` (it applies to `momentum` and `nesterov`)"
    )
    #expect(
      error("method: adam, rate", "method: adamw, rate")?.description
        == "test.yaml:7:22: optimizer.method: unknown method `adamw` (did you mean `adam`? valid methods: sgd, momentum, nesterov, adam)"
    )
    #expect(
      error("horizon: online, every: 20", "horizon: online")?.message
        == "missing required key `every` (the number of inner steps between updates, for `horizon: online`)"
    )
    #expect(
      error("horizon: online", "horizon: greedy")?.message
        == "`every` only applies to `horizon: online`")
    #expect(
      error("layers: [4, 16, 16, 3]", "layers: [4]")?.message
        == "expected at least two widths (input and output), found 1")
    #expect(
      error("batch: 32", "batch: half")?.message == "expected `full` or a batch size, found `half`")
    #expect(
      error("objective: training-loss", "objective: function-value")?.message
        == "`function-value` is the objective of a quadratic problem")
    #expect(
      error("value: 0.1, tune", "value: 1.5, tune").map { "\($0)" } == nil,
      "a learning rate above 1 is unusual but valid")
    #expect(
      error("beta1: 0.8", "beta1: 1.0")?.description
        == "test.yaml:7:48: optimizer.beta1: β₁ must lie in [0, 1), not 1")
    #expect(
      error("loss: cross-entropy", "loss: hinge")?.suggestion == "valid losses: mse, cross-entropy")
    #expect(
      Fixtures.error(parsing: base + "\nworld: { drag: 1 }")?.description
        == "test.yaml:11:1: world: `world` is not valid here (`world` belongs to physics scenes; remove `kind: training`)"
    )
  }

  @Test func quadraticProblems() throws {
    let text = """
      kind: training
      parameters: { a2: 10 }
      problem: { quadratic: { diagonal: [1, $a2], start: [1, 1] } }
      optimizer: { method: sgd, rate: 0.05 }
      training: { steps: 40 }
      """
    let training = try #require(
      try SceneFile.parse(text, directory: Fixtures.scenesDirectory).training)
    // The curvatures are fixed before training starts: `$a2` is read at its value.
    #expect(training.problem == .quadratic(QuadraticProblem(diagonal: [1, 10], start: [1, 1])))
    #expect(training.batch == .full)

    #expect(
      Fixtures.error(parsing: text.replacingOccurrences(of: "start: [1, 1]", with: "start: [1]"))?
        .description
        == "test.yaml:3:52: problem.quadratic.start: `start` has 1 numbers but `diagonal` has 2")
    #expect(
      Fixtures.error(parsing: text + "\nloss: mse")?.message
        == "`loss` has no effect with `problem:`")
    #expect(
      Fixtures.error(parsing: text + "\nobjective: validation-loss")?.message
        == "a quadratic problem has no data: its objective is `function-value`")
    #expect(
      Fixtures.error(parsing: text.replacingOccurrences(of: "rate: 0.05", with: "rate: 0"))?.message
        == "the learning rate must be positive, not 0")
  }
}
