import RealModule

extension Recorded: AlgebraicField {
  /// Quotient `a / b` (the value plain code computes); partials 1/b and −(a/b)/b.
  @inlinable
  public static func / (lhs: Recorded, rhs: Recorded) -> Recorded {
    let quotient = lhs.value / rhs.value
    let reciprocal = 1 / rhs.value
    return combining(lhs, rhs, value: quotient, partials: (reciprocal, -quotient * reciprocal))
  }

  /// Divides in place (records a node and rebinds the value).
  @inlinable
  public static func /= (lhs: inout Recorded, rhs: Recorded) { lhs = lhs / rhs }

  /// `1/x`, or `nil` when the value has no reciprocal.
  @inlinable
  public var reciprocal: Recorded? {
    guard value.reciprocal != nil else { return nil }
    return 1 / self
  }
}
