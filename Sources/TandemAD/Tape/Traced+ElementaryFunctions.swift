import RealModule

/// Elementary functions of recorded scalars, named as in swift-numerics'
/// `ElementaryFunctions`, each recording one node with its value and
/// derivative from ``LocalDerivatives`` (which documents the guards).
extension Traced {
  /// eˣ.
  @inlinable
  public static func exp(_ x: Traced) -> Traced { x.applying(LocalDerivatives.exp(x.value)) }

  /// eˣ − 1.
  @inlinable
  public static func expMinusOne(_ x: Traced) -> Traced {
    x.applying(LocalDerivatives.expMinusOne(x.value))
  }

  /// cosh x.
  @inlinable
  public static func cosh(_ x: Traced) -> Traced { x.applying(LocalDerivatives.cosh(x.value)) }

  /// sinh x.
  @inlinable
  public static func sinh(_ x: Traced) -> Traced { x.applying(LocalDerivatives.sinh(x.value)) }

  /// tanh x.
  @inlinable
  public static func tanh(_ x: Traced) -> Traced { x.applying(LocalDerivatives.tanh(x.value)) }

  /// cos x.
  @inlinable
  public static func cos(_ x: Traced) -> Traced { x.applying(LocalDerivatives.cos(x.value)) }

  /// sin x.
  @inlinable
  public static func sin(_ x: Traced) -> Traced { x.applying(LocalDerivatives.sin(x.value)) }

  /// tan x.
  @inlinable
  public static func tan(_ x: Traced) -> Traced { x.applying(LocalDerivatives.tan(x.value)) }

  /// log x.
  @inlinable
  public static func log(_ x: Traced) -> Traced { x.applying(LocalDerivatives.log(x.value)) }

  /// log(1 + x).
  @inlinable
  public static func log(onePlus x: Traced) -> Traced {
    x.applying(LocalDerivatives.log(onePlus: x.value))
  }

  /// acosh x.
  @inlinable
  public static func acosh(_ x: Traced) -> Traced { x.applying(LocalDerivatives.acosh(x.value)) }

  /// asinh x.
  @inlinable
  public static func asinh(_ x: Traced) -> Traced { x.applying(LocalDerivatives.asinh(x.value)) }

  /// atanh x.
  @inlinable
  public static func atanh(_ x: Traced) -> Traced { x.applying(LocalDerivatives.atanh(x.value)) }

  /// acos x.
  @inlinable
  public static func acos(_ x: Traced) -> Traced { x.applying(LocalDerivatives.acos(x.value)) }

  /// asin x.
  @inlinable
  public static func asin(_ x: Traced) -> Traced { x.applying(LocalDerivatives.asin(x.value)) }

  /// atan x.
  @inlinable
  public static func atan(_ x: Traced) -> Traced { x.applying(LocalDerivatives.atan(x.value)) }

  /// √x (derivative 0 at 0).
  @inlinable
  public static func sqrt(_ x: Traced) -> Traced { x.applying(LocalDerivatives.sqrt(x.value)) }

  /// The n-th root of x (derivative 0 at 0).
  @inlinable
  public static func root(_ x: Traced, _ n: Int) -> Traced {
    x.applying(LocalDerivatives.root(x.value, n))
  }

  /// xⁿ for an integer n.
  @inlinable
  public static func pow(_ x: Traced, _ n: Int) -> Traced {
    x.applying(LocalDerivatives.pow(x.value, n))
  }

  /// x².
  @inlinable
  public static func square(_ x: Traced) -> Traced { x.applying(LocalDerivatives.square(x.value)) }

  /// xʸ, with ∂/∂y = 0 where x ≤ 0.
  @inlinable
  public static func pow(_ x: Traced, _ y: Traced) -> Traced {
    let (power, partials) = LocalDerivatives.pow(x.value, y.value)
    return combining(x, y, value: power, partials: partials)
  }

  /// atan2(y, x), with zero partials at the origin.
  @inlinable
  public static func atan2(y: Traced, x: Traced) -> Traced {
    let (angle, partials) = LocalDerivatives.atan2(y: y.value, x: x.value)
    return combining(y, x, value: angle, partials: partials)
  }

  /// √(x² + y²), with zero partials at the origin.
  @inlinable
  public static func hypot(_ x: Traced, _ y: Traced) -> Traced {
    let (h, partials) = LocalDerivatives.hypot(x.value, y.value)
    return combining(x, y, value: h, partials: partials)
  }
}
