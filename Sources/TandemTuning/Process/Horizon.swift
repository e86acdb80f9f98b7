/// How far back the hypergradient looks: when the state's tangents are reset.
public enum Horizon: Sendable, Equatable, CustomStringConvertible {
  /// Never reset: the exact derivative of the final loss.
  case full
  /// Never reset, but the parameters are updated every `every` steps during
  /// the run, from the tangents of the loss at that point.
  case online(every: Int)
  /// Reset after every step: each step's derivative only (for SGD, this is
  /// hypergradient descent).
  case greedy

  /// `full`, `online(every: K)` or `greedy`.
  public var description: String {
    switch self {
    case .full: "full"
    case .online(let every): "online (every \(every) steps)"
    case .greedy: "greedy"
    }
  }
}
