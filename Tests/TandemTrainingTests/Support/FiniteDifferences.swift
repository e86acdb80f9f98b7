/// Gradients by finite differences, the independent reference the tape
/// nodes' tests check against (a copy of the part of TandemADTests' helper
/// those tests use).
///
/// The five-point central stencil
/// f′(x) ≈ [8(f(x+h) − f(x−h)) − (f(x+2h) − f(x−2h))] / 12h
/// with h = 10⁻³·max(1, |x|) has truncation and rounding errors around
/// 10⁻¹² for smooth functions, far inside the tests' 10⁻⁶.
enum FiniteDifference {
  /// The step for a point of magnitude |x|.
  static func step(at x: Double) -> Double { 1e-3 * max(1, abs(x)) }

  /// f′(x) by the five-point central stencil.
  static func derivative(at x: Double, of f: (Double) -> Double) -> Double {
    let h = step(at: x)
    let near = f(x + h) - f(x - h)
    let far = f(x + 2 * h) - f(x - 2 * h)
    return (8 * near - far) / (12 * h)
  }

  /// ∇f(x) by the five-point stencil along each coordinate.
  static func gradient(at x: [Double], of f: ([Double]) -> Double) -> [Double] {
    x.indices.map { i in
      derivative(at: x[i]) { xi in
        var moved = x
        moved[i] = xi
        return f(moved)
      }
    }
  }
}
