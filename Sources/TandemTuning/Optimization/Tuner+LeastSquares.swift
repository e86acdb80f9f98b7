import TandemAD

extension Tuner {
  /// The residuals and their Jacobian at `values`: by forward mode, or by
  /// reverse mode through the whole trajectory when ``mode`` says reverse
  /// (few residuals, many parameters), within ``recordingLimit``.
  @inlinable
  public func residualJacobian(at values: [Double]) throws -> ResidualJacobian {
    let indices = tuned.map(\.index)
    if case .reverse = mode {
      return try process.reverseResidualJacobian(
        parameters: values, tuned: indices, byteLimit: recordingLimit)
    }
    return try process.residualJacobian(parameters: values, tuned: indices)
  }

  /// The loop of a ``LeastSquaresOptimizer`` (Levenberg–Marquardt) on a
  /// loss that is a sum of squared residuals.
  ///
  /// Each iteration takes the residuals r and their Jacobian J from one run
  /// (see ``residualJacobian(at:)``), moves to the optimizer's coordinates
  /// u (J·diag(dv/du), so log-scale parameters stay positive), and builds
  /// the ``NormalEquations``; the optimizer's solver proposes trial steps
  /// from them. A step that lowers the loss is accepted (and the solver
  /// told, with the actual and the predicted decrease); one that does not
  /// is rejected and retried (``TuningIteration/halvings`` counts the
  /// retries). Parameters at a bound that the gradient pushes against are
  /// held, as for the other methods, and the values are clamped into the
  /// bounds. Stops like the other methods: the gradient's relative norm, a
  /// step that changes nothing, the iteration limit, or no acceptable step
  /// (said in the solver's terms: its damping).
  @inlinable
  func runLeastSquares(
    _ optimizer: any LeastSquaresOptimizer, progress: (TuningIteration) -> Void = { _ in }
  ) throws -> [TuningIteration] {
    var values = initialValues
    for p in tuned { values[p.index] = p.value(at: p.coordinate(of: values[p.index])) }
    var current = try residualJacobian(at: values)
    guard current.loss.isFinite else {
      throw TuningError.nonFiniteStart(loss: current.loss, parameter: nil)
    }
    if let bad = current.gradient.firstIndex(where: { !$0.isFinite }) {
      throw TuningError.nonFiniteStart(loss: current.loss, parameter: tuned[bad].name)
    }
    var history = [
      record(0, (current.loss, current.gradient, nil), values, halvings: 0, stepLength: 0)
    ]
    progress(history[0])
    let startingNorm = norm(freeGradient(coordinateGradient(current.gradient, values), values).free)
    var solver = optimizer.makeSolver()
    var stop = TuningStop.iterationLimit(iterations)
    for iteration in 1..<max(iterations + 1, 1) {
      let (_, bounded, converged) = convergence(
        of: current.gradient, at: values, startingNorm: startingNorm)
      if let converged {
        stop = converged
        break
      }
      let scales = tuned.map { $0.valuePerCoordinate(at: values[$0.index]) }
      let equations = NormalEquations(current, scales: scales, held: bounded)
      var accepted: (values: [Double], result: ResidualJacobian, step: [Double])?
      var retries = 0
      var anyFinite = false
      while retries <= solver.retryLimit {
        if let step = solver.trialStep(equations),
          case let candidate = applying(step, to: values),
          let result = try? residualJacobian(at: candidate), result.loss.isFinite,
          result.jacobian.allSatisfy(\.isFinite)
        {
          anyFinite = true
          if result.loss < current.loss {
            solver.accept(
              actualDecrease: current.loss - result.loss,
              predictedDecrease: equations.predictedDecrease(step), of: step)
            accepted = (candidate, result, step)
            break
          }
        }
        solver.reject()
        retries += 1
      }
      guard let (newValues, result, step) = accepted else {
        stop = solver.exhausted(retries: retries - 1, anyFinite: anyFinite)
        break
      }
      let change = largestRelativeChange(from: values, to: newValues)
      values = newValues
      current = result
      history.append(
        record(
          iteration, (current.loss, current.gradient, nil), values, halvings: retries,
          stepLength: step.map(abs).max() ?? 0))
      progress(history.last!)
      if change <= stepTolerance {
        stop = .stalled(change: change, tolerance: stepTolerance)
        break
      }
    }
    history[history.count - 1].stop = stop
    return history
  }
}
