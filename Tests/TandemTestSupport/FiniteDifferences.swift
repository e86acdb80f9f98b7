/// Derivatives by finite differences: the independent reference the AD
/// results of every test target are checked against.
///
/// The five-point central stencil
/// f′(x) ≈ [8(f(x+h) − f(x−h)) − (f(x+2h) − f(x−2h))] / 12h
/// has truncation error h⁴·f⁽⁵⁾/30 and rounding error ≈ ε·|f|/h; with
/// h = 10⁻³·max(1, |x|) both are around 10⁻¹² for the smooth functions
/// tested here, so a tolerance of 10⁻⁷ relative leaves a wide margin while
/// still catching any wrong derivative formula.
public enum FiniteDifference {
  /// The step for a point of magnitude |x|.
  public static func step(at x: Double) -> Double { 1e-3 * max(1, abs(x)) }

  /// f′(x) by the five-point central stencil.
  public static func derivative(at x: Double, of f: (Double) -> Double) -> Double {
    let h = step(at: x)
    let near = f(x + h) - f(x - h)
    let far = f(x + 2 * h) - f(x - 2 * h)
    return (8 * near - far) / (12 * h)
  }

  /// ∇f(x) by the five-point stencil along each coordinate.
  public static func gradient(at x: [Double], of f: ([Double]) -> Double) -> [Double] {
    x.indices.map { i in
      derivative(at: x[i]) { xi in
        var moved = x
        moved[i] = xi
        return f(moved)
      }
    }
  }

  /// The Jacobian of a vector function: `result[i][j]` = ∂fᵢ/∂xⱼ.
  public static func jacobian(at x: [Double], of f: ([Double]) -> [Double]) -> [[Double]] {
    let columns = x.indices.map { j in
      derivativeOfVector(at: x[j]) { xj in
        var moved = x
        moved[j] = xj
        return f(moved)
      }
    }
    let outputs = columns.first?.count ?? 0
    return (0..<outputs).map { i in columns.map { $0[i] } }
  }

  /// d/dx of each component of a vector function of one variable.
  public static func derivativeOfVector(at x: Double, of f: (Double) -> [Double]) -> [Double] {
    let h = step(at: x)
    let (p1, m1, p2, m2) = (f(x + h), f(x - h), f(x + 2 * h), f(x - 2 * h))
    return p1.indices.map { i in (8 * (p1[i] - m1[i]) - (p2[i] - m2[i])) / (12 * h) }
  }
}

/// Whether `actual` is within `relative · max(1, |expected|)` of `expected`.
///
/// Compares plain `Double`s: callers pass tangents and adjoints explicitly,
/// never a `Dual` (whose `==` looks at the primal only, which would make an
/// approximate comparison that starts with `==` pass on wrong tangents).
public func isClose(_ actual: Double, _ expected: Double, relative: Double = 1e-7) -> Bool {
  abs(actual - expected) <= relative * max(1, abs(expected))
}

/// Whether two results of different AD modes agree: relative to the larger
/// magnitude, with a floor of `floor` for values near zero.
public func agree(_ a: Double, _ b: Double, relative: Double = 1e-10, floor: Double = 1e-3) -> Bool
{
  abs(a - b) <= relative * max(abs(a), abs(b), floor)
}
