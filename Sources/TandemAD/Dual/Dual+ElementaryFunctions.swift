import RealModule

/// Each function applies the chain rule with its value and derivative from
/// ``LocalDerivatives``, which documents the guards (`sqrt` and `root` at 0,
/// `pow` with a non-positive base).
extension Dual: ElementaryFunctions {
  /// eˣ.
  @inlinable
  public static func exp(_ x: Dual) -> Dual { x.applying(LocalDerivatives.exp(x.value)) }

  /// eˣ − 1.
  @inlinable
  public static func expMinusOne(_ x: Dual) -> Dual {
    x.applying(LocalDerivatives.expMinusOne(x.value))
  }

  /// cosh x.
  @inlinable
  public static func cosh(_ x: Dual) -> Dual { x.applying(LocalDerivatives.cosh(x.value)) }

  /// sinh x.
  @inlinable
  public static func sinh(_ x: Dual) -> Dual { x.applying(LocalDerivatives.sinh(x.value)) }

  /// tanh x.
  @inlinable
  public static func tanh(_ x: Dual) -> Dual { x.applying(LocalDerivatives.tanh(x.value)) }

  /// cos x.
  @inlinable
  public static func cos(_ x: Dual) -> Dual { x.applying(LocalDerivatives.cos(x.value)) }

  /// sin x.
  @inlinable
  public static func sin(_ x: Dual) -> Dual { x.applying(LocalDerivatives.sin(x.value)) }

  /// tan x.
  @inlinable
  public static func tan(_ x: Dual) -> Dual { x.applying(LocalDerivatives.tan(x.value)) }

  /// log x.
  @inlinable
  public static func log(_ x: Dual) -> Dual { x.applying(LocalDerivatives.log(x.value)) }

  /// log(1 + x).
  @inlinable
  public static func log(onePlus x: Dual) -> Dual {
    x.applying(LocalDerivatives.log(onePlus: x.value))
  }

  /// acosh x.
  @inlinable
  public static func acosh(_ x: Dual) -> Dual { x.applying(LocalDerivatives.acosh(x.value)) }

  /// asinh x.
  @inlinable
  public static func asinh(_ x: Dual) -> Dual { x.applying(LocalDerivatives.asinh(x.value)) }

  /// atanh x.
  @inlinable
  public static func atanh(_ x: Dual) -> Dual { x.applying(LocalDerivatives.atanh(x.value)) }

  /// acos x.
  @inlinable
  public static func acos(_ x: Dual) -> Dual { x.applying(LocalDerivatives.acos(x.value)) }

  /// asin x.
  @inlinable
  public static func asin(_ x: Dual) -> Dual { x.applying(LocalDerivatives.asin(x.value)) }

  /// atan x.
  @inlinable
  public static func atan(_ x: Dual) -> Dual { x.applying(LocalDerivatives.atan(x.value)) }

  /// √x (derivative 0 at 0).
  @inlinable
  public static func sqrt(_ x: Dual) -> Dual { x.applying(LocalDerivatives.sqrt(x.value)) }

  /// The n-th root of x (derivative 0 at 0).
  @inlinable
  public static func root(_ x: Dual, _ n: Int) -> Dual {
    x.applying(LocalDerivatives.root(x.value, n))
  }

  /// xⁿ for an integer n.
  @inlinable
  public static func pow(_ x: Dual, _ n: Int) -> Dual {
    x.applying(LocalDerivatives.pow(x.value, n))
  }

  /// xʸ, with the partials and guards of ``LocalDerivatives/pow(_:_:)-(T,T)``.
  @inlinable
  public static func pow(_ x: Dual, _ y: Dual) -> Dual {
    let (power, partials) = LocalDerivatives.pow(x.value, y.value)
    return combining(x, y, value: power, partials: partials)
  }
}
