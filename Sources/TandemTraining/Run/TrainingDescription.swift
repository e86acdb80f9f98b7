import TandemAD

/// Everything needed to run a training loop: the problem, the inner
/// optimizer (its hyperparameters as ``TandemAD/Quantity`` values), how many
/// steps, which batches, and the objective read at the end.
///
/// Like a simulation description, it realises on any scalar: on `Double` a
/// plain training run, on `Dual` numbers with the parameters seeded a run
/// whose objective carries the hypergradient (see ``Training``).
public struct TrainingDescription: Sendable, Equatable {
  /// What is minimised.
  public var problem: TrainingProblem
  /// How.
  public var optimizer: OptimizerDescription
  /// The number of inner steps.
  public var steps: Int
  /// Which examples each step sees (ignored by a quadratic).
  public var batch: BatchSchedule
  /// What ``Training/loss()`` reports (a quadratic always reports f(w)).
  public var objective: TrainingObjective

  /// Creates a training description.
  public init(
    problem: TrainingProblem, optimizer: OptimizerDescription, steps: Int,
    batch: BatchSchedule = .full,
    objective: TrainingObjective = .validationLoss
  ) {
    precondition(steps >= 0, "a negative number of steps")
    if case .size(let size, _) = batch { precondition(size > 0, "a batch size of \(size)") }
    self.problem = problem
    self.optimizer = optimizer
    self.steps = steps
    self.batch = batch
    self.objective = objective
  }
}
