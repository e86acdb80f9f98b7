import RealModule

/// Each function applies the chain rule with its derivative at the value.
///
/// Guards, where the derivative is undefined or infinite at a point that
/// physical code reaches in practice:
/// - `sqrt(0)` and `root(0, n)` get derivative 0 (not +∞, which would turn a
///   zero tangent into NaN);
/// - `pow(x, y)` with `x ≤ 0` gets ∂/∂y = 0 (the real limit at x = 0 for
///   y > 0; for x < 0 the power is only real at integer y, where it is not
///   differentiable in y), instead of NaN from `log(x)`; and at x = 0,
///   ∂/∂x = y·xʸ⁻¹ is taken as 1 for y = 1 and 0 for y < 1 (like `sqrt`),
///   instead of NaN from 0⁰ or from 0·∞ when x carries no tangent. (For
///   x < 0 swift-numerics defines xʸ as NaN, so the value is NaN anyway.)
extension Dual: ElementaryFunctions {
  /// eˣ; derivative eˣ.
  @inlinable
  public static func exp(_ x: Dual) -> Dual {
    let e = T.exp(x.value)
    return x.applying(value: e, derivative: e)
  }

  /// eˣ − 1; derivative eˣ.
  @inlinable
  public static func expMinusOne(_ x: Dual) -> Dual {
    x.applying(value: T.expMinusOne(x.value), derivative: T.exp(x.value))
  }

  /// cosh x; derivative sinh x.
  @inlinable
  public static func cosh(_ x: Dual) -> Dual {
    x.applying(value: T.cosh(x.value), derivative: T.sinh(x.value))
  }

  /// sinh x; derivative cosh x.
  @inlinable
  public static func sinh(_ x: Dual) -> Dual {
    x.applying(value: T.sinh(x.value), derivative: T.cosh(x.value))
  }

  /// tanh x; derivative 1 − tanh² x.
  @inlinable
  public static func tanh(_ x: Dual) -> Dual {
    let t = T.tanh(x.value)
    return x.applying(value: t, derivative: 1 - t * t)
  }

  /// cos x; derivative −sin x.
  @inlinable
  public static func cos(_ x: Dual) -> Dual {
    x.applying(value: T.cos(x.value), derivative: -T.sin(x.value))
  }

  /// sin x; derivative cos x.
  @inlinable
  public static func sin(_ x: Dual) -> Dual {
    x.applying(value: T.sin(x.value), derivative: T.cos(x.value))
  }

  /// tan x; derivative 1 + tan² x.
  @inlinable
  public static func tan(_ x: Dual) -> Dual {
    let t = T.tan(x.value)
    return x.applying(value: t, derivative: 1 + t * t)
  }

  /// log x; derivative 1/x.
  @inlinable
  public static func log(_ x: Dual) -> Dual {
    x.applying(value: T.log(x.value), derivative: 1 / x.value)
  }

  /// log(1 + x); derivative 1/(1 + x).
  @inlinable
  public static func log(onePlus x: Dual) -> Dual {
    x.applying(value: T.log(onePlus: x.value), derivative: 1 / (1 + x.value))
  }

  /// acosh x; derivative 1/√(x² − 1).
  @inlinable
  public static func acosh(_ x: Dual) -> Dual {
    x.applying(value: T.acosh(x.value), derivative: 1 / T.sqrt(x.value * x.value - 1))
  }

  /// asinh x; derivative 1/√(x² + 1).
  @inlinable
  public static func asinh(_ x: Dual) -> Dual {
    x.applying(value: T.asinh(x.value), derivative: 1 / T.sqrt(x.value * x.value + 1))
  }

  /// atanh x; derivative 1/(1 − x²).
  @inlinable
  public static func atanh(_ x: Dual) -> Dual {
    x.applying(value: T.atanh(x.value), derivative: 1 / (1 - x.value * x.value))
  }

  /// acos x; derivative −1/√(1 − x²).
  @inlinable
  public static func acos(_ x: Dual) -> Dual {
    x.applying(value: T.acos(x.value), derivative: -1 / T.sqrt(1 - x.value * x.value))
  }

  /// asin x; derivative 1/√(1 − x²).
  @inlinable
  public static func asin(_ x: Dual) -> Dual {
    x.applying(value: T.asin(x.value), derivative: 1 / T.sqrt(1 - x.value * x.value))
  }

  /// atan x; derivative 1/(1 + x²).
  @inlinable
  public static func atan(_ x: Dual) -> Dual {
    x.applying(value: T.atan(x.value), derivative: 1 / (1 + x.value * x.value))
  }

  /// xʸ; partials y·xʸ⁻¹ and xʸ·log x, guarded at x ≤ 0 (see above).
  @inlinable
  public static func pow(_ x: Dual, _ y: Dual) -> Dual {
    let power = T.pow(x.value, y.value)
    // At x = 0 the power rule's x^(y−1) is 0^0 (NaN in swift-numerics) or
    // +∞; take ∂/∂x = 1 at y = 1 and 0 for y < 1, like sqrt at 0.
    let dx: T =
      x.value == .zero && y.value <= 1
      ? (y.value == 1 ? 1 : 0) : y.value * T.pow(x.value, y.value - 1)
    let dy = x.value > .zero ? power * T.log(x.value) : .zero
    return Dual(power, tangents: InlineArray { i in x.tangents[i] * dx + y.tangents[i] * dy })
  }

  /// xⁿ for an integer n; derivative n·xⁿ⁻¹ (defined for every x).
  @inlinable
  public static func pow(_ x: Dual, _ n: Int) -> Dual {
    let derivative = n == 0 ? T.zero : T(Double(n)) * T.pow(x.value, n - 1)
    return x.applying(value: T.pow(x.value, n), derivative: derivative)
  }

  /// √x; derivative 1/(2√x), taken as 0 at x = 0.
  @inlinable
  public static func sqrt(_ x: Dual) -> Dual {
    let root = T.sqrt(x.value)
    guard root != .zero else { return Dual(constant: root) }
    return x.applying(value: root, derivative: 1 / (2 * root))
  }

  /// The n-th root of x; derivative ⁿ√x/(n·x), taken as 0 at x = 0.
  @inlinable
  public static func root(_ x: Dual, _ n: Int) -> Dual {
    let r = T.root(x.value, n)
    guard x.value != .zero else { return Dual(constant: r) }
    return x.applying(value: r, derivative: r / (T(Double(n)) * x.value))
  }
}
