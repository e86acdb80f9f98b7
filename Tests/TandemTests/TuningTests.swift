import Foundation
import Tandem
import Testing

@Suite struct TuningTests {
  /// A projectile with drag aimed at a target: tuning its launch velocity
  /// lands it on the target.
  @Test func projectileConvergesOnTheTarget() throws {
    let scene = try ExampleScenes.load("projectile")
    let process = try #require(scene.simulation)
    let layout = try #require(scene.layout)
    let tuner = Tuner(
      process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
      method: .gradientDescent, iterations: 40, rate: 0.05)
    let history = try tuner.run()
    let best = history.min { $0.loss < $1.loss }!
    #expect(history[0].loss > 10)
    #expect(best.loss < 1e-6)
    var simulation = Simulation(process, parameters: best.parameters)
    try simulation.run()
    let ball = layout.index(of: "ball")!
    #expect(abs(simulation.state.coordinate(ball, .x) - 8) < 1e-3)
    #expect(abs(simulation.state.coordinate(ball, .y)) < 1e-9)  // the stop interpolates to the ground line
  }

  /// Newton's method on a one-parameter scene converges quadratically: once
  /// close, each step's length is about the square of the previous one's
  /// (relative to the distance to the optimum).
  @Test func newtonConvergesQuadratically() throws {
    let scene = try ExampleScenes.load("step-size")
    let process = try #require(scene.simulation)
    let tuner = Tuner(
      process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
      method: .newton, iterations: 8, rate: 1)
    let history = try tuner.run()
    let steps = history.dropFirst().map(\.stepLength)
    print(
      "Newton step lengths (log dt):",
      steps.map { String(format: "%.3e", $0) }.joined(separator: ", "))
    #expect(history.last!.loss < 1e-20)
    // The last steps shrink at least quadratically: s₍ₖ₊₁₎ ≤ C·s₍ₖ₎² with C modest.
    let tail = Array(steps.suffix(3))
    #expect(tail.count == 3)
    for k in 0..<(tail.count - 1) where tail[k] > 1e-12 {
      #expect(tail[k + 1] <= 10 * tail[k] * tail[k], "step lengths \(steps)")
    }
  }

  /// The scene written to tuned.yaml, run again, reproduces the tuned loss.
  @Test func tunedSceneReproducesTheFinalLoss() throws {
    let text = try String(contentsOf: ExampleScenes.url("step-size"), encoding: .utf8)
    let scene = try SceneFile.parse(text, fileName: "step-size.yaml")
    let process = try #require(scene.simulation)
    let history = try Tuner(
      process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
      method: .newton, iterations: 4, rate: 1
    ).run()
    let best = history.last!
    var values: [String: Double] = [:]
    for p in scene.tunedParameterList { values[p.name] = best.parameters[p.index] }
    let rewritten = try SceneFile.rewritingParameters(
      in: text, with: values, fileName: "tuned.yaml")
    let tuned = try SceneFile.parse(rewritten, fileName: "tuned.yaml")
    let tunedProcess = try #require(tuned.simulation)
    let loss = try tunedProcess.loss(parameters: tuned.parameterVector)
    #expect(loss == best.loss)
  }

  /// The last iteration says why the tuner stopped; the others say nothing.
  @Test func theHistorySaysWhyTheTunerStopped() throws {
    let scene = try ExampleScenes.load("step-size")
    let process = try #require(scene.simulation)
    func tuner(_ iterations: Int) -> Tuner<SimulationDescription> {
      Tuner(
        process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
        method: .newton, iterations: iterations, rate: 1)
    }
    let short = try tuner(2).run()
    #expect(short.last?.stop == .iterationLimit(2))
    #expect(short.dropLast().allSatisfy { $0.stop == nil })
    // Newton converges long before 40 iterations: by the gradient or the step tolerance.
    let long = try tuner(40).run()
    let stop = try #require(long.last?.stop)
    #expect(["converged", "stalled"].contains(stop.name), "\(stop)")
    #expect(long.count < 41)
    var stuck = tuner(5)
    stuck.gradientTolerance = .infinity
    #expect(try stuck.run().last?.stop?.name == "converged")
  }

  /// Bounds hold: a parameter never leaves [min, max] whatever the step.
  @Test func boundsAreRespected() throws {
    let scene = try ExampleScenes.load("projectile")
    let process = try #require(scene.simulation)
    var tuned = scene.tunedParameterList
    tuned[0].maximum = 5  // vx wants to reach about 6.1
    let history = try Tuner(
      process: process, initialValues: scene.parameterVector, tuned: tuned, method: .adam,
      iterations: 30, rate: 0.5
    ).run()
    #expect(history.allSatisfy { $0.parameters[tuned[0].index] <= 5 })
    #expect(history.contains { $0.parameters[tuned[0].index] == 5 })  // pressed against the bound
  }
}
