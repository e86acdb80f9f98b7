import Foundation
import Tandem
import TandemTestSupport
import Testing

/// Fitting a scene to recorded motion with Levenberg–Marquardt: recovery
/// from exact data (the engine's own, and a hand-written simulator's),
/// standard errors that hold up under noise, the k/m direction flagged,
/// bounds, and the errors for a loss that is not a sum of squares.
@Suite struct LevenbergMarquardtTests {
  /// Tunes `scene` as `tandem tune` does, returning the history and the
  /// statistics at the best point.
  func fit(_ scene: SceneDescription) throws -> ([TuningIteration], FitStatistics) {
    let tuning = SceneTuning(scene: scene, sceneText: "", fileName: "fit.yaml")
    let history = try tuning.run()
    let best = SceneTuning.best(of: history)
    return (history, try tuning.fitStatistics(at: best.parameters))
  }

  func value(_ name: String, _ scene: SceneDescription, _ iteration: TuningIteration) -> Double {
    iteration.parameters[scene.tunedParameterList.first { $0.name == name }!.index]
  }

  @Test func recoversStiffnessAndDampingFromTheEnginesOwnRecording() throws {
    let text = FitFixtures.oscillator(k: 25, c: 0.3)
    let csv = try FitFixtures.recording(text, setting: ["k": 40, "c": 0.8], every: 10)
    try FitFixtures.withScene(text, csv: csv) { scene in
      let (history, statistics) = try fit(scene)
      let best = SceneTuning.best(of: history)
      #expect(abs(value("k", scene, best) / 40 - 1) < 1e-6, "k = \(value("k", scene, best))")
      #expect(abs(value("c", scene, best) / 0.8 - 1) < 1e-6, "c = \(value("c", scene, best))")
      #expect(best.iteration <= 15, "\(best.iteration) iterations")
      #expect(best.loss < 1e-20)
      #expect(statistics.unidentifiable.isEmpty)
    }
  }

  @Test func recoversTheParametersOfAHandWrittenSimulator() throws {
    let text = FitFixtures.oscillator(k: 60, c: 0.2)
    let csv = FitFixtures.handSimulatedOscillator(k: 40, c: 0.8, m: 0.5, every: 10)
    try FitFixtures.withScene(text, csv: csv) { scene in
      let (history, _) = try fit(scene)
      let best = SceneTuning.best(of: history)
      #expect(abs(value("k", scene, best) / 40 - 1) < 1e-6, "k = \(value("k", scene, best))")
      #expect(abs(value("c", scene, best) / 0.8 - 1) < 1e-6, "c = \(value("c", scene, best))")
      #expect(best.iteration <= 15, "\(best.iteration) iterations")
    }
  }

  /// With 1% Gaussian noise the printed standard errors are honest: over
  /// ten seeds the true values lie within 2 of them (95% expected; at least
  /// 17 of the 20), the errors' z-scores have a root mean square near 1,
  /// and the estimates' spread across seeds matches the standard errors.
  @Test func standardErrorsCoverTheTrueValuesUnderNoise() throws {
    let text = FitFixtures.oscillator(k: 30, c: 0.5)
    let clean = try FitFixtures.recording(text, setting: ["k": 40, "c": 0.8], every: 10)
    var z: [Double] = []
    var estimates: [[Double]] = [[], []]
    var errors: [[Double]] = [[], []]
    for seed in 1...10 {
      let csv = FitFixtures.noisy(clean, fraction: 0.01, seed: UInt64(seed))
      try FitFixtures.withScene(text, csv: csv) { scene in
        let (history, statistics) = try fit(scene)
        let best = SceneTuning.best(of: history)
        for (j, (name, truth)) in [("k", 40.0), ("c", 0.8)].enumerated() {
          let se = try #require(statistics.standardErrors[j])
          let estimate = value(name, scene, best)
          z.append((estimate - truth) / se)
          estimates[j].append(estimate)
          errors[j].append(se)
        }
      }
    }
    let within = z.filter { abs($0) <= 2 }.count
    #expect(within >= 17, "z-scores \(z)")
    let rms = (z.reduce(0) { $0 + $1 * $1 } / Double(z.count)).squareRoot()
    #expect(rms > 0.5 && rms < 1.6, "RMS z-score \(rms)")
    for j in 0..<2 {
      let mean = estimates[j].reduce(0, +) / 10
      let spread = (estimates[j].reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / 9).squareRoot()
      let typical = errors[j].reduce(0, +) / 10
      #expect(spread / typical > 0.5 && spread / typical < 2, "spread \(spread), SE \(typical)")
    }
  }

