/// How far back the hypergradient looks: when the state's tangents are reset,
/// and whether the parameters change during a run.
///
/// - `full`: one run per outer iteration, tangents never reset; the loss's
///   tangent is the exact dL(θ)/dθ of the final loss (what ``Tuner`` and
///   ``LossDriver`` compute).
/// - `online(every: K)`: one run, tangents never reset, and every K steps
///   the tangents of the current loss, d L(s_t)/dθ, accumulated since the
///   start of the run (with θ changing along the way), drive an update of θ
///   (``InRunTuningDriver``). This is real-time hyperparameter optimisation
///   (Franceschi et al. 2017, RTHO): an approximation of the full
///   hypergradient that improves θ while the run proceeds.
/// - `greedy`: one run, tangents reset before every step and θ updated after
///   it: each update sees only d L(s_{t+1})/dθ through the last step. For
///   SGD on the training loss this is hypergradient descent (Baydin et al.
///   2018), α ← α + β·∇L(w_{t+1})·∇L(w_t). It is biased toward short-term
///   progress: it prefers smaller step sizes than the full horizon.
public enum Horizon: Sendable, Hashable, CustomStringConvertible {
  /// Never reset: the exact derivative of the final loss.
  case full
  /// Never reset, but the parameters are updated every `every` steps during
  /// the run, from the tangents of the loss at that point.
  case online(every: Int)
  /// Reset before every step, parameters updated after it: each step's
  /// derivative only (for SGD, this is hypergradient descent).
  case greedy

  /// `full`, `online(every: K)` or `greedy`.
  public var description: String {
    switch self {
    case .full: "full"
    case .online(let every): "online (every \(every) steps)"
    case .greedy: "greedy"
    }
  }

  /// The names a scene file's `tune.horizon` may use: `full`, `online`
  /// (with `every`), `greedy`.
  public static let names = ["full", "online", "greedy"]
}
