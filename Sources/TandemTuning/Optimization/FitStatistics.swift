/// What a least-squares fit says about its parameters: standard errors,
/// correlations, and the directions the data do not determine.
///
/// From the residuals r (m of them) and their Jacobian J at the fitted
/// values, for P tuned parameters:
/// - the residual variance σ̂² = Σr² / (m − P);
/// - the covariance σ̂²·(JᵀJ)⁻¹, whose diagonal's roots are the standard
///   errors and whose scaled entries are the correlations;
/// - the eigenvalues of the *scaled* JᵀJ, D^(-1/2)·JᵀJ·D^(-1/2) with D its
///   diagonal (so the units of the parameters drop out, and the matrix is
///   1 on its diagonal): an eigenvalue below ``threshold`` times the largest
///   is a direction along which the residuals hardly change, so the data
///   cannot tell the parameters apart along it. A stiffness k and a mass m
///   that enter only as k/m give such a direction, ∝ (k, m).
///
/// The inverse is taken on the determined directions only (a pseudo-inverse
/// of the scaled matrix): a parameter with a part along an undetermined
/// direction has no standard error (`nil`), and no correlations.
public struct FitStatistics: Sendable {
  /// A direction in parameter space that the data do not determine.
  public struct Direction: Sendable {
    /// Its eigenvalue of the scaled JᵀJ.
    public var eigenvalue: Double
    /// The relative change of each parameter along it, δvalue/|value|
    /// (δvalue where the value is 0), normalised to length 1, in the
    /// tuner's order; the sign of the whole is arbitrary.
    public var relativeChange: [Double]
    /// The positions (in the tuner's order) of the parameters with a
    /// visible part in it (at least 1% of the largest), largest first.
    public var involved: [Int]
  }

  /// The number of residuals, m.
  public var residualCount: Int
  /// The number of tuned parameters, P.
  public var parameterCount: Int
  /// Σr² at the fitted values.
  public var residualSumOfSquares: Double
  /// σ̂² = Σr² / (m − P); `nil` when m ≤ P.
  public var residualVariance: Double?
  /// Each parameter's standard error; `nil` where it is not determined
  /// (or m ≤ P).
  public var standardErrors: [Double?]
  /// The correlation matrix, in the tuner's order; `nil` entries for
  /// parameters that are not determined.
  public var correlation: [[Double?]]
  /// The eigenvalues of the scaled JᵀJ, largest first.
  public var eigenvalues: [Double]
  /// The directions the data do not determine.
  public var unidentifiable: [Direction]
  /// Eigenvalues below this fraction of the largest count as undetermined.
  public var threshold: Double

  /// The statistics of a fit ending at `point`, with the parameters'
  /// `values` (in the tuner's order).
  public init(point: ResidualJacobian, values: [Double], threshold: Double = 1e-8) {
    let (m, n) = (point.residuals.count, point.columns)
    precondition(values.count == n, "one value per tuned parameter")
    residualCount = m
    parameterCount = n
    self.threshold = threshold
    residualSumOfSquares = point.loss
    residualVariance = m > n ? point.loss / Double(m - n) : nil
    let a = point.normalMatrix
    let scale = (0..<n).map { a[$0][$0].squareRoot() }
    let scaled = (0..<n).map { i in
      (0..<n).map { j in scale[i] > 0 && scale[j] > 0 ? a[i][j] / (scale[i] * scale[j]) : 0 }
    }
    let (eigen, vectors) = symmetricEigenDecomposition(scaled)
    let order = eigen.indices.sorted { eigen[$0] > eigen[$1] }
    eigenvalues = order.map { eigen[$0] }
    let largest = max(eigenvalues.first ?? 0, 0)
    var determined: [Int] = []
    var undetermined: [Direction] = []
    for k in order {
      if largest > 0 && eigen[k] > threshold * largest {
        determined.append(k)
        continue
      }
      // δvalue_j = v_j / scale_j, then relative to the value.
      var change = (0..<n).map { j -> Double in
        let v = vectors[j][k]
        let absolute = scale[j] > 0 ? v / scale[j] : v
        return values[j] != 0 ? absolute / abs(values[j]) : absolute
      }
      let length = change.reduce(0) { $0 + $1 * $1 }.squareRoot()
      if length > 0 { change = change.map { $0 / length } }
      let biggest = change.map(abs).max() ?? 0
      let involved = (0..<n).filter { abs(change[$0]) >= 0.01 * biggest }
        .sorted { abs(change[$0]) > abs(change[$1]) }
      undetermined.append(
        Direction(eigenvalue: eigen[k], relativeChange: change, involved: involved))
    }
    unidentifiable = undetermined
    // A parameter with no part in the undetermined directions is determined.
    var free = [Bool](repeating: true, count: n)
    for j in 0..<n where scale[j] == 0 { free[j] = false }
    for k in order where !determined.contains(k) {
      for j in 0..<n where abs(vectors[j][k]) > 1e-6 { free[j] = false }
    }
    // Covariance σ̂²·D^(-1/2)·S⁺·D^(-1/2), S⁺ over the determined directions.
    var covariance = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n where free[i] {
      for j in 0..<n where free[j] {
        var sum = 0.0
        for k in determined { sum += vectors[i][k] * vectors[j][k] / eigen[k] }
        covariance[i][j] = sum / (scale[i] * scale[j])
      }
    }
    let variance = residualVariance
    standardErrors = (0..<n).map { j in
      guard free[j], let variance else { return nil }
      return (variance * covariance[j][j]).squareRoot()
    }
    correlation = (0..<n).map { i in
      (0..<n).map { j -> Double? in
        guard free[i], free[j], covariance[i][i] > 0, covariance[j][j] > 0 else { return nil }
        return covariance[i][j] / (covariance[i][i] * covariance[j][j]).squareRoot()
      }
    }
  }
}
