import Foundation
import TandemFiles
import TandemPhysics
import TandemTraining

/// A scene file, read and checked: the engine's description of what to run,
/// the parameters its quantities refer to, and the tuning and render settings.
///
/// Get one from ``SceneFile/load(_:setting:)`` or
/// ``SceneFile/parse(_:fileName:directory:setting:)``. The file is read once:
/// every `$name` is already the engine's `Quantity.parameter(i)`, indexing
/// ``parameters``; grids, chains and selectors are resolved; a training
/// scene's data are generated or loaded. A description that loaded without
/// errors is consistent: masses and step sizes are positive at the parameter
/// values, and every particle selector names existing particles.
public struct SceneDescription: Sendable {
  /// The scene's name: the `name:` key, or the file name without its extension.
  public var name: String
  /// The `description:` text, if any.
  public var description: String?
  /// The parameters, in the order of the file; `Quantity.parameter(i)` is
  /// entry i of ``parameterVector``, which lists their entries in this order.
  public var parameters: [SceneParameter]
  /// What the scene runs, as the engine's description.
  public var process: SceneProcess
  /// The `tune:` block, if any.
  public var tune: TuneSettings?
  /// The `render:` block, with defaults when absent.
  public var render: RenderSettings
  /// The CSV files the scene reads: a training scene's `data: { csv: … }`,
  /// the `observations:` terms' recorded motion.
  public var dataFiles: [DataFile]
  /// The limits the scene was read under, which the run checks too (frames).
  public var limits: SceneLimits
  /// Where each key path was written (for messages); see ``location(of:)``.
  public var sourceMap: SourceMap

  /// A description from its parts (for scenes built in code).
  public init(
    name: String, description: String? = nil, parameters: [SceneParameter] = [],
    process: SceneProcess, tune: TuneSettings? = nil, render: RenderSettings = RenderSettings(),
    dataFiles: [DataFile] = [], limits: SceneLimits = SceneLimits(),
    sourceMap: SourceMap = SourceMap()
  ) {
    self.name = name
    self.description = description
    self.parameters = parameters
    self.process = process
    self.tune = tune
    self.render = render
    self.dataFiles = dataFiles
    self.limits = limits
    self.sourceMap = sourceMap
  }

  /// Every entry's current value, by its name (`k`, or `k[3]` for a vector's entry).
  public var parameterValues: [String: Double] {
    Dictionary(zip(entryNames, parameterVector), uniquingKeysWith: { first, _ in first })
  }

  /// The parameters marked `tune: true`, in the order of the file.
  public var tunedParameters: [SceneParameter] { parameters.filter(\.tune) }

  /// The parameter called `name` (without `$`), if any.
  public func parameter(named name: String) -> SceneParameter? {
    parameters.first { $0.name == name }
  }

  /// The simulation, or `nil` for a training scene.
  public var simulation: SimulationDescription? {
    if case .simulation(let simulation, _) = process { return simulation }
    return nil
  }

  /// Where a physics scene's particles came from (ids, grids, chains), or
  /// `nil` for a training scene.
  public var layout: ParticleLayout? {
    if case .simulation(_, let layout) = process { return layout }
    return nil
  }

  /// The training run, or `nil` for a physics scene.
  public var training: TrainingDescription? {
    if case .training(let training) = process { return training }
    return nil
  }

  /// Where the value at `path` was written, if the scene came from a file.
  public func location(of path: ScenePath) -> SourceLocation? { sourceMap[path] }
}
