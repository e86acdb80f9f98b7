import TandemAD
import TandemTraining

extension TrainingDescription: SteppedProcess {
  /// The number of inner steps.
  public var stepCount: Int { steps }

  /// Realises the training run with `parameters` and hands it to `driver`.
  @inlinable
  public func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws {
    var training = Training(self, parameters: parameters)
    try driver.drive(&training)
  }
}
