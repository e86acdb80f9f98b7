import TandemScene
import TandemTuning

/// Computes a scene's hypergradient three independent ways, as
/// `tandem check` does: forward mode, central differences and reverse mode
/// through the process, checkpointed or on a tape of the whole trajectory
/// (see ``GradientRoute``), each timed and with its own peak memory.
public struct SceneCheck {
  /// The scene, with any `--set` values applied.
  public let scene: SceneDescription
  /// How the reverse route goes through the process.
  public var reverse: ReverseRoute

  /// A check of `scene`, its reverse route `reverse` (by default
  /// checkpointed, with 128 snapshots).
  public init(scene: SceneDescription, reverse: ReverseRoute = .checkpointed(snapshots: 128)) {
    self.scene = scene
    self.reverse = reverse
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
          reverse: reverse)
      }
    case .simulation(let simulation, _):
      return GradientRoute.allCases.map { route in
        starting(route)
        return .compute(
          route, process: simulation, parameters: parameters, tuned: tuned,
          reverse: reverse)
      }
    }
  }
}
