/// Why tuning could not proceed.
public enum TuningError: Error, CustomStringConvertible, Equatable {
  /// Newton's method needs a Hessian, affordable for few parameters only.
  case tooManyParametersForNewton(count: Int, limit: Int)
  /// The method tunes at most `limit` parameters at once.
  case tooManyParameters(TuningMethod, count: Int, limit: Int)
  /// The method is neither a ``GradientStepOptimizer`` nor a
  /// ``LeastSquaresOptimizer``: the tuner has no loop for it.
  case unsupportedMethod(TuningMethod)
  /// Nothing is marked to be tuned.
  case nothingToTune
  /// Reverse mode through the whole trajectory would record more than allowed.
  case recordingTooLarge(projectedBytes: Int, limit: Int)
  /// The loss or its gradient is not finite at the starting point.
  case nonFiniteStart(loss: Double, parameter: String?)
  /// In-run tuning (online and greedy horizons) seeds every tuned
  /// parameter in one run, with at most `limit` tangent directions.
  case tooManyParametersForInRunTuning(count: Int, limit: Int)
  /// The method cannot step during a run (``OuterOptimizer/stepsDuringRuns``):
  /// it needs the full horizon.
  case needsFullHorizon(TuningMethod)
  /// The loss or its tangent stopped being finite during an in-run update.
  case nonFiniteDuringRun(step: Int, loss: Double, parameter: String?)
  /// The gradient mode asked for cannot serve this tuning (the sentence says why).
  case modeUnavailable(String)
  /// A least-squares method was asked for, but the loss is not a sum of
  /// squared residuals (a training loss, or a term with a negative weight).
  case notLeastSquares

  /// A message a person can act on.
  public var description: String {
    switch self {
    case let .tooManyParametersForNewton(count, limit):
      "Newton's method tunes at most \(limit) parameters, but \(count) are marked `tune: true`; "
        + "use --method adam or gd, or tune fewer parameters."
    case let .recordingTooLarge(projected, limit):
      "reverse mode through the whole trajectory would record about \(projected >> 20) MiB, over the limit of "
        + "\(limit >> 20) MiB: its memory grows with the number of steps (forward mode's does not). "
        + "Raise the limit (`--reverse-limit MiB`) or use fewer steps for the comparison."
    case let .tooManyParameters(method, count, limit):
      "\(method.optimizer.title) tunes at most \(limit) parameters, but \(count) are marked `tune: true`; "
        + "use --method adam or gd, or tune fewer parameters."
    case .unsupportedMethod(let method):
      "\(method.optimizer.title) is neither a gradient-step nor a least-squares optimizer, so the tuner "
        + "cannot run it; use --method adam or gd."
    case .notLeastSquares:
      "levenberg-marquardt fits sums of squared residuals (observations, coordinate, position, distance "
        + "and kinetic-energy terms with weights of at least 0), and this loss is not one; use --method adam."
    case .modeUnavailable(let why):
      why + "; use --mode forward or auto."
    case .nothingToTune:
      "no parameter is marked `tune: true`: mark at least one, e.g. `k: { value: 400, tune: true }`."
    case let .nonFiniteStart(loss, parameter):
      if let parameter {
        "the derivative with respect to `\(parameter)` is not finite at the starting point (loss \(loss)): "
          + "the horizon may be too long for this much undamped motion; try fewer steps or more damping."
      } else {
        "the loss is not finite at the starting point (\(loss)): check the scene runs with `tandem run`."
      }
    case let .tooManyParametersForInRunTuning(count, limit):
      "the online and greedy horizons tune at most \(limit) parameters in one run, but \(count) are marked "
        + "`tune: true`; tune fewer, or use horizon: full."
    case .needsFullHorizon(let method):
      "\(method.optimizer.title) cannot step during a run, so it needs horizon: full; "
        + "use --method adam or gd for the online and greedy horizons."
    case let .nonFiniteDuringRun(step, loss, parameter):
      if let parameter {
        "at step \(step) the derivative with respect to `\(parameter)` is not finite (loss \(loss)): "
          + "lower the tuning rate or bound the parameter."
      } else {
        "at step \(step) the loss is not finite (\(loss)): lower the tuning rate or bound the parameters."
      }
    }
  }
}
