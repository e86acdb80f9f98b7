import TandemPhysics
import TandemScene
import TandemTraining

/// A scene as the engine runs it, expanded once: a simulation (with the
/// expanded scene, for particle ids and drawing) or a training run.
/// ``SceneRun``, ``SceneTuning`` and ``SceneCheck`` each hold one.
public enum SceneProcess {
  /// A physics scene.
  case simulation(SimulationDescription, ExpandedScene)
  /// A training scene.
  case training(TrainingDescription)

  /// Expands `scene` (grids, chains, selectors, data) into the engine's
  /// description; throws the scene's located errors.
  public init(_ scene: SceneDescription) throws {
    if scene.training != nil {
      self = .training(try scene.trainingDescription())
    } else {
      let (simulation, expanded) = try scene.simulation()
      self = .simulation(simulation, expanded)
    }
  }

  /// The steps a run takes (the most, for a simulation with a stop event).
  public var stepCount: Int {
    switch self {
    case .simulation(let simulation, _): simulation.steps
    case .training(let training): training.steps
    }
  }
}
