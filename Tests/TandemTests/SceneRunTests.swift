import Foundation
import Tandem
import Testing

/// `SceneRun`: a program runs a scene once, as `tandem run` does.
@Suite struct SceneRunTests {
  @Test func simulatesAndWritesOneFramePerSample() throws {
    var run = SceneRun(scene: try ExampleScenes.load("projectile"))
    #expect(run.resolvedEvery == run.scene.render.every)
    run.every = 25
    run.size = PixelSize(width: 64, height: 48)
    #expect(run.resolvedEvery == 25)
    let simulated = try run.simulate()
    // The ball lands (the stop event), and samples are every 25 steps plus the end.
    #expect(simulated.trajectory.stoppedEarly)
    let steps = simulated.trajectory.steps
    #expect(simulated.trajectory.samples.count == steps / 25 + (steps % 25 == 0 ? 1 : 2))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-scene-run-\(UUID().uuidString)")
    let frames = try run.writeFrames(simulated, to: folder)
    #expect(frames == simulated.trajectory.samples.count)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.filter { $0.hasPrefix("frame-") && $0.hasSuffix(".png") }.count == frames)
  }

  @Test func withoutFramesOnlyTheStartAndTheEndAreKept() throws {
    var run = SceneRun(scene: try ExampleScenes.load("rope"))
    run.every = 1
    run.writesFrames = false
    let simulated = try run.simulate()
    // Memory stays flat however long the run: before, every sample was kept.
    #expect(simulated.trajectory.samples.map(\.step) == [0, simulated.trajectory.steps])
  }

  @Test func tooManyFramesAreRefusedBeforeTheFirstStep() throws {
    var limits = SceneLimits()
    limits.frames = 100
    var run = SceneRun(
      scene: try SceneFile.load(ExampleScenes.url("rope"), limits: limits))
    run.every = 1
    var steps = 0
    #expect {
      try run.simulate { steps = $0 }
    } throws: { error in
      "\(error)".hasPrefix(
        "rope.yaml: 6,002 frames exceed the limit of 100 (write fewer with `--every K`")
    }
    #expect(steps == 0)
    run.every = 100
    #expect(throws: Never.self) { try run.simulate() }
  }

  /// Frames × particles bound the memory a render keeps (the samples of a
  /// long run of a big grid were kept without limit): checked before the
  /// first step of a run, and before the first iteration of a tune, whose
  /// overlay keeps six runs at once.
  @Test func tooManySamplesAreRefusedBeforeAnyWork() throws {
    var limits = SceneLimits()
    limits.samples = 10_000
    let url = ExampleScenes.url("cloth")
    let scene = try SceneFile.load(url, limits: limits)
    let particles = try #require(scene.simulation).system.particles.count
    var run = SceneRun(scene: scene)
    run.every = 10
    var steps = 0
    #expect {
      try run.simulate { steps = $0 }
    } throws: { error in
      "\(error)".hasPrefix("cloth.yaml: ") && "\(error)".contains("particle positions kept")
        && "\(error)".contains("--limit samples=N")
    }
    #expect(steps == 0)
    run.writesFrames = false  // only the start and the end are kept
    #expect(throws: Never.self) { try run.simulate() }

    var tuning = try SceneTuning(file: url, limits: limits)
    tuning.iterations = 1
    var iterations = 0
    #expect {
      try tuning.run { _ in iterations += 1 }
    } throws: { error in
      "\(error)".contains("× 6 runs") && "\(error)".contains("exceed the limit of 10,000")
    }
    #expect(iterations == 0)
    #expect(particles * (1500 / 10 + 2) > 10_000)
  }

  @Test func trainsAndPlotsTheLoss() throws {
    let run = SceneRun(scene: try ExampleScenes.load("quadratic"))
    let curve = try run.train()
    #expect(curve.isQuadratic)
    #expect(curve.objective < curve.trainingLoss[0])
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-scene-run-\(UUID().uuidString)")
    // A tune's loss.png in the folder is a different plot, and stays.
    try FrameSequence.createDirectory(at: folder)
    let tuneLoss = folder.appendingPathComponent("loss.png")
    try Data("tune's".utf8).write(to: tuneLoss)
    try run.writeLossPlot(curve, to: folder)
    #expect(
      FileManager.default.fileExists(
        atPath: folder.appendingPathComponent("training-loss.png").path))
    #expect(try Data(contentsOf: tuneLoss) == Data("tune's".utf8))
  }
}

/// `tandem run --record`: the CSV an `observations:` term reads back.
@Suite struct MotionRecordingTests {
  @Test func recordsEveryKthStepAndReadsBackExactly() throws {
    let text = FitFixtures.oscillator()
    let csv = try FitFixtures.recording(text, setting: [:], every: 10, velocities: true)
    let lines = csv.split(separator: "\n")
    #expect(lines.first == "t,particle,x,y,vx,vy")
    // Both particles, the initial state and every 10th of 400 steps.
    #expect(lines.count == 1 + 2 * 41)
    #expect(lines[1].hasPrefix("0,anchor,0,0,0,0"))
    #expect(lines[3].hasPrefix("0.10000000000000001,anchor,"))
    // Fitted by the scene that made it, the residuals vanish.
    try FitFixtures.withScene(text, csv: csv) { scene in
      let process = try #require(scene.simulation)
      #expect(process.observations[0].data.hasVelocities)
      let loss = try process.loss(parameters: scene.parameterVector)
      #expect(loss < 1e-28, "loss \(loss)")
    }
  }

  @Test func quotesIDsWithCommasAndWritesThreeDimensions() throws {
    let scene = try SceneFile.parse(
      """
      grids:
        - { id: net, rows: 2, columns: 1, origin: [0, 0, 0], spacing: 0.1, stiffness: 10 }
      simulation: { dt: 0.01, steps: 3 }
      """)
    let folder = try FitFixtures.folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var run = SceneRun(scene: scene)
    run.writesFrames = false
    let file = folder.appendingPathComponent("net.csv")
    run.recording = (file, MotionRecording(every: 2))
    _ = try run.simulate()
    let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
    #expect(lines.first == "t,particle,x,y,z")
    #expect(lines.count == 1 + 2 * 2)  // steps 0 and 2
    #expect(lines[1].hasPrefix("0,\"net[0,0]\","))
  }
}
