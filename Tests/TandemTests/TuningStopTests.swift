import Foundation
import Tandem
import Testing

/// Why the tuner stops, and what it reports when it does.
@Suite struct TuningStopTests {
  /// The step-size scene, its objective weighted by `weight`.
  func stepSize(weight: String) throws -> SceneDescription {
    let text = try String(contentsOf: ExampleScenes.url("step-size"), encoding: .utf8)
      .replacingOccurrences(
        of: "coordinate: { particles: bob, axis: x, target: 0 }",
        with: "coordinate: { particles: bob, axis: x, target: 0 }\n    weight: \(weight)")
    return try SceneFile.parse(text, fileName: "step-size.yaml")
  }

  func newton(_ scene: SceneDescription, iterations: Int) throws -> [TuningIteration] {
    try Tuner(
      process: try #require(scene.simulation), initialValues: scene.parameterVector,
      tuned: scene.tunedParameterList, method: .newton, iterations: iterations, rate: 1
    ).run()
  }

  /// Newton's method does not care about the loss's units, and neither does
  /// the stopping rule: a loss a trillion times smaller (of order 1e-14
  /// here) is tuned to the same values in as many iterations. With the
  /// absolute gradient tolerance of 1e-10 it stopped at the start.
  @Test func convergenceIsRelativeToTheLossScale() throws {
    let unit = try newton(stepSize(weight: "1"), iterations: 20)
    let tiny = try newton(stepSize(weight: "1.0e-12"), iterations: 20)
    #expect(tiny[0].loss < 1e-10 && tiny[0].loss > 0)
    #expect(unit.last?.stop?.name == "converged" || unit.last?.stop?.name == "stalled")
    #expect(
      tiny.last?.stop?.name == unit.last?.stop?.name, "\(String(describing: tiny.last?.stop))")
    #expect(abs(tiny.count - unit.count) <= 1, "\(tiny.count) against \(unit.count) iterations")
    let index = try stepSize(weight: "1").tunedParameterList[0].index
    let (a, b) = (unit.last!.parameters[index], tiny.last!.parameters[index])
    #expect(abs(a - b) <= 1e-9 * abs(a), "dt \(a) against \(b)")
  }

  /// The tolerances are settable in the scene's `tune:` block, and checked.
  @Test func tolerancesComeFromTheTuneBlock() throws {
    let text = try String(contentsOf: ExampleScenes.url("step-size"), encoding: .utf8)
      .replacingOccurrences(
        of: "tune: { method: newton, iterations: 12 }",
        with: "tune: { method: newton, iterations: 12, gradient-tolerance: 0.5, step-tolerance: 0 }"
      )
    let scene = try SceneFile.parse(text, fileName: "step-size.yaml")
    #expect(scene.tune?.gradientTolerance == 0.5)
    #expect(scene.tune?.stepTolerance == 0)
    let tuning = SceneTuning(scene: scene, sceneText: text, fileName: "step-size.yaml")
    let history = try tuning.run()
    // Halving the gradient's norm takes one or two Newton steps, not 12.
    let stop = try #require(history.last?.stop)
    guard case .converged(let norm, let start, let tolerance) = stop else {
      Issue.record("stopped: \(stop)")
      return
    }
    #expect(tolerance == 0.5 && norm <= 0.5 * start)
    #expect(history.count <= 4)
    #expect(
      history.last!.gradientNorm <= 0.5 * history[0].gradientNorm,
      "the history's own norms agree with the stop")

    let bad = text.replacingOccurrences(
      of: "gradient-tolerance: 0.5", with: "gradient-tolerance: 2")
    #expect {
      try SceneFile.parse(bad, fileName: "step-size.yaml")
    } throws: { error in
      "\(error)".contains("tune.gradient-tolerance") && "\(error)".contains("below 1")
    }
  }

  /// Parameters held at their bounds, with the gradient pushing them
  /// further, do not keep the tuner going: the stop says so and names them.
  /// (The launch is bounded short of the target: it cannot reach x = 8.)
  @Test func convergesAtABound() throws {
    let scene = try ExampleScenes.load("projectile")
    var tuned = scene.tunedParameterList
    let vx = try #require(tuned.firstIndex { $0.name == "vx" })
    tuned[vx].maximum = 2
    var start = scene.parameterVector
    start[tuned[vx].index] = 0.5
    let history = try Tuner(
      process: try #require(scene.simulation), initialValues: start, tuned: tuned,
      method: .newton, iterations: 60, rate: 1
    ).run()
    let stop = try #require(history.last?.stop)
    guard case .convergedAtBound(let bounded, let norm, _, _) = stop else {
      Issue.record("stopped: \(stop)")
      return
    }
    #expect(bounded == ["vx", "vy"])
    #expect(norm == 0)
    let last = history.last!
    #expect(last.parameters[tuned[vx].index] == 2)
    #expect(last.parameters[tuned[1 - vx].index] == 30)
    // At the bounds the loss still falls as either grows: the gradient pushes outwards.
    #expect(last.gradient.allSatisfy { $0 < 0 })
    #expect(stop.description.contains("`vx`, `vy` held at their bounds"))
    #expect(history.count < 61)
  }

  /// With an online horizon, the loss reported for an iteration is a plain
  /// run's at the values written, not the loss of the run in which they
  /// changed (which is kept as `runLoss`).
  @Test func onlineHorizonReportsThePlainLossOfItsValues() throws {
    let url = ExampleScenes.url("quadratic")
    var tuning = try SceneTuning(file: url)
    tuning.horizon = .online(every: 5)
    tuning.method = .gradientDescent
    tuning.iterations = 3
    let history = try tuning.run()
    #expect(history.count == 4)
    let process = try #require(tuning.scene.training)
    for entry in history.dropFirst() {
      let plain = try process.loss(parameters: entry.parameters)
      #expect(entry.loss == plain, "iteration \(entry.iteration)")
      let runLoss = try #require(entry.runLoss)
      #expect(runLoss != plain, "the in-run loss differs, or the test proves nothing")
    }
    #expect(history[0].runLoss == nil)
  }
}
