/// The Newton step −|H|⁻¹·g for a small symmetric H, where |H| has H's
/// eigenvectors and the absolute values of its eigenvalues ("saddle-free
/// Newton"): the plain Newton step where H is positive definite, and a step
/// that still goes downhill along directions of negative curvature, where
/// plain Newton would climb. Eigenvalues smaller than 1e-8 of the largest
/// are raised to that floor.
func saddleFreeNewtonStep(hessian: [[Double]], gradient: [Double]) -> [Double] {
  let (values, vectors) = symmetricEigenDecomposition(hessian)
  let largest = values.map(abs).max() ?? 0
  guard largest > 0, largest.isFinite else { return gradient.map { -$0 } }
  let floor = 1e-8 * largest
  let n = gradient.count
  var step = [Double](repeating: 0, count: n)
  for k in 0..<n {
    // Component of g along eigenvector k, scaled by 1/|λₖ|.
    var along = 0.0
    for i in 0..<n { along += vectors[i][k] * gradient[i] }
    let scaled = along / max(abs(values[k]), floor)
    for i in 0..<n { step[i] -= scaled * vectors[i][k] }
  }
  return step
}
