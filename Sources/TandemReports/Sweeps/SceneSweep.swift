import Foundation
import TandemScene
import TandemTuning

/// A sweep of one scene file, as `tandem sweep` runs it: the plan of tasks,
/// and each task run from the file's text with the task's values set, as
/// `--set` would set them.
///
/// Every task reads the same text (held here, not read again) and depends
/// on nothing but its number, so a task gives the same result bit for bit
/// in one process, on several threads or in any shard of any split.
///
/// ```swift
/// let sweep = try SceneSweep(
///   text: try TextFile.read(url), file: url,
///   points: .grid([try SweepAxis(argument: "k=100:800:8")]))
/// let results = sweep.run(tasks: SweepShard.whole.tasks(of: sweep.plan.count), jobs: 2)
/// ```
public struct SceneSweep: Sendable {
  /// The scene file's text.
  public let text: String
  /// The file's name, for messages and the default scene name.
  public let fileName: String
  /// The folder relative paths in the scene are resolved against.
  public let directory: URL
  /// `--set` values under every task's own.
  public let settings: [String: Double]
  /// The limits every task's scene is read under.
  public let limits: SceneLimits
  /// The scene with `settings` applied.
  public let scene: SceneDescription
  /// The tasks.
  public let plan: SweepPlan
  /// A tune's outer iterations, overriding the scene's `tune.iterations`.
  public var iterations: Int?
  /// A tune's optimizer, overriding the scene's `tune.method`.
  public var method: TuningMethod?
  /// A tune's step size, overriding the scene's `tune.rate`.
  public var rate: Double?

  /// A sweep of `points` over the scene `text` from `file`, each task doing
  /// `kind` (by default the points' ``SweepPoints/defaultKind``).
  ///
  /// The ends of every axis are checked as `--set` values before any task
  /// runs, so a value outside a parameter's bounds is an error here, with
  /// the file and key, not a failed task later.
  ///
  /// - Throws: ``SceneError`` for the scene or an axis's end;
  ///   ``SweepError`` for the plan (see ``SweepPlan/init(scene:points:kind:)``)
  ///   or an entry both in `settings` and swept.
  public init(
    text: String, file: URL, settings: [String: Double] = [:], limits: SceneLimits = SceneLimits(),
    points: SweepPoints, kind: SweepTaskKind? = nil
  ) throws {
    self.text = text
    fileName = file.lastPathComponent
    directory = file.deletingLastPathComponent()
    (self.settings, self.limits) = (settings, limits)
    scene = try SceneFile.parse(
      text, fileName: fileName, directory: directory, setting: settings, limits: limits)
    plan = try SweepPlan(scene: scene, points: points, kind: kind)
    if let name = plan.entries.first(where: { settings[$0] != nil }) {
      throw SweepError.setAndSwept(name)
    }
    if case .grid(let axes) = plan.points {
      for axis in axes {
        for end in Set([axis.low, axis.high]) {
          _ = try SceneFile.parse(
            text, fileName: fileName, directory: directory,
            setting: settings.merging([axis.name: end]) { $1 }, limits: limits)
        }
      }
    }
    if plan.kind == .tune || plan.kind == .check, scene.tunedParameterList.isEmpty {
      throw TuningError.nothingToTune
    }
  }

  /// What `sweep.json` says about this sweep.
  public var manifest: SweepManifest {
    var tuning: [String: String] = [:]
    if plan.kind == .tune {
      if let iterations { tuning["iterations"] = String(iterations) }
      if let method { tuning["method"] = method.rawValue }
      if let rate { tuning["rate"] = String(rate) }
    }
    return SweepManifest(
      scene: scene.name, sceneDigest: SweepManifest.digest(of: text), settings: settings,
      task: plan.kind, points: plan.points, entries: plan.entries,
      tuned: scene.tunedParameterList.map(\.name), tasks: plan.count, tuning: tuning)
  }

  /// Runs `tasks` (numbers in the plan), `jobs` at a time, and returns
  /// their results in the order given; `finished` hears each as it ends.
  public func run(
    tasks: [Int], jobs: Int, finished: @escaping @Sendable (SweepResult) -> Void = { _ in }
  ) -> [SweepResult] {
    let sweep = self
    return ConcurrentResults.computing(
      tasks.count, jobs: jobs, { sweep.run(task: tasks[$0]) }, finished: finished)
  }

  /// Runs task `task`. A task that fails (a scene rule its values break, a
  /// run that blows up, a tune whose every step fails) is a result too,
  /// with its reason and no loss.
  public func run(task: Int) -> SweepResult {
    let clock = ContinuousClock.now
    let point = plan.assignments(of: task)
    var result: SweepResult
    do {
      let scene = try SceneFile.parse(
        text, fileName: fileName, directory: directory,
        setting: settings.merging(point) { $1 }, limits: limits)
      result = try run(task, on: scene)
    } catch {
      result = SweepResult(
        task: task, loss: nil, parameters: point, failure: "\(error)")
    }
    let elapsed = ContinuousClock.now - clock
    result.seconds =
      Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return result
  }

  func run(_ task: Int, on scene: SceneDescription) throws -> SweepResult {
    let values = scene.parameterVector
    switch plan.kind {
    case .run:
      let loss: Double
      switch scene.process {
      case .simulation(let simulation, _): loss = try simulation.loss(parameters: values)
      case .training(let training): loss = try training.loss(parameters: values)
      }
      return SweepResult(task: task, loss: loss, parameters: reported(values, of: scene))
    case .tune:
      var tuning = SceneTuning(scene: scene, sceneText: text, fileName: fileName)
      (tuning.iterations, tuning.method, tuning.rate) = (iterations, method, rate)
      let history = try tuning.run()
      let best = SceneTuning.best(of: history)
      return SweepResult(
        task: task, loss: best.loss, parameters: reported(best.parameters, of: scene),
        iterations: history.count - 1, stop: history.last?.stop?.name)
    case .check:
      let results = try SceneCheck(scene: scene).run()
      let verdict = CheckVerdict(results, tuned: scene.tunedParameterList)
      return SweepResult(
        task: task, loss: results[0].loss, parameters: reported(values, of: scene),
        check: verdict.passed ? "passed" : "failed")
    }
  }

  /// The swept and the tuned entries' values in `vector` (a vector
  /// parameter swept whole is reported by its first entry, which equals
  /// every other).
  func reported(_ vector: [Double], of scene: SceneDescription) -> [String: Double] {
    var index = Dictionary(
      zip(scene.parameters.map(\.name), scene.parameterOffsets), uniquingKeysWith: { a, _ in a })
    for (i, name) in scene.entryNames.enumerated() { index[name] = i }
    var values: [String: Double] = [:]
    for name in plan.entries + scene.tunedParameterList.map(\.name) {
      if let i = index[name] { values[name] = vector[i] }
    }
    return values
  }
}
