import RealModule

/// Each function records one node with its derivative at the value; values
/// are `Double`'s own, so a recorded run is bit for bit a `Double` run.
///
/// The guards are those of ``Dual``: `sqrt(0)` and `root(0, n)` have
/// derivative 0, and `pow(x, y)` with `x ≤ 0` has ∂/∂y = 0 (and a guarded
/// ∂/∂x at x = 0).
extension Recorded: ElementaryFunctions {
  /// eˣ; derivative eˣ.
  @inlinable
  public static func exp(_ x: Recorded) -> Recorded {
    let e = Double.exp(x.value)
    return x.applying(value: e, derivative: e)
  }

  /// eˣ − 1; derivative eˣ.
  @inlinable
  public static func expMinusOne(_ x: Recorded) -> Recorded {
    x.applying(value: Double.expMinusOne(x.value), derivative: Double.exp(x.value))
  }

  /// cosh x; derivative sinh x.
  @inlinable
  public static func cosh(_ x: Recorded) -> Recorded {
    x.applying(value: Double.cosh(x.value), derivative: Double.sinh(x.value))
  }

  /// sinh x; derivative cosh x.
  @inlinable
  public static func sinh(_ x: Recorded) -> Recorded {
    x.applying(value: Double.sinh(x.value), derivative: Double.cosh(x.value))
  }

  /// tanh x; derivative 1 − tanh² x.
  @inlinable
  public static func tanh(_ x: Recorded) -> Recorded {
    let t = Double.tanh(x.value)
    return x.applying(value: t, derivative: 1 - t * t)
  }

  /// cos x; derivative −sin x.
  @inlinable
  public static func cos(_ x: Recorded) -> Recorded {
    x.applying(value: Double.cos(x.value), derivative: -Double.sin(x.value))
  }

  /// sin x; derivative cos x.
  @inlinable
  public static func sin(_ x: Recorded) -> Recorded {
    x.applying(value: Double.sin(x.value), derivative: Double.cos(x.value))
  }

  /// tan x; derivative 1 + tan² x.
  @inlinable
  public static func tan(_ x: Recorded) -> Recorded {
    let t = Double.tan(x.value)
    return x.applying(value: t, derivative: 1 + t * t)
  }

  /// log x; derivative 1/x.
  @inlinable
  public static func log(_ x: Recorded) -> Recorded {
    x.applying(value: Double.log(x.value), derivative: 1 / x.value)
  }

  /// log(1 + x); derivative 1/(1 + x).
  @inlinable
  public static func log(onePlus x: Recorded) -> Recorded {
    x.applying(value: Double.log(onePlus: x.value), derivative: 1 / (1 + x.value))
  }

  /// acosh x; derivative 1/√(x² − 1).
  @inlinable
  public static func acosh(_ x: Recorded) -> Recorded {
    x.applying(value: Double.acosh(x.value), derivative: 1 / Double.sqrt(x.value * x.value - 1))
  }

  /// asinh x; derivative 1/√(x² + 1).
  @inlinable
  public static func asinh(_ x: Recorded) -> Recorded {
    x.applying(value: Double.asinh(x.value), derivative: 1 / Double.sqrt(x.value * x.value + 1))
  }

  /// atanh x; derivative 1/(1 − x²).
  @inlinable
  public static func atanh(_ x: Recorded) -> Recorded {
    x.applying(value: Double.atanh(x.value), derivative: 1 / (1 - x.value * x.value))
  }

  /// acos x; derivative −1/√(1 − x²).
  @inlinable
  public static func acos(_ x: Recorded) -> Recorded {
    x.applying(value: Double.acos(x.value), derivative: -1 / Double.sqrt(1 - x.value * x.value))
  }

  /// asin x; derivative 1/√(1 − x²).
  @inlinable
  public static func asin(_ x: Recorded) -> Recorded {
    x.applying(value: Double.asin(x.value), derivative: 1 / Double.sqrt(1 - x.value * x.value))
  }

  /// atan x; derivative 1/(1 + x²).
  @inlinable
  public static func atan(_ x: Recorded) -> Recorded {
    x.applying(value: Double.atan(x.value), derivative: 1 / (1 + x.value * x.value))
  }

  /// xʸ; partials y·xʸ⁻¹ and xʸ·log x, guarded as `Dual`'s: ∂/∂y = 0 for
  /// x ≤ 0, and at x = 0, ∂/∂x = 1 for y = 1 and 0 for y < 1.
  @inlinable
  public static func pow(_ x: Recorded, _ y: Recorded) -> Recorded {
    let power = Double.pow(x.value, y.value)
    // At x = 0 the power rule's x^(y−1) is 0^0 (NaN in swift-numerics) or
    // +∞; take ∂/∂x = 1 at y = 1 and 0 for y < 1, like sqrt at 0.
    let dx: Double =
      x.value == 0 && y.value <= 1
      ? (y.value == 1 ? 1 : 0) : y.value * Double.pow(x.value, y.value - 1)
    let dy = x.value > 0 ? power * Double.log(x.value) : 0
    return combining(x, y, value: power, partials: (dx, dy))
  }

  /// xⁿ for an integer n; derivative n·xⁿ⁻¹ (defined for every x).
  @inlinable
  public static func pow(_ x: Recorded, _ n: Int) -> Recorded {
    let derivative = n == 0 ? 0 : Double(n) * Double.pow(x.value, n - 1)
    return x.applying(value: Double.pow(x.value, n), derivative: derivative)
  }

  /// √x; derivative 1/(2√x), taken as 0 at x = 0.
  @inlinable
  public static func sqrt(_ x: Recorded) -> Recorded {
    let root = Double.sqrt(x.value)
    return x.applying(value: root, derivative: root == 0 ? 0 : 1 / (2 * root))
  }

  /// The n-th root of x; derivative ⁿ√x/(n·x), taken as 0 at x = 0.
  @inlinable
  public static func root(_ x: Recorded, _ n: Int) -> Recorded {
    let r = Double.root(x.value, n)
    return x.applying(value: r, derivative: x.value == 0 ? 0 : r / (Double(n) * x.value))
  }
}