  /// Without a dashpot and under gravity alone, a spring's stiffness k and
  /// the mass m it moves enter the motion only as k/m: fitting both is
  /// flagged, with the direction ∝ (k, m), and neither gets an error. With
  /// a dashpot of fixed strength c, c/m fixes m, and nothing is flagged.
  @Test func stiffnessAndMassTogetherAreFlaggedAsUnidentifiable() throws {
    let text = FitFixtures.oscillator(k: 30, m: 0.6, tuned: ["k", "m"], damping: false)
    let csv = try FitFixtures.recording(text, setting: ["k": 40, "m": 0.5], every: 10)
    try FitFixtures.withScene(text, csv: csv) { scene in
      let (history, statistics) = try fit(scene)
      let best = SceneTuning.best(of: history)
      #expect(abs(value("k", scene, best) / value("m", scene, best) / 80 - 1) < 1e-6)
      try #require(statistics.unidentifiable.count == 1)
      let direction = statistics.unidentifiable[0]
      let names = scene.tunedParameterList.map(\.name)
      #expect(Set(direction.involved.map { names[$0] }) == ["k", "m"])
      // δk/k = δm/m: raising both by the same factor changes nothing.
      let (a, b) = (direction.relativeChange[0], direction.relativeChange[1])
      #expect(abs(abs(a) - 0.5.squareRoot()) < 1e-4 && abs(a - b) < 1e-4, "\(a), \(b)")
      #expect(statistics.standardErrors.allSatisfy { $0 == nil })
      let lines = FitReport.lines(
        statistics, tuned: scene.tunedParameterList,
        values: scene.tunedParameterList.map { best.parameters[$0.index] })
      #expect(
        lines.contains {
          $0.hasPrefix("not identifiable: `k`, `m` cannot be told apart")
            || $0.hasPrefix("not identifiable: `m`, `k` cannot be told apart")
        }, "\(lines)")
    }
    let damped = FitFixtures.oscillator(k: 30, m: 0.6, tuned: ["k", "m"])
    let dampedCSV = try FitFixtures.recording(damped, setting: ["k": 40, "m": 0.5], every: 10)
    try FitFixtures.withScene(damped, csv: dampedCSV) { scene in
      let (history, statistics) = try fit(scene)
      #expect(statistics.unidentifiable.isEmpty)
      let best = SceneTuning.best(of: history)
      #expect(abs(value("m", scene, best) / 0.5 - 1) < 1e-6)
    }
  }

  /// A bound below the true value holds the parameter there, and the rest
  /// is fitted as well as it can be.
  @Test func respectsBounds() throws {
    let free = FitFixtures.oscillator(k: 30, c: 0.3)
    let text = free.replacingOccurrences(
      of: "c: { value: 0.3, tune: true, min: 1.0e-6, scale: log }",
      with: "c: { value: 0.3, tune: true, min: 1.0e-6, max: 0.6, scale: log }")
    #expect(text != free)
    let csv = try FitFixtures.recording(free, setting: ["k": 40, "c": 0.8], every: 10)
    try FitFixtures.withScene(text, csv: csv) { scene in
      let (history, _) = try fit(scene)
      let best = SceneTuning.best(of: history)
      #expect(value("c", scene, best) == 0.6)
      guard case .convergedAtBound(let bounded, _, _, _) = history.last?.stop else {
        Issue.record("stopped: \(String(describing: history.last?.stop))")
        return
      }
      #expect(bounded == ["c"])
    }
  }

  /// The reverse route's Jacobian (the whole trajectory swept back once per
  /// residual) drives the same fit as forward mode's.
  @Test func reverseJacobianFitsAsForwardDoes() throws {
    let text = FitFixtures.oscillator(k: 25, c: 0.3, steps: 100)
    let csv = FitFixtures.handSimulatedOscillator(k: 40, c: 0.8, m: 0.5, every: 10)
      .split(separator: "\n").prefix(12).joined(separator: "\n")
    try FitFixtures.withScene(text, csv: csv) { scene in
      let process = try #require(scene.simulation)
      var tuner = Tuner(
        process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
        method: .levenbergMarquardt, iterations: 4, rate: 0)
      let forward = try tuner.run()
      tuner.mode = .reverse(snapshots: 2)
      let reverse = try tuner.run()
      #expect(forward.count == reverse.count && forward.count == 5)
      for (f, r) in zip(forward, reverse) {
        #expect(agree(f.loss, r.loss, relative: 1e-9))
        for (a, b) in zip(f.parameters, r.parameters) { #expect(agree(a, b, relative: 1e-9)) }
      }
    }
  }

  @Test func refusesALossThatIsNotASumOfSquares() throws {
    let text = FitFixtures.oscillator().replacingOccurrences(
      of: "  - observations: { data: observed.csv }",
      with:
        "  - observations: { data: observed.csv }\n  - { kinetic-energy: { particles: bob }, weight: -1 }"
    )
    let csv = FitFixtures.handSimulatedOscillator(k: 40, c: 0.8, m: 0.5, every: 10)
    try FitFixtures.withScene(text, csv: csv) { scene in
      #expect(throws: TuningError.notLeastSquares) { try fit(scene) }
    }
    let training = try SceneFile.parse(
      """
      kind: training
      parameters: { rate: { value: 0.02, tune: true, min: 1.0e-4, max: 0.19, scale: log } }
      problem: { quadratic: { diagonal: [1, 10], start: [1, 1] } }
      optimizer: { method: sgd, rate: $rate }
      training: { steps: 10 }
      objective: function-value
      tune: { method: levenberg-marquardt }
      """)
    #expect(throws: TuningError.notLeastSquares) {
      try SceneTuning(scene: training, sceneText: "", fileName: "q.yaml").run()
    }
  }
}
