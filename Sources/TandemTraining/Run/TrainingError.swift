/// Why a training run stopped.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
  /// A value stopped being finite at a step (counted from 1): the batch loss,
  /// or a named weight.
  case nonFinite(step: Int, quantity: String)

  /// A message a person can act on.
  public var description: String {
    switch self {
    case let .nonFinite(step, quantity):
      "training diverged at step \(step): \(quantity) is not finite; lower the learning rate "
        + "(or the momentum), or add bounds to the tuned parameters."
    }
  }
}
