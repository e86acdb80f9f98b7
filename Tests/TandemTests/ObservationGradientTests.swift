import Foundation
import Tandem
import TandemTestSupport
import Testing

/// The observation term's derivatives and the residuals' Jacobian, checked
/// three ways: forward mode, reverse mode (checkpointed, and through the
/// whole trajectory) and central differences — with rows between steps
/// (interpolated), velocities observed, a tuned step size (which moves the
/// steps' times under the rows'), and a damping tuned from exactly 0.
@Suite struct ObservationGradientTests {
  /// A chain of two bobs in `dimension` dimensions whose every number is a
  /// parameter, observed by `observed.csv`.
  static func scene(dimension: Int) -> String {
    func v(_ x: String, _ y: String, _ z: String = "0.1") -> String {
      dimension == 3 ? "[\(x), \(y), \(z)]" : "[\(x), \(y)]"
    }
    return """
      parameters:
        k: { value: 40, tune: true, min: 1 }
        c: { value: 0, tune: true, min: 0 }
        m: { value: 0.5, tune: true, min: 0.1 }
        dt: { value: 0.01, tune: true, min: 0.001 }
        vx: { value: 0.3, tune: true }
        w: { value: 2, tune: true, min: 0 }
      world: { gravity: \(v("0", "-9.81", "0")), drag: 0.05 }
      particles:
        - { id: anchor, position: \(v("0", "0", "0")), pinned: true }
        - { id: a, position: \(v("0.6", "-0.1")), velocity: \(v("$vx", "0", "0")), mass: $m }
        - { id: b, position: \(v("1.1", "-0.3", "-0.1")), mass: 0.3 }
      springs:
        - { between: [anchor, a], stiffness: $k, damping: $c, rest: 0.5 }
        - { between: [a, b], stiffness: 25, damping: 0.1 }
      simulation: { integrator: semi-implicit-euler, dt: $dt, steps: 120 }
      objective:
        - observations: { data: observed.csv, weight: $w }
        - { coordinate: { particles: b, axis: y, target: -0.8 }, weight: 0.3 }
      """
  }

  /// Central differences (five points) of `f` at `x`, with steps relative
  /// to each value (1e-4 of it, at least 1e-6): dt is 0.01, and the fixed
  /// absolute step of the other tests would move the run's end past rows.
  static func centralDifferences(at x: [Double], _ f: ([Double]) -> [Double]) -> [[Double]] {
    let columns = x.indices.map { j -> [Double] in
      let h = 1e-4 * max(abs(x[j]), 0.01)
      func at(_ d: Double) -> [Double] {
        var moved = x
        moved[j] += d
        return f(moved)
      }
      let (p1, m1, p2, m2) = (at(h), at(-h), at(2 * h), at(-2 * h))
      return p1.indices.map { (8 * (p1[$0] - m1[$0]) - (p2[$0] - m2[$0])) / (12 * h) }
    }
    return (0..<(columns.first?.count ?? 0)).map { i in columns.map { $0[i] } }
  }

