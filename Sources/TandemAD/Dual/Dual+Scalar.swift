import RealModule

extension Dual: Scalar {
  /// A constant from a `Double`.
  @inlinable
  public init(_ value: Double) { self.init(constant: T(value)) }

  /// The innermost `Double` value.
  @inlinable
  public var doubleValue: Double { value.doubleValue }

  /// The value with its own tangents, and those of every nested level, zeroed.
  @inlinable
  public var tangentStopped: Dual { Dual(constant: value.tangentStopped) }

  /// `atan2(y, x)`, with the partials of ``LocalDerivatives/atan2(y:x:)``
  /// (zero at the origin, where they are undefined).
  @inlinable
  public static func atan2(y: Dual, x: Dual) -> Dual {
    let (angle, partials) = LocalDerivatives.atan2(y: y.value, x: x.value)
    return combining(y, x, value: angle, partials: partials)
  }

  /// `hypot(x, y)`, with the partials of ``LocalDerivatives/hypot(_:_:)``
  /// (zero at the origin, so a zero-length difference, such as coincident
  /// points, gives zero, not NaN, derivatives).
  @inlinable
  public static func hypot(_ x: Dual, _ y: Dual) -> Dual {
    let (h, partials) = LocalDerivatives.hypot(x.value, y.value)
    return combining(x, y, value: h, partials: partials)
  }
}
