import TandemScene
import TandemTuning

/// Computes a scene's hypergradient three independent ways, as
/// `tandem check` does: forward mode, central differences and reverse mode
/// through the whole trajectory (see ``GradientRoute``), each timed and with
/// its own peak memory.
public struct SceneCheck {
  /// The scene, with any `--set` values applied.
  public let scene: SceneDescription
  /// Reverse mode is skipped, with the projected size, when its recording
  /// would exceed this many bytes.
  public var reverseByteLimit: Int

  /// A check of `scene`; reverse mode may record at most `reverseByteLimit`
  /// bytes.
  public init(scene: SceneDescription, reverseByteLimit: Int = 8 << 30) {
    self.scene = scene
    self.reverseByteLimit = reverseByteLimit
  }

  /// Computes every route in ``GradientRoute/allCases`` order; `starting`
  /// hears of each route before it runs.
  ///
  /// Not generic: each branch calls the routes with the process's concrete
  /// type, so they are specialised for it here.
  public func run(starting: (GradientRoute) -> Void = { _ in }) throws -> [GradientRouteResult] {
    let parameters = scene.parameterVector
    let tuned = scene.tunedParameterList.map(\.index)
    guard !tuned.isEmpty else { throw TuningError.nothingToTune }
    switch scene.process {
    case .training(let training):
      return GradientRoute.allCases.map { route in
        starting(route)
        return .compute(
          route, process: training, parameters: parameters, tuned: tuned,
          reverseByteLimit: reverseByteLimit)
      }
    case .simulation(let simulation, _):
      return GradientRoute.allCases.map { route in
        starting(route)
        return .compute(
          route, process: simulation, parameters: parameters, tuned: tuned,
          reverseByteLimit: reverseByteLimit)
      }
    }
  }
}