  /// Rows at times between the steps (never on one: there the derivative
  /// with respect to dt is one-sided), for both bobs, positions and velocities.
  static func observations(dimension: Int) -> String {
    let axes = dimension == 3 ? ["x", "y", "z"] : ["x", "y"]
    var lines = ["particle,t," + (axes + axes.map { "v" + $0 }).joined(separator: ",")]
    var generator = SplitMix64(seed: 7)
    for (n, t) in [0.0, 0.037, 0.1032, 0.2549, 0.5117, 0.733, 1.0061, 1.1874].enumerated() {
      for particle in ["a", "b"] where !(particle == "b" && n % 3 == 1) {
        let numbers = (0..<(2 * dimension)).map { _ in String(generator.uniform(-1...1)) }
        lines.append("\(particle),\(t)," + numbers.joined(separator: ","))
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  @Test(arguments: [2, 3]) func gradientAgreesThreeWays(dimension: Int) throws {
    try FitFixtures.withScene(
      Self.scene(dimension: dimension), csv: Self.observations(dimension: dimension)
    ) {
      scene in
      let process = try #require(scene.simulation)
      #expect(!process.stepsReverseByHand)  // observations are recorded, not reversed by hand
      let parameters = scene.parameterVector
      let tuned = scene.tunedParameterList.map(\.index)
      let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: tuned)
      let (tapeLoss, tape, _) = try process.reverseGradient(parameters: parameters, tuned: tuned)
      let checkpointed = try process.checkpointedReverseGradient(
        parameters: parameters, tuned: tuned, snapshots: 4)
      #expect(checkpointed.statistics.recomputedSteps > 0)
      let difference = Self.centralDifferences(at: tuned.map { parameters[$0] }) { values in
        var moved = parameters
        for (i, index) in tuned.enumerated() { moved[index] = values[i] }
        return [try! process.loss(parameters: moved)]
      }[0]
      #expect(agree(tapeLoss, loss, relative: 1e-12))
      #expect(agree(checkpointed.loss, loss, relative: 1e-12))
      for (j, name) in scene.tunedParameterList.map(\.name).enumerated() {
        #expect(
          agree(tape[j], forward[j], relative: 1e-10),
          "\(name): tape \(tape[j]), forward \(forward[j])")
        #expect(
          agree(checkpointed.gradient[j], forward[j], relative: 1e-10),
          "\(name): checkpointed \(checkpointed.gradient[j]), forward \(forward[j])")
        #expect(
          agree(difference[j], forward[j], relative: 1e-6, floor: 1e-2),
          "\(name): central differences \(difference[j]), forward \(forward[j])")
      }
      // The damping starts at exactly 0 and still has its derivative.
      #expect(abs(forward[1]) > 1e-6)
    }
  }

  @Test(arguments: [2, 3]) func jacobianAgreesThreeWays(dimension: Int) throws {
    try FitFixtures.withScene(
      Self.scene(dimension: dimension), csv: Self.observations(dimension: dimension)
    ) {
      scene in
      let process = try #require(scene.simulation)
      let parameters = scene.parameterVector
      let tuned = scene.tunedParameterList.map(\.index)
      let forward = try process.residualJacobian(parameters: parameters, tuned: tuned)
      let reverse = try process.reverseResidualJacobian(parameters: parameters, tuned: tuned)
      let rows = process.observations[0].data.residualCount + 1
      #expect(forward.residuals.count == rows && process.residualCount == rows)
      // The loss is the sum of the residuals' squares.
      #expect(agree(forward.loss, try process.loss(parameters: parameters), relative: 1e-12))
      let difference = Self.centralDifferences(at: tuned.map { parameters[$0] }) { values in
        var moved = parameters
        for (i, index) in tuned.enumerated() { moved[index] = values[i] }
        return try! FitFixtures.residuals(process, moved)
      }
      let n = tuned.count
      for j in 0..<n {
        let column = (0..<rows).map { forward.jacobian[$0 * n + j] }
        let size = column.map(abs).max() ?? 0
        #expect(size > 0)
        for i in 0..<rows {
          let f = forward.jacobian[i * n + j]
          #expect(abs(reverse.jacobian[i * n + j] - f) <= 1e-10 * size, "row \(i), column \(j)")
          #expect(
            abs(difference[i][j] - f) <= 1e-7 * size,
            "row \(i), column \(j): \(difference[i][j]) vs \(f)")
        }
      }
    }
  }

  /// More parameters than one run's tangents: the chunks' columns are
  /// assembled in order (checked against reverse mode, which has no chunks).
  @Test func jacobianOfManyParametersIsAssembledFromChunks() throws {
    let text = """
      parameters:
        k: { value: 200, count: 11, tune: true, min: 1 }
      world: { gravity: [0, -9.81] }
      chains:
        - { id: rope, from: [0, 0], to: [1.1, 0], segments: 11, mass: 0.05, stiffness: $k, pinned: [0] }
      particles:
        - { id: post, position: [0, 1], pinned: true }
      simulation: { integrator: semi-implicit-euler, dt: 0.002, steps: 100 }
      objective:
        - observations: { data: observed.csv, particles: rope }
      """
    var lines = ["t,particle,x,y"]
    for t in [0.05, 0.1, 0.15, 0.2] {
      for i in [3, 5, 8, 11] { lines.append("\(t),\"rope[\(i)]\",\(Double(i) * 0.1),\(-t)") }
      lines.append("\(t),post,0,1")
    }
    try FitFixtures.withScene(text, csv: lines.joined(separator: "\n")) { scene in
      let process = try #require(scene.simulation)
      // The post is not selected: its rows are skipped.
      #expect(process.observations[0].data.count == 16)
      let parameters = scene.parameterVector
      let tuned = scene.tunedParameterList.map(\.index)
      #expect(tuned.count == 11)
      let forward = try process.residualJacobian(parameters: parameters, tuned: tuned)
      let reverse = try process.reverseResidualJacobian(parameters: parameters, tuned: tuned)
      let size = forward.jacobian.map(abs).max() ?? 0
      #expect(size > 0)
      for (f, r) in zip(forward.jacobian, reverse.jacobian) { #expect(abs(f - r) <= 1e-10 * size) }
    }
  }

  /// The online and greedy horizons read the running sum too: over one
  /// step the greedy horizon's derivative is the full one (nothing before
  /// the step depends on k or c), and updates during runs lower the loss.
  @Test func everyHorizonReadsTheRunningSum() throws {
    let csv = FitFixtures.handSimulatedOscillator(k: 40, c: 0.8, m: 0.5, every: 10)
    let one = FitFixtures.oscillator(k: 25, c: 0.3, steps: 1)
    try FitFixtures.withScene(one, csv: "t,particle,x,y\n0.004,bob,0.9,-0.21\n0.01,bob,0.89,-0.2\n")
    {
      scene in
      let process = try #require(scene.simulation)
      let tuned = scene.tunedParameterList.map(\.index)
      let full = try process.lossWithGradient(parameters: scene.parameterVector, tuned: tuned)
      let greedy = try process.lossWithGradient(
        parameters: scene.parameterVector, tuned: tuned, horizon: .greedy)
      #expect(full.loss == greedy.loss)
      for (f, g) in zip(full.gradient, greedy.gradient) { #expect(agree(f, g, relative: 1e-12)) }
      // k acts in the first step; the dashpot not yet (the bob starts at rest).
      #expect(full.gradient[0] != 0 && full.gradient[1] == 0)
    }
    let text = FitFixtures.oscillator(k: 25, c: 0.3)
    try FitFixtures.withScene(text, csv: csv) { scene in
      for horizon in [Horizon.online(every: 100), .greedy] {
        var tuning = SceneTuning(scene: scene, sceneText: "", fileName: "fit.yaml")
        (tuning.method, tuning.rate, tuning.iterations, tuning.horizon) = (.adam, 0.05, 4, horizon)
        let history = try tuning.run()
        #expect(SceneTuning.best(of: history).loss < history[0].loss, "\(horizon)")
      }
    }
  }
}
