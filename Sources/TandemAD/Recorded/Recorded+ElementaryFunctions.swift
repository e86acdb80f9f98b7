import RealModule

/// Each function records one node with its value and derivative from
/// ``LocalDerivatives`` (which documents the guards); values are `Double`'s
/// own, so a recorded run is bit for bit a `Double` run.
extension Recorded: ElementaryFunctions {
  /// eˣ.
  @inlinable
  public static func exp(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.exp(x.value)) }

  /// eˣ − 1.
  @inlinable
  public static func expMinusOne(_ x: Recorded) -> Recorded {
    x.applying(LocalDerivatives.expMinusOne(x.value))
  }

  /// cosh x.
  @inlinable
  public static func cosh(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.cosh(x.value)) }

  /// sinh x.
  @inlinable
  public static func sinh(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.sinh(x.value)) }

  /// tanh x.
  @inlinable
  public static func tanh(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.tanh(x.value)) }

  /// cos x.
  @inlinable
  public static func cos(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.cos(x.value)) }

  /// sin x.
  @inlinable
  public static func sin(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.sin(x.value)) }

  /// tan x.
  @inlinable
  public static func tan(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.tan(x.value)) }

  /// log x.
  @inlinable
  public static func log(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.log(x.value)) }

  /// log(1 + x).
  @inlinable
  public static func log(onePlus x: Recorded) -> Recorded {
    x.applying(LocalDerivatives.log(onePlus: x.value))
  }

  /// acosh x.
  @inlinable
  public static func acosh(_ x: Recorded) -> Recorded {
    x.applying(LocalDerivatives.acosh(x.value))
  }

  /// asinh x.
  @inlinable
  public static func asinh(_ x: Recorded) -> Recorded {
    x.applying(LocalDerivatives.asinh(x.value))
  }

  /// atanh x.
  @inlinable
  public static func atanh(_ x: Recorded) -> Recorded {
    x.applying(LocalDerivatives.atanh(x.value))
  }

  /// acos x.
  @inlinable
  public static func acos(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.acos(x.value)) }

  /// asin x.
  @inlinable
  public static func asin(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.asin(x.value)) }

  /// atan x.
  @inlinable
  public static func atan(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.atan(x.value)) }

  /// √x (derivative 0 at 0).
  @inlinable
  public static func sqrt(_ x: Recorded) -> Recorded { x.applying(LocalDerivatives.sqrt(x.value)) }

  /// The n-th root of x (derivative 0 at 0).
  @inlinable
  public static func root(_ x: Recorded, _ n: Int) -> Recorded {
    x.applying(LocalDerivatives.root(x.value, n))
  }

  /// xⁿ for an integer n.
  @inlinable
  public static func pow(_ x: Recorded, _ n: Int) -> Recorded {
    x.applying(LocalDerivatives.pow(x.value, n))
  }

  /// xʸ, with the partials and guards of ``LocalDerivatives``.
  @inlinable
  public static func pow(_ x: Recorded, _ y: Recorded) -> Recorded {
    let (power, partials) = LocalDerivatives.pow(x.value, y.value)
    return combining(x, y, value: power, partials: partials)
  }
}
