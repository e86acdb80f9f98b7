import Foundation
import Tandem
import Testing

/// The example training scenes map onto TandemTraining and run, and their
/// hypergradients agree with finite differences.
@Suite("Training scenes run")
struct TrainingSceneRunTests {
  static let scenes = ["quadratic", "b2-momentum", "iris-adam"]

  static func load(_ name: String) throws -> SceneDescription {
    try SceneFile.load(scenesDirectory.appendingPathComponent(name + ".yaml"))
  }

  static var scenesDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scenes")
  }

  @Test(arguments: scenes)
  func exampleSceneMapsAndRuns(name: String) throws {
    let scene = try Self.load(name)
    let description = try #require(scene.training)
    #expect(description.steps == scene.process.stepCount)
    let curve = try TrainingCurve.record(description, parameters: scene.parameterVector)
    #expect(curve.steps.first == 0 && curve.steps.last == description.steps)
    #expect(curve.objective.isFinite && curve.objective > 0)
    // The curve's end is the objective, and training made progress.
    #expect(curve.objectiveCurve.last == curve.objective)
    #expect(curve.objective < curve.objectiveCurve[0] / 2)
    // The plain run the tuner evaluates gives the same number.
    #expect(try description.loss(parameters: scene.parameterVector) == curve.objective)
  }

  @Test func quadraticMapsItsProblem() throws {
    let description = try #require(try Self.load("quadratic").training)
    #expect(description.problem == .quadratic(QuadraticProblem(diagonal: [1, 10], start: [1, 1])))
    #expect(description.optimizer == OptimizerDescription(method: .sgd, rate: .parameter(0)))
    // Closed form: coordinate i contracts by (1 − α·aᵢ) per step.
    let loss = try description.loss(parameters: [0.02])
    let exact = 0.5 * pow(0.98, 80) + 5 * pow(0.8, 80)
    #expect(abs(loss - exact) <= 1e-13 * exact)
  }

  @Test func b2SceneIsBenchmarkB2() throws {
    // The JAX reference of shared/bench/SPEC.md, through the scene file.
    let scene = try Self.load("b2-momentum")
    let description = try #require(scene.training)
    guard case .supervised(let problem) = description.problem else {
      Issue.record("expected a model")
      return
    }
    #expect(problem.model.initialisation == .benchmarkB2)
    #expect(problem.data.training.count == 1024 && problem.data.validation.count == 1024)
    let (loss, gradient) = try description.lossWithGradient(
      parameters: scene.parameterVector, tuned: scene.tunedParameterList.map(\.index))
    #expect(abs(loss / 1.38048303083503e-02 - 1) < 1e-8)
    #expect(abs(gradient[0] / -6.35554839429287e-01 - 1) < 1e-8)
    #expect(abs(gradient[1] / -2.89078764388147e-01 - 1) < 1e-8)
  }

  @Test func irisSceneClassifiesTheCommittedData() throws {
    let scene = try Self.load("iris-adam")
    let description = try #require(scene.training)
    guard case .supervised(let problem) = description.problem else {
      Issue.record("expected a model")
      return
    }
    #expect(problem.data.training.count == 105 && problem.data.validation.count == 45)
    #expect(problem.data.training.targetCount == 3 && problem.loss == .softmaxCrossEntropy)
    let curve = try TrainingCurve.record(description, parameters: scene.parameterVector)
    #expect(try #require(curve.validationAccuracy) > 0.9)
  }

  /// Forward mode against central differences, at the scene's values; B2
  /// with fewer steps to stay quick (its full run is checked against JAX above).
  @Test(arguments: scenes)
  func hypergradientMatchesFiniteDifferences(name: String) throws {
    let scene = try Self.load(name)
    var description = try #require(scene.training)
    if name == "b2-momentum" { description.steps = 100 }
    let tuned = scene.tunedParameterList.map(\.index)
    let (_, forward) = try description.lossWithGradient(
      parameters: scene.parameterVector, tuned: tuned)
    let (differences, _) = try description.finiteDifferenceGradient(
      parameters: scene.parameterVector, tuned: tuned)
    #expect(forward.count == tuned.count)
    for (f, d) in zip(forward, differences) {
      #expect(abs(f - d) <= 1e-6 * max(abs(f), abs(d)), "forward \(f), finite differences \(d)")
    }
  }
}
