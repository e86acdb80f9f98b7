import RealModule

/// The rest of swift-numerics' `ElementaryFunctions` on recorded scalars, so
/// that every function a ``Dual`` supports can also be differentiated in
/// reverse mode. Each value is the one `T`'s own function computes, and each
/// derivative is the one ``Dual`` uses, guards included (`root` has
/// derivative 0 at 0).
extension Traced {
  /// eˣ − 1; derivative eˣ.
  @inlinable
  public static func expMinusOne(_ x: Traced) -> Traced {
    x.applying(value: T.expMinusOne(x.value), derivative: T.exp(x.value))
  }

  /// log(1 + x); derivative 1/(1 + x).
  @inlinable
  public static func log(onePlus x: Traced) -> Traced {
    x.applying(value: T.log(onePlus: x.value), derivative: 1 / (1 + x.value))
  }

  /// sinh x; derivative cosh x.
  @inlinable
  public static func sinh(_ x: Traced) -> Traced {
    x.applying(value: T.sinh(x.value), derivative: T.cosh(x.value))
  }

  /// cosh x; derivative sinh x.
  @inlinable
  public static func cosh(_ x: Traced) -> Traced {
    x.applying(value: T.cosh(x.value), derivative: T.sinh(x.value))
  }

  /// asin x; derivative 1/√(1 − x²).
  @inlinable
  public static func asin(_ x: Traced) -> Traced {
    x.applying(value: T.asin(x.value), derivative: 1 / T.sqrt(1 - x.value * x.value))
  }

  /// acos x; derivative −1/√(1 − x²).
  @inlinable
  public static func acos(_ x: Traced) -> Traced {
    x.applying(value: T.acos(x.value), derivative: -1 / T.sqrt(1 - x.value * x.value))
  }

  /// atan x; derivative 1/(1 + x²).
  @inlinable
  public static func atan(_ x: Traced) -> Traced {
    x.applying(value: T.atan(x.value), derivative: 1 / (1 + x.value * x.value))
  }

  /// asinh x; derivative 1/√(x² + 1).
  @inlinable
  public static func asinh(_ x: Traced) -> Traced {
    x.applying(value: T.asinh(x.value), derivative: 1 / T.sqrt(x.value * x.value + 1))
  }

  /// acosh x; derivative 1/√(x² − 1).
  @inlinable
  public static func acosh(_ x: Traced) -> Traced {
    x.applying(value: T.acosh(x.value), derivative: 1 / T.sqrt(x.value * x.value - 1))
  }

  /// atanh x; derivative 1/(1 − x²).
  @inlinable
  public static func atanh(_ x: Traced) -> Traced {
    x.applying(value: T.atanh(x.value), derivative: 1 / (1 - x.value * x.value))
  }

  /// The n-th root of x; derivative ⁿ√x/(n·x), taken as 0 at x = 0.
  @inlinable
  public static func root(_ x: Traced, _ n: Int) -> Traced {
    let r = T.root(x.value, n)
    let derivative = x.value == .zero ? T.zero : r / (T(Double(n)) * x.value)
    return x.applying(value: r, derivative: derivative)
  }
}
