import TandemAD

extension Tuner {
  /// The online and greedy horizons: `iterations` runs, each updating the
  /// parameters during the run with ``SteppedProcess/tuneDuringRun(parameters:tuned:horizon:method:rate:recordsUpdates:)``
  /// and starting from the values the previous run ended with.
  ///
  /// Iteration 0 is the starting point, with its full-horizon loss and
  /// hypergradient. Iteration i reports the values run i ended with, the
  /// loss of a plain run at those values (so the best iteration's loss is
  /// the loss of the values written), the loss at the end of run i itself
  /// (trained while the values changed) as ``TuningIteration/runLoss``, and
  /// the loss's tangents along the horizon. No step is rejected: the
  /// updates happen inside the run. The plain run costs a fraction of the
  /// dual-number run it follows.
  @inlinable
  public func runUpdatingDuringRuns(progress: (TuningIteration) -> Void = { _ in }) throws
    -> [TuningIteration]
  {
    guard !tuned.isEmpty else { throw TuningError.nothingToTune }
    guard method.optimizer.stepsDuringRuns else { throw TuningError.needsFullHorizon(method) }
    var values = initialValues
    for p in tuned { values[p.index] = p.value(at: p.coordinate(of: values[p.index])) }
    let (loss, gradient) = try process.lossWithGradient(
      parameters: values, tuned: tuned.map(\.index))
    guard loss.isFinite else { throw TuningError.nonFiniteStart(loss: loss, parameter: nil) }
    var history = [
      TuningIteration(
        iteration: 0, loss: loss, parameters: values, gradient: gradient,
        gradientNorm: norm(coordinateGradient(gradient, values)), halvings: 0, stepLength: 0)
    ]
    progress(history[0])
    for iteration in 1..<max(iterations + 1, 1) {
      let run = try process.tuneDuringRun(
        parameters: values, tuned: tuned, horizon: horizon, method: method, rate: rate,
        recordsUpdates: false)
      let moved =
        tuned.map { p in
          abs(p.coordinate(of: run.values[p.index]) - p.coordinate(of: values[p.index]))
        }
        .max() ?? 0
      let change = largestRelativeChange(from: values, to: run.values)
      values = run.values
      var entry = TuningIteration(
        iteration: iteration, loss: try process.loss(parameters: values), parameters: values,
        gradient: run.gradient, gradientNorm: norm(coordinateGradient(run.gradient, values)),
        halvings: 0, stepLength: moved)
      entry.runLoss = run.loss
      history.append(entry)
      progress(entry)
      guard entry.loss.isFinite else {
        history[history.count - 1].stop = .nonFinite(halvings: 0)
        return history
      }
      if change <= stepTolerance {
        history[history.count - 1].stop = .stalled(change: change, tolerance: stepTolerance)
        return history
      }
    }
    history[history.count - 1].stop = .iterationLimit(iterations)
    return history
  }
}
