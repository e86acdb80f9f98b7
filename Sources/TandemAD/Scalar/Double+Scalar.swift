import RealModule

extension Double: Scalar {
  /// The value itself.
  @inlinable
  public var doubleValue: Double { self }

  /// The value itself: a `Double` carries no tangents.
  @inlinable
  public var tangentStopped: Double { self }
}
