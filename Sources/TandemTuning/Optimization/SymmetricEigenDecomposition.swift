/// Eigenvalues and eigenvectors (as the columns of the second result) of a
/// small symmetric matrix, by cyclic Jacobi rotations.
func symmetricEigenDecomposition(_ matrix: [[Double]]) -> (values: [Double], vectors: [[Double]]) {
  let n = matrix.count
  var a = matrix
  var v = (0..<n).map { i in (0..<n).map { j in i == j ? 1.0 : 0.0 } }
  for _ in 0..<100 {
    var offDiagonal = 0.0
    for i in 0..<n { for j in (i + 1)..<n { offDiagonal += a[i][j] * a[i][j] } }
    if offDiagonal < 1e-30 { break }
    for p in 0..<n {
      for q in (p + 1)..<n where a[p][q] != 0 {
        let theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
        let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
        let c = 1 / (t * t + 1).squareRoot()
        let s = t * c
        for k in 0..<n {
          let (akp, akq) = (a[k][p], a[k][q])
          a[k][p] = c * akp - s * akq
          a[k][q] = s * akp + c * akq
        }
        for k in 0..<n {
          let (apk, aqk) = (a[p][k], a[q][k])
          a[p][k] = c * apk - s * aqk
          a[q][k] = s * apk + c * aqk
        }
        for k in 0..<n {
          let (vkp, vkq) = (v[k][p], v[k][q])
          v[k][p] = c * vkp - s * vkq
          v[k][q] = s * vkp + c * vkq
        }
      }
    }
  }
  return ((0..<n).map { a[$0][$0] }, v)
}
