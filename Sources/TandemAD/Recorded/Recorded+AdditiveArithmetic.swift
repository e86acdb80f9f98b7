extension Recorded: AdditiveArithmetic {
  /// Zero, a constant.
  @inlinable
  public static var zero: Recorded { Recorded(constant: 0) }

  /// Sum; partials 1 and 1.
  @inlinable
  public static func + (lhs: Recorded, rhs: Recorded) -> Recorded {
    combining(lhs, rhs, value: lhs.value + rhs.value, partials: (1, 1))
  }

  /// Difference; partials 1 and −1.
  @inlinable
  public static func - (lhs: Recorded, rhs: Recorded) -> Recorded {
    combining(lhs, rhs, value: lhs.value - rhs.value, partials: (1, -1))
  }

  /// Adds in place (records a node and rebinds the value).
  @inlinable
  public static func += (lhs: inout Recorded, rhs: Recorded) { lhs = lhs + rhs }

  /// Subtracts in place (records a node and rebinds the value).
  @inlinable
  public static func -= (lhs: inout Recorded, rhs: Recorded) { lhs = lhs - rhs }
}
