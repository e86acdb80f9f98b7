import TandemTuning

/// The scene's `tune:` block: defaults for `tandem tune`, which its flags
/// override. Its method and horizon are the tuner's own types. Its numbers are plain numbers (they steer the tool, not the
/// process), so they cannot be `$name` references.
public struct TuneSettings: Hashable, Sendable {
  /// The outer optimizer; default `adam`.
  public var method: TuningMethod
  /// The number of outer iterations; default 30.
  public var iterations: Int
  /// The outer step size; default 0.05.
  public var rate: Double
  /// The horizon; default `full`.
  public var horizon: Horizon
  /// Converged when the gradient's norm falls to this fraction of its
  /// starting norm; default ``Tuner``'s (1e-10).
  public var gradientTolerance: Double?
  /// Stalled when a step changes no tuned value by more than this fraction
  /// of its size; default ``Tuner``'s (1e-12).
  public var stepTolerance: Double?
  /// How the hypergradient is computed: `auto` (default), `forward` or `reverse`.
  public var mode: GradientModeRequest = .auto

  /// The values a tolerance may take, in the scene and on the command line:
  /// a fraction, at least 0 and below 1.
  public static let tolerances: Range<Double> = 0..<1

  /// Settings from their fields, each with the documented default.
  public init(
    method: TuningMethod = .adam, iterations: Int = 30, rate: Double = 0.05,
    horizon: Horizon = .full, gradientTolerance: Double? = nil, stepTolerance: Double? = nil
  ) {
    self.method = method
    self.iterations = iterations
    self.rate = rate
    self.horizon = horizon
    self.gradientTolerance = gradientTolerance
    self.stepTolerance = stepTolerance
  }
}
