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

  /// Levenberg–Marquardt on a loss that is a sum of squared residuals.
  ///
  /// Each iteration takes the residuals r and their Jacobian J from one run
  /// (see ``residualJacobian(at:)``), moves to the optimizer's coordinates
  /// u (J·diag(dv/du), so log-scale parameters stay positive), and solves
  /// (A + μ·D)·δ = −Jᵀr with A = JᵀJ and D its diagonal: Gauss–Newton for
  /// small μ, a short gradient step for large μ. A step that lowers the
  /// loss is accepted and μ lowered by Nielsen's rule, from the ratio of the
  /// actual to the predicted decrease; a step that does not is retried with
  /// μ doubled, then quadrupled, … (``TuningIteration/halvings`` counts the
  /// retries). Parameters at a bound that the gradient pushes against are
  /// held, as for the other methods, and the values are clamped into the
  /// bounds. Stops like the other methods: the gradient's relative norm, a
  /// step that changes nothing, no acceptable step, or the iteration limit.
  @inlinable
  public func runLevenbergMarquardt(progress: (TuningIteration) -> Void = { _ in }) throws
    -> [TuningIteration]
  {
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
    var damping = MarquardtDamping()
    var stop = TuningStop.iterationLimit(iterations)
    for iteration in 1..<max(iterations + 1, 1) {
      let (_, bounded, converged) = convergence(
        of: current.gradient, at: values, startingNorm: startingNorm)
      if let converged {
        stop = converged
        break
      }
      let scales = tuned.map { $0.valuePerCoordinate(at: values[$0.index]) }
      let system = MarquardtSystem(current, scales: scales, held: bounded)
      var accepted: (values: [Double], result: ResidualJacobian, step: [Double])?
      var retries = 0
      var anyFinite = false
      while retries <= 30 {
        if let step = system.step(damping: damping.mu),
          case let candidate = applying(step, to: values),
          let result = try? residualJacobian(at: candidate), result.loss.isFinite,
          result.jacobian.allSatisfy(\.isFinite)
        {
          anyFinite = true
          if result.loss < current.loss {
            damping.accept(
              actualDecrease: current.loss - result.loss,
              predictedDecrease: system.predictedDecrease(step, damping: damping.mu))
            accepted = (candidate, result, step)
            break
          }
        }
        damping.reject()
        retries += 1
      }
      guard let (newValues, result, step) = accepted else {
        stop = anyFinite ? .stepRejected(halvings: retries - 1) : .nonFinite(halvings: retries - 1)
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

/// Marquardt's damping μ with Nielsen's update: after an accepted step
/// with gain ratio ϱ (actual over predicted decrease), μ ← μ·max(1/3,
/// 1 − (2ϱ − 1)³); after a rejected one μ ← μ·ν and ν doubles.
@usableFromInline
struct MarquardtDamping {
  @usableFromInline var mu = 1e-3
  @usableFromInline var growth = 2.0

  @inlinable init() {}

  @usableFromInline
  mutating func accept(actualDecrease: Double, predictedDecrease: Double) {
    let ratio = predictedDecrease > 0 ? actualDecrease / predictedDecrease : 1
    let factor = 1 - (2 * ratio - 1) * (2 * ratio - 1) * (2 * ratio - 1)
    mu *= max(1.0 / 3, factor)
    mu = max(mu, 1e-15)
    growth = 2
  }

  @usableFromInline
  mutating func reject() {
    mu *= growth
    growth *= 2
  }
}

/// The damped normal equations of one Levenberg–Marquardt iteration, in
/// the optimizer's coordinates: A = JᵤᵀJᵤ and b = −Jᵤᵀr, with Jᵤ = J·diag(s)
/// and the loss Σr² (so the gradient is −2b).
@usableFromInline
struct MarquardtSystem {
  @usableFromInline var normal: [[Double]]
  @usableFromInline var rightSide: [Double]
  /// The diagonal that μ scales: A's own, floored so that a parameter the
  /// residuals do not see still gets a finite, short step.
  @usableFromInline var diagonal: [Double]

  /// The system at `point`, with `scales` = dvalue/du per tuned parameter;
  /// the parameters at positions `held` do not move.
  @usableFromInline
  init(_ point: ResidualJacobian, scales: [Double], held: [Int]) {
    let n = point.columns
    let a = point.normalMatrix
    var normal = (0..<n).map { i in (0..<n).map { j in a[i][j] * scales[i] * scales[j] } }
    let gradient = point.gradient
    var rightSide = (0..<n).map { -0.5 * gradient[$0] * scales[$0] }
    let largest = (0..<n).map { normal[$0][$0] }.max() ?? 0
    var diagonal = (0..<n).map { max(normal[$0][$0], 1e-12 * largest, 1e-300) }
    for i in held {
      for j in 0..<n { (normal[i][j], normal[j][i]) = (0, 0) }
      (normal[i][i], diagonal[i], rightSide[i]) = (1, 1, 0)
    }
    (self.normal, self.rightSide, self.diagonal) = (normal, rightSide, diagonal)
  }

  /// δ solving (A + μ·D)·δ = b, or `nil` when the matrix is not positive
  /// definite in floating point (a larger μ will make it so).
  @usableFromInline
  func step(damping mu: Double) -> [Double]? {
    var m = normal
    for i in m.indices { m[i][i] += mu * diagonal[i] }
    return choleskySolve(m, rightSide)
  }

  /// The decrease of Σr² that the linearised residuals r + Jᵤ·δ predict
  /// for `step`: 2·δᵀb − δᵀAδ.
  @usableFromInline
  func predictedDecrease(_ step: [Double], damping mu: Double) -> Double {
    var along = 0.0
    var curvature = 0.0
    for i in step.indices {
      along += step[i] * rightSide[i]
      var row = 0.0
      for j in step.indices { row += normal[i][j] * step[j] }
      curvature += step[i] * row
    }
    return 2 * along - curvature
  }
}

/// The solution x of m·x = b for a symmetric positive definite m, by
/// Cholesky factorisation; `nil` when m is not positive definite.
@usableFromInline
func choleskySolve(_ m: [[Double]], _ b: [Double]) -> [Double]? {
  let n = b.count
  var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  for i in 0..<n {
    for j in 0...i {
      var sum = m[i][j]
      for k in 0..<j { sum -= l[i][k] * l[j][k] }
      if i == j {
        guard sum > 0, sum.isFinite else { return nil }
        l[i][i] = sum.squareRoot()
      } else {
        l[i][j] = sum / l[j][j]
      }
    }
  }
  var y = b
  for i in 0..<n {
    for k in 0..<i { y[i] -= l[i][k] * y[k] }
    y[i] /= l[i][i]
  }
  for i in stride(from: n - 1, through: 0, by: -1) {
    for k in (i + 1)..<n { y[i] -= l[k][i] * y[k] }
    y[i] /= l[i][i]
  }
  return y
}
