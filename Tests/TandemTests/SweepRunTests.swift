import Foundation
import Tandem
import Testing

/// Running a sweep's tasks: the losses against a closed form and against
/// the scene run or tuned with the same values, and the same results bit
/// for bit however the tasks are split.
@Suite struct SweepRunTests {
  /// Gradient descent on f(w) = ½(w₁² + 10·w₂²) from (1, 1) for 40 steps:
  /// w = ((1 − r)⁴⁰, (1 − 10r)⁴⁰), so f = ½((1 − r)⁸⁰ + 10·(1 − 10r)⁸⁰).
  static let quadratic = """
    kind: training
    parameters:
      rate: { value: 0.02, tune: true, min: 1.0e-4, max: 0.19, scale: log }
    problem:
      quadratic: { diagonal: [1, 10], start: [1, 1] }
    optimizer: { method: sgd, rate: $rate }
    training: { steps: 40 }
    objective: function-value
    tune: { method: newton, iterations: 6 }
    """

  static func closedForm(_ r: Double) -> Double {
    0.5 * (pow(1 - r, 80) + 10 * pow(1 - 10 * r, 80))
  }

  static let projectile = TuningStartsTests.projectile

  static func sweep(_ text: String, _ points: SweepPoints, kind: SweepTaskKind? = nil) throws
    -> SceneSweep
  {
    try SceneSweep(
      text: text, file: URL(fileURLWithPath: "/tmp/scene.yaml"), points: points, kind: kind)
  }

  @Test func runTasksGiveTheClosedFormLoss() throws {
    let sweep = try Self.sweep(
      Self.quadratic, .grid(axes: [try SweepAxis(argument: "rate=0.001:0.19:7")]))
    let results = sweep.run(tasks: Array(0..<7), jobs: 2)
    #expect(results.map(\.task) == Array(0..<7))
    for (result, rate) in zip(results, sweep.plan.values.map { $0[0] }) {
      #expect(result.parameters == ["rate": JSONNumber(rate)])
      let loss = try #require(result.finiteLoss)
      #expect(abs(loss - Self.closedForm(rate)) <= 1e-12 * Self.closedForm(rate), "rate \(rate)")
      #expect(result.failure == nil && result.iterations == nil && result.check == nil)
    }
  }

  @Test func checkTasksAgreeAtEveryPoint() throws {
    let sweep = try Self.sweep(
      Self.quadratic, .grid(axes: [try SweepAxis(argument: "rate=0.01:0.1:2")]), kind: .check)
    for result in sweep.run(tasks: [0, 1], jobs: 1) {
      #expect(result.check == "passed")
      let rate = try #require(result.parameters["rate"]?.value)
      #expect(abs(result.finiteLoss! - Self.closedForm(rate)) <= 1e-12 * Self.closedForm(rate))
    }
  }

  @Test func tuneTasksAreTheTunesFromTheirPoints() throws {
    let sweep = try Self.sweep(Self.projectile, .starts(count: 3, seed: 5))
    let results = sweep.run(tasks: [0, 1, 2], jobs: 2)
    // `tandem tune --starts 3 --seed 5`, through the tuner directly.
    var tuning = SceneTuning(scene: sweep.scene, sceneText: Self.projectile, fileName: "scene.yaml")
    (tuning.starts, tuning.seed, tuning.jobs) = (3, 5, 1)
    let starts = try tuning.runStarts()
    for (result, start) in zip(results, starts) {
      let best = try #require(start.best)
      #expect(result.loss == JSONNumber(best.loss))
      #expect(result.iterations == start.history.count - 1)
      #expect(result.stop == start.history.last?.stop?.name)
      #expect(result.parameters["vx"] == JSONNumber(best.parameters[0]))
      #expect(result.parameters["vy"] == JSONNumber(best.parameters[1]))
    }
    // And a run task at the scene's values is `tandem run`'s loss.
    let run = try Self.sweep(Self.projectile, .starts(count: 1, seed: 0), kind: .run)
    let scene = try SceneFile.parse(Self.projectile)
    let loss = try #require(scene.simulation).loss(parameters: scene.parameterVector)
    #expect(run.run(task: 0).loss == JSONNumber(loss))
  }

  @Test func theResultsDoNotDependOnTheSplit() throws {
    let sweep = try Self.sweep(
      Self.projectile,
      .grid(axes: [
        try SweepAxis(argument: "vx=2:12:4"), try SweepAxis(argument: "vy=1:20:3"),
      ]))
    let all = Array(0..<sweep.plan.count)
    let one = sweep.run(tasks: all, jobs: 1)
    let two = sweep.run(tasks: all, jobs: 2)
    var shards: [SweepResult] = []
    for index in 0..<8 {
      shards += sweep.run(tasks: SweepShard(index: index, of: 8).tasks(of: all.count), jobs: 2)
    }
    shards.sort { $0.task < $1.task }
    #expect(one.count == 12)
    for (a, (b, c)) in zip(one, zip(two, shards)) {
      #expect(a.sameOutcome(as: b) && a.sameOutcome(as: c), "task \(a.task)")
    }
    // The same results bit for bit at the value and its point: the
    // sweep's `--set` values are the scene's.
    let scene = try SceneFile.parse(Self.projectile, setting: sweep.plan.assignments(of: 7))
    let loss = try #require(scene.simulation).loss(parameters: scene.parameterVector)
    #expect(one[7].loss == JSONNumber(loss))
  }

  @Test func anAxisEndOutsideTheBoundsIsRefusedBeforeAnyTask() throws {
    #expect(throws: SceneError.self) {
      try Self.sweep(Self.projectile, .grid(axes: [try SweepAxis(argument: "vx=0.01:10:3")]))
    }
    do {
      _ = try Self.sweep(Self.projectile, .grid(axes: [try SweepAxis(argument: "vx=1:40:3")]))
    } catch {
      #expect("\(error)".contains("above `max`"), "\(error)")
    }
    #expect(throws: SweepError.setAndSwept("vx")) {
      try SceneSweep(
        text: Self.projectile, file: URL(fileURLWithPath: "/tmp/scene.yaml"), settings: ["vx": 3],
        points: .grid(axes: [try SweepAxis(argument: "vx=1:2:2")]))
    }
    #expect(throws: TuningError.self) {
      try Self.sweep(
        Self.projectile.replacingOccurrences(of: "tune: true", with: "tune: false"),
        .grid(axes: [try SweepAxis(argument: "vx=1:2:2")]), kind: .tune)
    }
  }
}
