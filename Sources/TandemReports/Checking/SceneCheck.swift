import TandemScene
import TandemTuning

/// Computes a scene's hypergradient three independent ways, as
/// `tandem check` does: forward mode, central differences and reverse mode
/// through the whole trajectory (see ``GradientRoute``), each timed and with
/// its own peak memory.
public struct SceneCheck {
  /// The scene, with any `--set` values applied.
  public var scene: SceneDescription
  /// Reverse mode is skipped, with the projected size, when its recording
  /// would exceed this many bytes.
  public var reverseByteLimit: Int

  /// A check of `scene`; reverse mode may record at most `reverseByteLimit` bytes.
  public init(scene: SceneDescription, reverseByteLimit: Int = 8 << 30) {
    self.scene = scene
    self.reverseByteLimit = reverseByteLimit
  }

  /// The steps of the scene's process (the most, for a scene with a stop event).
  public func stepCount() throws -> Int {
    scene.training != nil
      ? try scene.trainingDescription().stepCount : try scene.simulation().description.stepCount
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
    if scene.training != nil {
      let process = try scene.trainingDescription()
      return GradientRoute.allCases.map { route in
        starting(route)
        return .compute(
          route, process: process, parameters: parameters, tuned: tuned,
          reverseByteLimit: reverseByteLimit)
      }
    }
    let process = try scene.simulation().description
    return GradientRoute.allCases.map { route in
      starting(route)
      return .compute(
        route, process: process, parameters: parameters, tuned: tuned,
        reverseByteLimit: reverseByteLimit)
    }
  }
}
