/// Why a ``Tuner`` stopped.
public enum TuningStop: Sendable, Hashable, CustomStringConvertible {
  /// The gradient's norm (in the tuner's coordinates) fell below the tolerance.
  case converged(gradientNorm: Double, tolerance: Double)
  /// The accepted step moved no coordinate by more than the step tolerance.
  case stalled(step: Double, tolerance: Double)
  /// No step along the proposed direction was accepted, even halved `halvings` times
  /// (the loss did not decrease, or became non-finite).
  case stepRejected(halvings: Int)
  /// Every allowed iteration ran.
  case iterationLimit(Int)

  /// A short name for scripts (`--json`): `converged`, `stalled`,
  /// `step-rejected` or `iteration-limit`.
  public var name: String {
    switch self {
    case .converged: "converged"
    case .stalled: "stalled"
    case .stepRejected: "step-rejected"
    case .iterationLimit: "iteration-limit"
    }
  }

  /// The reason, as a sentence fragment.
  public var description: String {
    func short(_ value: Double) -> String { String(format: "%.3g", value) }
    switch self {
    case let .converged(norm, tolerance):
      return "converged: the gradient's norm \(short(norm)) is below \(short(tolerance))"
    case let .stalled(step, tolerance):
      return
        "stalled: the last step moved \(short(step)), below the step tolerance \(short(tolerance))"
    case .stepRejected(let halvings):
      return "no step lowered the loss, even halved \(halvings) times"
    case .iterationLimit(let count):
      return "reached the limit of \(count) iteration\(count == 1 ? "" : "s")"
    }
  }
}
