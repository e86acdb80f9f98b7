import Foundation

/// A scene file, decoded and checked: what to run, with every number that may
/// be tuned kept as a symbolic ``SceneNumber``.
///
/// Get one from ``SceneFile/load(_:)`` or ``SceneFile/parse(_:fileName:directory:)``.
/// A description that loaded without errors is consistent: every `$name`
/// refers to a parameter, masses and step sizes are positive at the current
/// parameter values, and every particle selector names existing particles.
public struct SceneDescription: Hashable, Sendable {
  /// What the scene runs.
  public enum Kind: Hashable, Sendable {
    /// A particle-and-spring simulation (`kind: physics`, the default).
    case physics(PhysicsSceneDescription)
    /// A training loop (`kind: training`).
    case training(TrainingSceneDescription)
  }

  /// The scene's name: the `name:` key, or the file name without its extension.
  public var name: String
  /// The `description:` text, if any.
  public var description: String?
  /// The parameters, in the order of the file.
  public var parameters: [SceneParameter]
  /// What the scene runs.
  public var kind: Kind
  /// The `tune:` block, if any.
  public var tune: TuneSettings?
  /// The `render:` block, with defaults when absent.
  public var render: RenderSettings
  /// Where each key path was written (for messages); see ``location(of:)``.
  public var sourceMap: SourceMap

  /// A description from its parts (for scenes built in code).
  public init(
    name: String, description: String? = nil, parameters: [SceneParameter] = [], kind: Kind,
    tune: TuneSettings? = nil, render: RenderSettings = RenderSettings(),
    sourceMap: SourceMap = SourceMap()
  ) {
    self.name = name
    self.description = description
    self.parameters = parameters
    self.kind = kind
    self.tune = tune
    self.render = render
    self.sourceMap = sourceMap
  }

  /// Every parameter's current value, by name: the dictionary that
  /// ``SceneNumber/value(in:)`` reads.
  public var parameterValues: [String: Double] {
    Dictionary(parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { first, _ in first })
  }

  /// The parameters marked `tune: true`, in the order of the file.
  public var tunedParameters: [SceneParameter] { parameters.filter(\.tune) }

  /// The parameter called `name` (without `$`), if any.
  public func parameter(named name: String) -> SceneParameter? {
    parameters.first { $0.name == name }
  }

  /// The physics part, or `nil` for a training scene.
  public var physics: PhysicsSceneDescription? {
    if case .physics(let physics) = kind { return physics }
    return nil
  }

  /// The training part, or `nil` for a physics scene.
  public var training: TrainingSceneDescription? {
    if case .training(let training) = kind { return training }
    return nil
  }

  /// Where the value at `path` was written, if the scene came from a file.
  public func location(of path: ScenePath) -> SourceLocation? { sourceMap[path] }
}

/// Where each key path of a scene was written in its file.
///
/// Two source maps always compare equal, so two descriptions are equal when
/// they describe the same scene, however the file was laid out.
public struct SourceMap: Hashable, Sendable {
  /// The file's name as given to the parser (`cloth.yaml`), if any.
  public var file: String?
  /// The location of each key path's value.
  public var locations: [ScenePath: SourceLocation]

  /// A map from its entries.
  public init(file: String? = nil, _ locations: [ScenePath: SourceLocation] = [:]) {
    self.file = file
    self.locations = locations
  }

  /// The location of `path`'s value, if known.
  public subscript(path: ScenePath) -> SourceLocation? {
    get { locations[path] }
    set { locations[path] = newValue }
  }

  /// Always `true`: where a scene was written is not part of what it says.
  public static func == (lhs: SourceMap, rhs: SourceMap) -> Bool { true }

  /// Hashes nothing, consistently with `==`.
  public func hash(into hasher: inout Hasher) {}

  /// `error` with the file name and, when it has none, the location of its
  /// path or of the nearest enclosing path that has one.
  public func locating(_ error: SceneError) -> SceneError {
    var error = error
    if error.file == nil { error.file = file }
    var path = error.path
    while error.location == nil {
      error.location = locations[path]
      if path.isEmpty { break }
      path.components.removeLast()
    }
    return error
  }
}
