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

  /// `atan2(y, x)`; partials `x/(x²+y²)` and `−y/(x²+y²)`, taken as zero at
  /// the origin where they are undefined.
  @inlinable
  public static func atan2(y: Dual, x: Dual) -> Dual {
    let radiusSquared = x.value * x.value + y.value * y.value
    let angle = T.atan2(y: y.value, x: x.value)
    guard radiusSquared != .zero else { return Dual(constant: angle) }
    let dy = x.value / radiusSquared
    let dx = -y.value / radiusSquared
    return Dual(angle, tangents: InlineArray { i in y.tangents[i] * dy + x.tangents[i] * dx })
  }

  /// `hypot(x, y)`; partials `x/h` and `y/h`, taken as zero at the origin
  /// (where the function has a cone point) so that zero-length springs and
  /// coincident particles give zero, not NaN, derivatives.
  @inlinable
  public static func hypot(_ x: Dual, _ y: Dual) -> Dual {
    let h = T.hypot(x.value, y.value)
    guard h != .zero else { return Dual(constant: h) }
    let dx = x.value / h
    let dy = y.value / h
    return Dual(h, tangents: InlineArray { i in x.tangents[i] * dx + y.tangents[i] * dy })
  }
}
