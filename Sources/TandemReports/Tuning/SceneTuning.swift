import Foundation
import TandemFiles
import TandemPhysics
import TandemProcess
import TandemRender
import TandemScene
import TandemTraining
import TandemTuning

/// Tunes a scene exactly as `tandem tune` does, and writes what it writes:
/// the settings that apply (an override, else the scene's `tune:` block,
/// else the built-in default), the tuner run, `tuned.yaml`, the plots, and
/// the overlay and frames (physics) or the loss curves (training).
///
/// ```swift
/// let scene = try SceneFile.load(url)
/// var tuning = try SceneTuning(file: url)
/// tuning.iterations = 10
/// let history = try tuning.run()
/// try tuning.write(history, to: URL(fileURLWithPath: "output/\(scene.name)"))
/// ```
public struct SceneTuning {
  /// The scene, with any `--set` values already applied.
  public let scene: SceneDescription
  /// The scene file's text, which `tuned.yaml` is written from.
  public var sceneText: String
  /// The scene file's path as the user gave it (for errors and relative data paths).
  public var fileName: String
  /// Values given with `--set`: written into `tuned.yaml` when not tuned.
  public var assignments: [String: Double]
  /// Outer iterations, overriding the scene's `tune.iterations`.
  public var iterations: Int?
  /// The outer optimizer, overriding the scene's `tune.method`.
  public var method: TuningMethod?
  /// The outer step size, overriding the scene's `tune.rate`.
  public var rate: Double?
  /// The horizon, overriding the scene's `tune.horizon`.
  public var horizon: Horizon?
  /// The relative gradient tolerance, overriding the scene's `tune.gradient-tolerance`.
  public var gradientTolerance: Double?
  /// The relative step tolerance, overriding the scene's `tune.step-tolerance`.
  public var stepTolerance: Double?
  /// How the hypergradient is computed, overriding the scene's `tune.mode`.
  public var mode: GradientModeRequest?
  /// The bytes checkpointed reverse mode may keep in snapshots.
  public var memoryBytes = 256 << 20
  /// Whether ``write(_:to:)`` draws the frames of the final run (physics).
  public var writesFrames = true
  /// How many starts ``runStarts(finished:)`` tunes from (see
  /// ``Tuner/startingPoints(count:seed:)``).
  public var starts = 1
  /// The seed the starts are drawn with.
  public var seed: UInt64 = 0
  /// How many starts run at once, each on its own thread.
  public var jobs = ProcessInfo.processInfo.activeProcessorCount

  /// Tuning of `scene`, read from `sceneText` (the file `fileName`), with the
  /// `--set` values `assignments` already applied to `scene`.
  public init(
    scene: SceneDescription, sceneText: String, fileName: String,
    assignments: [String: Double] = [:]
  ) {
    self.scene = scene
    self.sceneText = sceneText
    self.fileName = fileName
    self.assignments = assignments
  }

  /// Tuning of the scene in the file at `file`, read once, with the
  /// `--set` values `assignments` applied.
  public init(
    file: URL, assignments: [String: Double] = [:], limits: SceneLimits = SceneLimits()
  ) throws {
    let text = try SceneFile.text(of: file)
    let scene = try SceneFile.parse(
      text, fileName: file.lastPathComponent, directory: file.deletingLastPathComponent(),
      setting: assignments, limits: limits)
    self.init(scene: scene, sceneText: text, fileName: file.path, assignments: assignments)
  }

  // MARK: Which setting wins

  /// The outer optimizer: ``method``, else the scene's, else Adam.
  public var resolvedMethod: TuningMethod { method ?? scene.tune?.method ?? .adam }

  /// The outer step size: ``rate``, else the scene's (unless ``method``
  /// overrides the scene's method, whose rate may not suit another), else 0.05.
  public var resolvedRate: Double { rate ?? (method == nil ? scene.tune?.rate : nil) ?? 0.05 }

  /// Outer iterations: ``iterations``, else the scene's, else 30.
  public var resolvedIterations: Int { iterations ?? scene.tune?.iterations ?? 30 }

  /// The horizon: ``horizon``, else the scene's, else full.
  public var resolvedHorizon: Horizon { horizon ?? scene.tune?.horizon ?? .full }

