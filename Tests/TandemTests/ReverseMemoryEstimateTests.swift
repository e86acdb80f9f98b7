import Foundation
import Tandem
import Testing

/// `tandem check` skips reverse mode when its recording would outgrow a
/// limit; the size it projects must be close to what a whole recording takes
/// (it was 43% of it on the cloth scene), whatever the limit, and the steps it
/// reports must be the steps taken.
@Suite struct ReverseMemoryEstimateTests {
  /// A hanging cloth that starts at rest: its first step records far less
  /// than the later ones, since the state starts as constants.
  static let cloth = """
    name: estimate
    parameters:
      k: { value: 400, tune: true, min: 1 }
      c: { value: 0.5, tune: true, min: 0 }
    world: { gravity: [0, -9.81], drag: $c }
    grids:
      - { id: cloth, rows: 6, columns: 6, origin: [0, 0], spacing: 0.1, mass: 1,
          stiffness: $k, shear: true, pinned: [[0, 0], [0, -1]] }
    simulation: { integrator: semi-implicit-euler, dt: 0.002, steps: 400 }
    objective:
      - coordinate: { particles: "cloth[-1,*]", axis: y, target: -2.0 }
    """

  /// The projection at the first check that crosses `limit`, in bytes.
  func projection(
    _ process: SimulationDescription, _ scene: SceneDescription, limit: Int
  ) throws -> Int? {
    do {
      _ = try process.reverseGradient(
        parameters: scene.parameterVector, tuned: scene.tunedParameterList.map(\.index),
        byteLimit: limit)
      return nil
    } catch TuningError.recordingTooLarge(let projected, _) {
      return projected
    }
  }

  @Test func projectionIsWithinAQuarterOfTheRecordingForEveryLimit() throws {
    let scene = try SceneFile.parse(Self.cloth, fileName: "estimate.yaml")
    let process = try #require(scene.simulation)
    let (_, _, recorded) = try process.reverseGradient(
      parameters: scene.parameterVector, tuned: scene.tunedParameterList.map(\.index))
    // Limits that are crossed at different checks, from the first to a late one.
    for fraction in [0.001, 0.01, 0.1, 0.5, 0.9] {
      let limit = Int(Double(recorded) * fraction)
      let projected = try #require(try projection(process, scene, limit: limit))
      let ratio = Double(projected) / Double(recorded)
      #expect(abs(ratio - 1) <= 0.25, "limit \(fraction) of the recording: projected \(ratio)×")
    }
    #expect(try projection(process, scene, limit: recorded + 1) == nil)
  }

  @Test func checkReportsTheStepsTaken() throws {
    let url = ExampleScenes.url("projectile")
    let scene = try SceneFile.load(url)
    let results = try SceneCheck(scene: scene).run()
    let taken = try #require(results[1].stepsTaken)
    // The ball lands near x = 8 after about 1.2 s of flight at dt = 0.01, long
    // before the 1000 planned steps; an independent plain run agrees.
    var driver = LossDriver<Double>()
    try #require(scene.simulation).start(&driver, parameters: scene.parameterVector)
    #expect(taken == driver.stepsTaken)
    #expect(taken > 50 && taken < 300, "took \(taken) steps")
  }
}
