import RealModule

extension Dual: AlgebraicField {
  /// Quotient, by the quotient rule: `(a/b)' = (a' − (a/b)·b') / b`.
  @inlinable
  public static func / (lhs: Dual, rhs: Dual) -> Dual {
    let quotient = lhs.value / rhs.value
    let reciprocal = 1 / rhs.value
    return Dual(
      quotient,
      tangents: InlineArray { i in (lhs.tangents[i] - quotient * rhs.tangents[i]) * reciprocal })
  }

  /// Divides in place.
  @inlinable
  public static func /= (lhs: inout Dual, rhs: Dual) { lhs = lhs / rhs }

  /// `1/x`, or `nil` when the value has no reciprocal.
  @inlinable
  public var reciprocal: Dual? {
    guard value.reciprocal != nil else { return nil }
    return 1 / self
  }
}
