/// An optimizer for a loss that is a sum of squared residuals: it solves
/// the damped normal equations of the residuals' Jacobian (see
/// ``NormalEquations``), and decides how the damping moves.
public protocol LeastSquaresOptimizer: OuterOptimizer {
  /// A solver for one tuning, with the state it keeps (its damping).
  func makeSolver() -> any LeastSquaresSolver
}

/// The state of a ``LeastSquaresOptimizer`` over one tuning.
public protocol LeastSquaresSolver {
  /// The most trial steps tried from one point before giving up.
  var retryLimit: Int { get }
  /// The trial step for `equations` at the current damping, or nil when
  /// there is none (a matrix that is not positive definite: a retry with
  /// more damping will make it so).
  func trialStep(_ equations: NormalEquations) -> [Double]?
  /// The trial step lowered the loss by `actualDecrease`, where the
  /// linearised residuals predicted `predictedDecrease`.
  mutating func accept(actualDecrease: Double, predictedDecrease: Double, of step: [Double])
  /// The trial step did not lower the loss (or was not finite).
  mutating func reject()
  /// Why the tuning stopped when `retries` trial steps from one point all
  /// failed, in the solver's own terms.
  func exhausted(retries: Int, anyFinite: Bool) -> TuningStop
}

/// The normal equations of one least-squares iteration, in the optimizer's
/// coordinates: A = JᵤᵀJᵤ and b = −Jᵤᵀr, with Jᵤ = J·diag(s) and the loss Σr²
/// (so the gradient is −2b).
public struct NormalEquations {
  /// A = JᵤᵀJᵤ.
  public var normal: [[Double]]
  /// b = −Jᵤᵀr.
  public var rightSide: [Double]
  /// The diagonal a damping scales: A's own, floored so that a parameter the
  /// residuals do not see still gets a finite, short step.
  public var diagonal: [Double]

  /// The equations at `point`, with `scales` = dvalue/du per tuned
  /// parameter; the parameters at positions `held` do not move.
  public init(_ point: ResidualJacobian, scales: [Double], held: [Int]) {
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
  public func dampedStep(_ mu: Double) -> [Double]? {
    var m = normal
    for i in m.indices { m[i][i] += mu * diagonal[i] }
    return choleskySolve(m, rightSide)
  }

  /// The decrease of Σr² that the linearised residuals r + Jᵤ·δ predict
  /// for `step`: 2·δᵀb − δᵀAδ.
  public func predictedDecrease(_ step: [Double]) -> Double {
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
