import Tandem
import Testing

/// `--mode auto`: the cheaper mode by the stated cost model, forward mode
/// where reverse mode cannot serve, and errors when reverse is asked for there.
@Suite struct GradientModeChoiceTests {
  let b4 = (steps: 1000, snapshotBytes: 8 * (2 * 2 * 256 + 1))

  /// Levenberg–Marquardt needs the Jacobian: reverse mode sweeps once per
  /// residual, so it wins only for few residuals and many parameters.
  @Test func levenbergMarquardtWeighsResidualsAgainstParameters() throws {
    func choice(parameters: Int, residuals: Int?) throws -> GradientModeChoice {
      try GradientModeChoice.choose(
        .auto, parameterCount: parameters, steps: 400, snapshotBytes: 48, reverseStepCost: 100,
        memoryBytes: 256 << 20, method: .levenbergMarquardt, residualCount: residuals)
    }
    let fit = try choice(parameters: 2, residuals: 324)
    #expect(fit.mode == .forward)
    #expect(fit.reverseCost == 1 + 100 + 324 * 50)
    #expect(fit.reason.contains("swept back once from each of 324 residuals"))
    let target = try choice(parameters: 2000, residuals: 2)
    #expect(target.mode != .forward)
    #expect(target.reverseCost == 1 + 100 + 2 * 50)
    let training = try choice(parameters: 2000, residuals: nil)
    #expect(training.mode == .forward)
    #expect(training.reason.contains("not a sum of squared residuals"))
  }

  @Test func manyParametersGoReverseAndFewGoForward() throws {
    let many = try GradientModeChoice.choose(
      .auto, parameterCount: 932, steps: b4.steps, snapshotBytes: b4.snapshotBytes,
      reverseStepCost: 100, memoryBytes: 256 << 20)
    #expect(many.mode == .reverse(snapshots: 2002))
    let expectedForward: Double = 117 * (1 + 0.35 * 8)
    #expect(many.forwardCost == expectedForward)
    let expectedReverse: Double = 1 + 100
    #expect(many.reverseCost == expectedReverse)
    #expect(
      many.reason.hasPrefix(
        "932 tuned: forward ≈ 445 plain steps a step (117 runs of 8 tangents), reverse ≈ 101 (2002 snapshots of 8.0 KiB in 256.0 MiB, each step recomputed at most 0×)"
      ))
    let few = try GradientModeChoice.choose(
      .auto, parameterCount: 3, steps: b4.steps, snapshotBytes: b4.snapshotBytes,
      reverseStepCost: 100, memoryBytes: 256 << 20)
    #expect(few.mode == .forward)
    // Steps reversed by hand cost about two plain steps: reverse mode wins
    // from a few dozen parameters on, forward mode keeps three.
    for (count, reverse) in [(3, false), (20, true)] {
      let choice = try GradientModeChoice.choose(
        .auto, parameterCount: count, steps: b4.steps, snapshotBytes: b4.snapshotBytes,
        reverseStepCost: 2, memoryBytes: 256 << 20)
      #expect((choice.mode != .forward) == reverse, "\(count) parameters")
    }
    // Less memory: fewer snapshots, more recomputation, and the cost says so.
    let tight = try GradientModeChoice.choose(
      .reverse, parameterCount: 3, steps: 100_000, snapshotBytes: b4.snapshotBytes,
      reverseStepCost: 100, memoryBytes: 1 << 20)
    #expect(tight.snapshots == (1 << 20) / b4.snapshotBytes)
    let tightReverse: Double = 3 + 100
    #expect(tight.reverseCost == tightReverse)
  }

  @Test func forwardWhereReverseCannotServe() throws {
    for (method, horizon) in [(TuningMethod.newton, Horizon.full), (.adam, .greedy)] {
      let choice = try GradientModeChoice.choose(
        .auto, parameterCount: 932, steps: 1000, snapshotBytes: 8200, reverseStepCost: 100,
        memoryBytes: 256 << 20,
        method: method, horizon: horizon)
      #expect(choice.mode == .forward)
      #expect(choice.reason.hasSuffix("(forward mode)"))
      #expect(throws: TuningError.self) {
        try GradientModeChoice.choose(
          .reverse, parameterCount: 932, steps: 1000, snapshotBytes: 8200,
          reverseStepCost: 100, memoryBytes: 256 << 20, method: method, horizon: horizon)
      }
    }
    let noRoom = try GradientModeChoice.choose(
      .auto, parameterCount: 932, steps: 1000, snapshotBytes: 8200, reverseStepCost: 100,
      memoryBytes: 10_000)
    #expect(noRoom.mode == .forward)
    #expect(noRoom.reason.contains("raise --memory"))
  }

  /// Adam on reverse-mode gradients takes the same steps as on forward-mode ones.
  @Test func adamOnReverseGradientsFollowsForward() throws {
    let scene = try SceneFile.parse(
      VectorParameterGradientTests.scene(vectors: true), fileName: "v.yaml")
    let process = try #require(scene.simulation)
    var tuner = Tuner(
      process: process, initialValues: scene.parameterVector, tuned: scene.tunedParameterList,
      method: .adam, iterations: 3, rate: 0.01)
    let forward = try tuner.run()
    tuner.mode = .reverse(snapshots: 8)
    let reverse = try tuner.run()
    #expect(forward.count == reverse.count)
    for (f, r) in zip(forward, reverse) {
      #expect(abs(f.loss - r.loss) <= 1e-12 * abs(f.loss))
      for (a, b) in zip(f.parameters, r.parameters) {
        let tolerance: Double = 1e-9 * max(abs(a), 1)
        #expect(abs(a - b) <= tolerance)
      }
    }
  }
}
