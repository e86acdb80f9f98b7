import Foundation
import Tandem
import Testing

/// `tune --starts N`: the starting points (the scene's own, then drawn in
/// the bounds), the best start kept, and the same results bit for bit
/// however many run at once.
@Suite struct TuningStartsTests {
  static let projectile = """
    parameters:
      vx: { value: 4, tune: true, min: 0.1, max: 30 }
      vy: { value: 6, tune: true, min: 0.5, max: 30, scale: log }
      c: 0.15
    world: { gravity: [0, -9.81], drag: $c }
    particles:
      - { id: ball, position: [0, 0], velocity: [$vx, $vy], mass: 1 }
    simulation: { integrator: rk4, dt: 0.01, steps: 1000, stop: { particle: ball, axis: y, below: 0 } }
    objective:
      - position: { particles: ball, target: [8, 0] }
    tune: { method: gd, iterations: 15, rate: 0.05 }
    """

  @Test func startingPointsAreTheScenesThenDrawnInTheBounds() throws {
    let scene = try SceneFile.parse(Self.projectile)
    let process = try #require(scene.simulation)
    let tuner = Tuner(
      process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
      method: .gradientDescent, iterations: 1, rate: 0.05)
    let points = tuner.startingPoints(count: 400, seed: 3)
    #expect(points.count == 400)
    #expect(points[0] == scene.parameterVector)
    #expect(tuner.startingPoints(count: 400, seed: 3) == points)
    #expect(tuner.startingPoints(count: 400, seed: 4) != points)
    let vx = points.dropFirst().map { $0[0] }
    let vy = points.dropFirst().map { $0[1] }
    #expect(vx.allSatisfy { (0.1...30).contains($0) } && vy.allSatisfy { (0.5...30).contains($0) })
    #expect(points.allSatisfy { $0[2] == 0.15 })  // not tuned, not moved
    // Linear: uniform, about half below the middle. Log: log-uniform, about
    // half below the geometric middle √(0.5·30) ≈ 3.9 (far below 15.25).
    let belowMiddle = vx.filter { $0 < 15.05 }.count
    let belowGeometric = vy.filter { $0 < (0.5 * 30.0).squareRoot() }.count
    #expect(abs(belowMiddle - 200) < 40 && abs(belowGeometric - 200) < 40)
  }

  @Test func theResultsDoNotDependOnHowManyRunAtOnce() throws {
    let scene = try SceneFile.parse(Self.projectile)
    var tuning = SceneTuning(scene: scene, sceneText: Self.projectile, fileName: "p.yaml")
    tuning.starts = 5
    tuning.seed = 11
    tuning.jobs = 1
    let one = try tuning.runStarts()
    tuning.jobs = 2
    let two = try tuning.runStarts()
    tuning.jobs = 8
    let eight = try tuning.runStarts()
    #expect(one.map(\.number) == [0, 1, 2, 3, 4])
    for other in [two, eight] {
      for (a, b) in zip(one, other) {
        #expect(a.initialValues == b.initialValues)
        #expect(a.history.map(\.loss) == b.history.map(\.loss))
        #expect(a.history.map(\.parameters) == b.history.map(\.parameters))
      }
    }
    // Start 0 is the one-start tuning.
    let single = try SceneTuning(scene: scene, sceneText: Self.projectile, fileName: "p.yaml").run()
    #expect(one[0].history.map(\.loss) == single.map(\.loss))
    let best = try #require(SceneTuning.best(of: one))
    #expect(one.allSatisfy { best.best!.loss <= $0.best!.loss })
  }
}

/// More than 8 tuned parameters in forward mode: the runs of 8 tangents go
/// on every core at once, and each is exactly the run it would be alone.
@Suite struct TangentChunkTests {
  @Test func chunksRunInParallelGiveEachChunksOwnNumbers() throws {
    let scene = try SceneFile.parse(
      VectorParameterGradientTests.scene(vectors: true), fileName: "v.yaml")
    let process = try #require(scene.simulation)
    let tuned = scene.tunedParameterList.map(\.index)
    #expect(tuned.count > 16)  // three chunks at least
    let (loss, gradient) = try process.lossWithGradient(
      parameters: scene.parameterVector, tuned: tuned)
    var alone: [Double] = []
    for start in stride(from: 0, to: tuned.count, by: 8) {
      let chunk = Array(tuned[start..<min(start + 8, tuned.count)])
      let part = try process.lossWithGradient(parameters: scene.parameterVector, tuned: chunk)
      #expect(part.loss == loss)
      alone += part.gradient
    }
    #expect(gradient == alone)  // bit for bit
  }
}