  /// The parameters tuned.
  public var tuned: [TunedParameter] { scene.tunedParameterList }

  /// The gradient mode: ``mode``, else the scene's, else `auto`, resolved
  /// by its estimated cost (see ``SceneDescription/gradientModeChoice(_:method:horizon:memoryBytes:)``).
  public func modeChoice() throws -> GradientModeChoice {
    try scene.gradientModeChoice(
      mode, method: resolvedMethod, horizon: resolvedHorizon, memoryBytes: memoryBytes)
  }

  // MARK: Running

  /// Runs the tuner with the resolved settings; `progress` sees the starting
  /// point and every accepted iteration. Returns the history, start first.
  public func run(progress: (TuningIteration) -> Void = { _ in }) throws -> [TuningIteration] {
    switch scene.process {
    case .training(let training): return try tuner(for: training).run(progress: progress)
    case .simulation(let simulation, _):
      try checkOverlayLimits(simulation)  // before the work, not after it
      return try tuner(for: simulation).run(progress: progress)
    }
  }

  /// Tunes from ``starts`` starting points, ``jobs`` at a time, as
  /// `tandem tune --starts N` does: the scene's own values first, then
  /// points drawn in the bounds with ``seed``. `finished` hears each start
  /// as it ends, one at a time. The results do not depend on ``jobs``.
  public func runStarts(finished: @escaping @Sendable (TuningStart) -> Void = { _ in }) throws
    -> [TuningStart]
  {
    switch scene.process {
    case .training(let training):
      let tuner = try tuner(for: training)
      return tuner.run(
        from: tuner.startingPoints(count: starts, seed: seed), jobs: jobs, finished: finished)
    case .simulation(let simulation, _):
      try checkOverlayLimits(simulation)
      let tuner = try tuner(for: simulation)
      return tuner.run(
        from: tuner.startingPoints(count: starts, seed: seed), jobs: jobs, finished: finished)
    }
  }

  /// The start whose best loss is lowest (the first of equals), if any ran.
  public static func best(of starts: [TuningStart]) -> TuningStart? {
    starts.filter { !$0.history.isEmpty }.min {
      ($0.best!.loss, $0.number) < ($1.best!.loss, $1.number)
    }
  }

  func tuner<Process: SteppedProcess>(for process: Process) throws -> Tuner<Process> {
    var tuner = Tuner(
      process: process, initialValues: scene.parameterVector, tuned: tuned,
      method: resolvedMethod, iterations: resolvedIterations, rate: resolvedRate)
    tuner.horizon = resolvedHorizon
    tuner.mode = try modeChoice().mode
    tuner.recordingLimit = memoryBytes
    if let tolerance = gradientTolerance ?? scene.tune?.gradientTolerance {
      tuner.gradientTolerance = tolerance
    }
    if let tolerance = stepTolerance ?? scene.tune?.stepTolerance {
      tuner.stepTolerance = tolerance
    }
    return tuner
  }

  /// What the fit says about its parameters at `values` (a least-squares
  /// loss; see ``FitStatistics``): one more run, for the residuals' Jacobian.
  public func fitStatistics(at values: [Double]) throws -> FitStatistics {
    let point: ResidualJacobian
    switch scene.process {
    case .training(let training): point = try tuner(for: training).residualJacobian(at: values)
    case .simulation(let simulation, _):
      point = try tuner(for: simulation).residualJacobian(at: values)
    }
    return FitStatistics(point: point, values: tuned.map { values[$0.index] })
  }

  /// The iteration with the lowest loss.
  public static func best(of history: [TuningIteration]) -> TuningIteration {
    history.min { $0.loss < $1.loss }!
  }

  // MARK: Writing

  /// `tuned.yaml`'s text: the scene file with the best tuned values (and
  /// the `--set` values) written in, and a relative CSV path rewritten so it
  /// names the same file from `folder`.
  public func tunedSceneText(_ history: [TuningIteration], in folder: URL) throws -> String {
    let best = Self.best(of: history)
    let text = try SceneFile.rewritingDataPath(in: sceneText, of: scene, movingTo: folder)
    var values: [String: Double] = [:]
    for p in tuned { values[p.name] = best.parameters[p.index] }
    for (name, value) in assignments where values[name] == nil { values[name] = value }
    return try SceneFile.rewritingParameters(in: text, with: values, fileName: fileName)
  }

