import RealModule

extension Recorded: Scalar {
  /// A constant from a `Double`.
  @inlinable
  public init(_ value: Double) { self.init(constant: value) }

  /// The value.
  @inlinable
  public var doubleValue: Double { value }

  /// A constant with this value: no derivative flows through it in any mode.
  ///
  /// `Recorded` carries no tangents, but a process that truncates its
  /// horizon with ``stopTangent(_:)`` means "treat this as a constant"; so
  /// that backpropagation through that process computes the same truncated
  /// derivative as forward mode does, the truncation stops adjoints here.
  @inlinable
  public var tangentStopped: Recorded { Recorded(constant: value) }

  /// `atan2(y, x)`; partials `x/(x²+y²)` and `−y/(x²+y²)`, taken as zero at
  /// the origin where they are undefined (as `Dual`).
  @inlinable
  public static func atan2(y: Recorded, x: Recorded) -> Recorded {
    let radiusSquared = x.value * x.value + y.value * y.value
    let angle = Double.atan2(y: y.value, x: x.value)
    guard radiusSquared != 0 else { return Recorded(constant: angle) }
    return combining(
      y, x, value: angle, partials: (x.value / radiusSquared, -y.value / radiusSquared))
  }

  /// `hypot(x, y)`; partials `x/h` and `y/h`, taken as zero at the origin
  /// (as `Dual`).
  @inlinable
  public static func hypot(_ x: Recorded, _ y: Recorded) -> Recorded {
    let h = Double.hypot(x.value, y.value)
    guard h != 0 else { return Recorded(constant: h) }
    return combining(x, y, value: h, partials: (x.value / h, y.value / h))
  }
}
