/// Why a ``Tuner`` stopped.
public enum TuningStop: Sendable, Hashable, CustomStringConvertible {
  /// The gradient's norm (in the tuner's coordinates, less any part that
  /// pushes a parameter past its bound) fell to at most `tolerance` times
  /// its norm at the starting point: relative, so the loss's units do not
  /// matter.
  case converged(gradientNorm: Double, startingNorm: Double, tolerance: Double)
  /// As ``converged(gradientNorm:startingNorm:tolerance:)``, with the
  /// parameters `bounded` held at a bound that the gradient pushes against.
  case convergedAtBound(
    bounded: [String], gradientNorm: Double, startingNorm: Double, tolerance: Double)
  /// The accepted step changed no tuned value by more than `tolerance` of
  /// its size (`change` is the largest relative change).
  case stalled(change: Double, tolerance: Double)
  /// No step along the proposed direction lowered the loss, even halved
  /// `halvings` times.
  case stepRejected(halvings: Int)
  /// No trial step lowered the loss, even with a least-squares method's
  /// damping raised to `damping` over `retries` retries.
  case dampingLimit(damping: Double, retries: Int)
  /// Every trial step, down to `halvings` halvings, gave a loss or gradient
  /// that is not finite (or failed).
  case nonFinite(halvings: Int)
  /// Every allowed iteration ran.
  case iterationLimit(Int)

  /// A short name for scripts (`--json`): `converged`, `converged-at-bound`,
  /// `stalled`, `step-rejected`, `damping-limit`, `non-finite` or
  /// `iteration-limit`.
  public var name: String {
    switch self {
    case .converged: "converged"
    case .convergedAtBound: "converged-at-bound"
    case .stalled: "stalled"
    case .stepRejected: "step-rejected"
    case .dampingLimit: "damping-limit"
    case .nonFinite: "non-finite"
    case .iterationLimit: "iteration-limit"
    }
  }

  /// The reason, as a sentence fragment.
  public var description: String {
    func short(_ value: Double) -> String { String(format: "%.3g", value) }
    func relative(_ norm: Double, _ start: Double, _ tolerance: Double) -> String {
      "the gradient's norm \(short(norm)) is at most \(short(tolerance)) × its starting norm \(short(start))"
    }
    switch self {
    case let .converged(norm, start, tolerance):
      return "converged: " + relative(norm, start, tolerance)
    case let .convergedAtBound(bounded, norm, start, tolerance):
      let names = bounded.map { "`\($0)`" }.joined(separator: ", ")
      let held = bounded.count == 1 ? "held at its bound" : "held at their bounds"
      return "converged at a bound: \(names) \(held) (the loss falls beyond), and the rest of "
        + "the gradient, \(short(norm)), is at most \(short(tolerance)) × its starting norm \(short(start))"
    case let .stalled(change, tolerance):
      return
        "stalled: the last step changed no value by more than \(short(change)) of its size "
        + "(step tolerance \(short(tolerance)))"
    case .stepRejected(let halvings):
      return "no step lowered the loss, even halved \(halvings) times"
    case let .dampingLimit(damping, retries):
      return "no step lowered the loss, even with the damping raised to μ = \(short(damping)) "
        + "over \(retries) retries"
    case .nonFinite(let halvings):
      return halvings == 0
        ? "the loss at the new values is not finite"
        : "every trial step gave a loss or gradient that is not finite, even halved \(halvings) times"
    case .iterationLimit(let count):
      return "reached the limit of \(count) iteration\(count == 1 ? "" : "s")"
    }
  }
}
