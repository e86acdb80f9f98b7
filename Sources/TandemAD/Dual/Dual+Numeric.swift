import RealModule

extension Dual: Numeric {
  /// Creates a constant from an integer, if `T` represents it exactly.
  @inlinable
  public init?<Source: BinaryInteger>(exactly source: Source) {
    guard let value = T(exactly: source) else { return nil }
    self.init(constant: value)
  }

  /// |x|, with the tangent's sign following the value's (one-sided at 0:
  /// the derivative at exactly 0 is taken from the positive side).
  @inlinable
  public var magnitude: Dual { value < .zero ? -self : self }

  /// Product, by the product rule: `(ab)' = a'b + ab'`.
  @inlinable
  public static func * (lhs: Dual, rhs: Dual) -> Dual {
    Dual(
      lhs.value * rhs.value,
      tangents: InlineArray { i in lhs.tangents[i] * rhs.value + lhs.value * rhs.tangents[i] })
  }

  /// Multiplies in place.
  @inlinable
  public static func *= (lhs: inout Dual, rhs: Dual) { lhs = lhs * rhs }
}