  /// The file the best values go to when the scene's text cannot be edited in place.
  public static let valuesFileName = "tuned-values.yaml"

  /// The best values as a YAML mapping, with a comment saying why they are
  /// not written into the scene (`error`).
  public func tunedValuesText(_ history: [TuningIteration], because error: SceneError) -> String {
    let best = Self.best(of: history)
    var lines = [
      "# \(fileName) could not be edited in place (\(error.message)),",
      "# so the best values found (loss \(best.loss), iteration \(best.iteration)) are here:",
      "# copy them under its `parameters:`.",
    ]
    for group in tuned.groups {
      lines.append("\(group.name): \(ParameterText.yamlValue(group, in: best.parameters))")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes `tuned.yaml` (or, when the scene's text cannot be edited in place,
  /// ``valuesFileName``), `loss.png`, `parameters.png`, then for a physics
  /// scene `fit.png` and `residuals.png` when it observes recorded motion
  /// (see ``FitPlots``) and `overlay.png` with the final run's frames, or
  /// for a training scene `curves.png`, into `folder`, and returns the names
  /// written, in that order.
  @discardableResult
  public func write(_ history: [TuningIteration], to folder: URL) throws -> [String] {
    try FrameSequence.createDirectory(at: folder)
    var written: [String]
    do {
      try AtomicFile.write(
        Data(tunedSceneText(history, in: folder).utf8),
        to: folder.appendingPathComponent("tuned.yaml"))
      written = ["tuned.yaml"]
    } catch let error as SceneError {
      // The scene's text cannot be edited in place (an anchor or alias on a
      // value): the values are not lost, they go to a file of their own.
      try AtomicFile.write(
        Data(tunedValuesText(history, because: error).utf8),
        to: folder.appendingPathComponent(Self.valuesFileName))
      written = [Self.valuesFileName]
    }
    let size = PixelSize(width: 900, height: 600)
    try TuningPlots.loss(history, title: scene.name).render(size: size).writePNG(
      to: folder.appendingPathComponent("loss.png"))
    try TuningPlots.parameters(history, tuned: tuned, title: scene.name).render(size: size)
      .writePNG(to: folder.appendingPathComponent("parameters.png"))
    written += ["loss.png", "parameters.png"]
    switch scene.process {
    case .training(let training):
      try writeCurves(history, training: training, to: folder)
      written.append("curves.png")
    case .simulation(let simulation, let layout):
      if !simulation.observations.isEmpty {
        let run = try FitPlots.fittedRun(simulation, parameters: Self.best(of: history).parameters)
        try FitPlots.motion(run, ids: layout.ids, title: scene.name).render(size: size)
          .writePNG(to: folder.appendingPathComponent("fit.png"))
        try FitPlots.residuals(run, title: scene.name).render(size: size)
          .writePNG(to: folder.appendingPathComponent("residuals.png"))
        written += ["fit.png", "residuals.png"]
      }
      try writeOverlay(history, simulation: simulation, to: folder)
      written.append("overlay.png")
      if writesFrames { written.append("frames") }
    }
    return written
  }
}

extension SceneDescription {
  /// The gradient mode `tandem tune` and `tandem check` use for this scene:
  /// `request`, else the scene's `tune: { mode }`, else `auto`, resolved by
  /// the estimated cost for the tuning's method and horizon (`method` and
  /// `horizon`, else the scene's, else Adam and the full horizon); see
  /// ``GradientModeChoice``. The one place the choice is made.
  public func gradientModeChoice(
    _ request: GradientModeRequest?, method: TuningMethod? = nil, horizon: Horizon? = nil,
    memoryBytes: Int
  ) throws -> GradientModeChoice {
    try GradientModeChoice.choose(
      request ?? tune?.mode ?? .auto, parameterCount: tunedParameterList.count,
      steps: process.stepCount, snapshotBytes: process.snapshotBytes,
      reverseStepCost: process.reverseStepCost, memoryBytes: memoryBytes,
      method: method ?? tune?.method ?? .adam, horizon: horizon ?? tune?.horizon ?? .full,
      residualCount: process.residualCount)
  }
}
