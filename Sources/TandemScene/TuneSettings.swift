/// The scene's `tune:` block: defaults for `tandem tune`, which its flags
/// override. Its numbers are plain numbers (they steer the tool, not the
/// process), so they cannot be `$name` references.
public struct TuneSettings: Hashable, Sendable {
  /// The outer optimizer that updates the tuned parameters.
  public enum Method: String, Hashable, Sendable, CaseIterable {
    /// Gradient descent: p ← p − rate·∇.
    case gd
    /// Adam on the hypergradient.
    case adam
    /// Newton's method, second derivatives from a dual of duals (a few parameters only).
    case newton
  }

  /// When the hypergradient's tangent is reset during one unrolled run.
  public enum Horizon: Hashable, Sendable {
    /// Never: the exact derivative of the end-state objective.
    case full
    /// Never, but the parameters are updated every `every` inner steps.
    case online(every: Int)
    /// At every step (for SGD, hypergradient descent).
    case greedy

    /// The names a file may use: `full`, `online`, `greedy`.
    public static let names = ["full", "online", "greedy"]
  }

  /// The outer optimizer; default `adam`.
  public var method: Method
  /// The number of outer iterations; default 30.
  public var iterations: Int
  /// The outer step size; default 0.05.
  public var rate: Double
  /// The horizon; default `full`.
  public var horizon: Horizon

  /// Settings from their fields, each with the documented default.
  public init(
    method: Method = .adam, iterations: Int = 30, rate: Double = 0.05, horizon: Horizon = .full
  ) {
    self.method = method
    self.iterations = iterations
    self.rate = rate
    self.horizon = horizon
  }
}
