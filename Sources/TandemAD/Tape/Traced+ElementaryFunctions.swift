import RealModule

/// Elementary functions of recorded scalars, named as in swift-numerics'
/// `ElementaryFunctions`. The guards of ``Dual`` apply here too: the
/// derivative of `sqrt` at 0 and of `hypot` and `atan2` at the origin is taken
/// as 0, and `pow(x, y)` with `x ≤ 0` has ∂/∂y = 0 (and a guarded ∂/∂x at 0).
extension Traced {
  /// eˣ.
  @inlinable
  public static func exp(_ x: Traced) -> Traced {
    let e = T.exp(x.value)
    return x.applying(value: e, derivative: e)
  }

  /// log x.
  @inlinable
  public static func log(_ x: Traced) -> Traced {
    x.applying(value: T.log(x.value), derivative: 1 / x.value)
  }

  /// sin x.
  @inlinable
  public static func sin(_ x: Traced) -> Traced {
    x.applying(value: T.sin(x.value), derivative: T.cos(x.value))
  }

  /// cos x.
  @inlinable
  public static func cos(_ x: Traced) -> Traced {
    x.applying(value: T.cos(x.value), derivative: -T.sin(x.value))
  }

  /// tan x.
  @inlinable
  public static func tan(_ x: Traced) -> Traced {
    let t = T.tan(x.value)
    return x.applying(value: t, derivative: 1 + t * t)
  }

  /// tanh x.
  @inlinable
  public static func tanh(_ x: Traced) -> Traced {
    let t = T.tanh(x.value)
    return x.applying(value: t, derivative: 1 - t * t)
  }

  /// √x, with derivative 0 at x = 0.
  @inlinable
  public static func sqrt(_ x: Traced) -> Traced {
    let root = T.sqrt(x.value)
    return x.applying(value: root, derivative: root == .zero ? .zero : 1 / (2 * root))
  }

  /// x².
  @inlinable
  public static func square(_ x: Traced) -> Traced {
    x.applying(value: x.value * x.value, derivative: 2 * x.value)
  }

  /// xⁿ for an integer n.
  @inlinable
  public static func pow(_ x: Traced, _ n: Int) -> Traced {
    let derivative = n == 0 ? T.zero : T(Double(n)) * T.pow(x.value, n - 1)
    return x.applying(value: T.pow(x.value, n), derivative: derivative)
  }

  /// xʸ, with ∂/∂y = 0 where x ≤ 0 and, at x = 0, ∂/∂x = 1 for y = 1 and 0
  /// for y < 1 (the guards of ``Dual``).
  @inlinable
  public static func pow(_ x: Traced, _ y: Traced) -> Traced {
    let power = T.pow(x.value, y.value)
    // At x = 0 the power rule's x^(y−1) is 0^0 (NaN in swift-numerics) or
    // +∞; take ∂/∂x = 1 at y = 1 and 0 for y < 1, like sqrt at 0.
    let dx: T =
      x.value == .zero && y.value <= 1
      ? (y.value == 1 ? 1 : 0) : y.value * T.pow(x.value, y.value - 1)
    let dy = x.value > .zero ? power * T.log(x.value) : .zero
    return combining(x, y, value: power, partials: (dx, dy))
  }

  /// atan2(y, x), with zero partials at the origin.
  @inlinable
  public static func atan2(y: Traced, x: Traced) -> Traced {
    let radiusSquared = x.value * x.value + y.value * y.value
    let angle = T.atan2(y: y.value, x: x.value)
    guard radiusSquared != .zero else { return combining(y, x, value: angle, partials: (.zero, .zero)) }
    return combining(y, x, value: angle, partials: (x.value / radiusSquared, -y.value / radiusSquared))
  }

  /// √(x² + y²), with zero partials at the origin.
  @inlinable
  public static func hypot(_ x: Traced, _ y: Traced) -> Traced {
    let h = T.hypot(x.value, y.value)
    guard h != .zero else { return combining(x, y, value: h, partials: (.zero, .zero)) }
    return combining(x, y, value: h, partials: (x.value / h, y.value / h))
  }
}
