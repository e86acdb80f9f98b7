import TandemAD
import TandemProcess

extension TrainingDescription: SteppedProcess {
  /// The number of inner steps.
  public var stepCount: Int { steps }

  /// A training loss is not a sum of squared residuals the tuner can see.
  public var residualCount: Int? { nil }

  /// Steps are recorded on the trajectory tape: about 200 plain steps (B2).
  public var reverseStepCost: Double { 200 }

  /// The weights and the optimizer's moments; the step counts, the
  /// shuffler's state and the batch order (one entry per training example).
  public var snapshotBytes: Int {
    let moments = optimizer.method == .sgd ? 0 : optimizer.method == .adam ? 2 : 1
    var examples = 0
    if case .supervised(let supervised) = problem { examples = supervised.data.training.count }
    return 8 * (problem.weightCount * (1 + moments) + 3 + examples)
  }

  /// Realises the training run with `parameters` and hands it to `driver`.
  @inlinable
  public func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws {
    var training = Training(self, parameters: parameters)
    try driver.drive(&training)
  }
}
