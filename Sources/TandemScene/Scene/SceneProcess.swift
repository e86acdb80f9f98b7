import TandemPhysics
import TandemTraining
import TandemTuning

/// What a scene runs, as the engine describes it: a simulation (with the
/// layout of its particles, for selectors, ids and drawing) or a training run.
public enum SceneProcess: Sendable {
  /// A physics scene.
  case simulation(SimulationDescription, ParticleLayout)
  /// A training scene.
  case training(TrainingDescription)

  /// The steps a run takes (the most, for a simulation with a stop event).
  public var stepCount: Int {
    switch self {
    case .simulation(let simulation, _): simulation.steps
    case .training(let training): training.steps
    }
  }

  /// The bytes of one saved state (see ``SteppedProcess/snapshotBytes``).
  public var snapshotBytes: Int {
    switch self {
    case .simulation(let simulation, _): simulation.snapshotBytes
    case .training(let training): training.snapshotBytes
    }
  }

  /// What reversing one step costs, in plain steps (see ``SteppedProcess/reverseStepCost``).
  public var reverseStepCost: Double {
    switch self {
    case .simulation(let simulation, _): simulation.reverseStepCost
    case .training(let training): training.reverseStepCost
    }
  }

  /// The residuals of a least-squares loss, or `nil` when the loss is not
  /// one (see ``SteppedProcess/residualCount``).
  public var residualCount: Int? {
    switch self {
    case .simulation(let simulation, _): simulation.residualCount
    case .training(let training): training.residualCount
    }
  }
}
