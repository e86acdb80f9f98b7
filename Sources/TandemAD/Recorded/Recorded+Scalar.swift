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

  /// `atan2(y, x)`, with the partials of ``LocalDerivatives/atan2(y:x:)``.
  @inlinable
  public static func atan2(y: Recorded, x: Recorded) -> Recorded {
    let (angle, partials) = LocalDerivatives.atan2(y: y.value, x: x.value)
    return combining(y, x, value: angle, partials: partials)
  }

  /// `hypot(x, y)`, with the partials of ``LocalDerivatives/hypot(_:_:)``.
  @inlinable
  public static func hypot(_ x: Recorded, _ y: Recorded) -> Recorded {
    let (h, partials) = LocalDerivatives.hypot(x.value, y.value)
    return combining(x, y, value: h, partials: partials)
  }
}
