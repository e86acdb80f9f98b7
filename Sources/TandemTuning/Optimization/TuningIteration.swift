/// The state of one outer iteration of the tuner.
public struct TuningIteration: Sendable {
  /// The iteration number, from 0 (the starting point).
  public var iteration: Int
  /// The loss at ``parameters``.
  public var loss: Double
  /// Every parameter's value (tuned or not), in the process's order.
  public var parameters: [Double]
  /// dL/dvalue for each tuned parameter, in the tuner's order.
  public var gradient: [Double]
  /// The norm of the gradient in the optimizer's coordinates.
  public var gradientNorm: Double
  /// How many times the step before this point was halved to be accepted.
  public var halvings: Int
  /// The length (max norm, in the optimizer's coordinates) of the step that
  /// led here; 0 at the start.
  public var stepLength: Double
  /// With the online and greedy horizons, the loss at the end of the run in
  /// which the values changed (``loss`` is a plain run's at the values the
  /// run ended with); `nil` with the full horizon.
  public var runLoss: Double?
  /// Why the tuner stopped, on the last iteration of a history; `nil` on the others.
  public var stop: TuningStop?

  /// Creates an iteration's record.
  public init(
    iteration: Int, loss: Double, parameters: [Double], gradient: [Double], gradientNorm: Double,
    halvings: Int, stepLength: Double
  ) {
    self.iteration = iteration
    self.loss = loss
    self.parameters = parameters
    self.gradient = gradient
    self.gradientNorm = gradientNorm
    self.halvings = halvings
    self.stepLength = stepLength
  }
}
