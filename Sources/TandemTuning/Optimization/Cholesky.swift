/// Solves A·x = b for a small symmetric positive definite A by Cholesky
/// factorisation; `nil` when A is not positive definite.
func solvePositiveDefinite(_ a: [[Double]], _ b: [Double]) -> [Double]? {
  let n = b.count
  var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
  for i in 0..<n {
    for j in 0...i {
      var sum = a[i][j]
      for k in 0..<j { sum -= l[i][k] * l[j][k] }
      if i == j {
        guard sum > 0, sum.isFinite else { return nil }
        l[i][i] = sum.squareRoot()
      } else {
        l[i][j] = sum / l[j][j]
      }
    }
  }
  var y = [Double](repeating: 0, count: n)
  for i in 0..<n {
    var sum = b[i]
    for k in 0..<i { sum -= l[i][k] * y[k] }
    y[i] = sum / l[i][i]
  }
  var x = [Double](repeating: 0, count: n)
  for i in stride(from: n - 1, through: 0, by: -1) {
    var sum = y[i]
    for k in (i + 1)..<n { sum -= l[k][i] * x[k] }
    x[i] = sum / l[i][i]
  }
  return x
}
