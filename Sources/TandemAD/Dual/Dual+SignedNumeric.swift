import RealModule

extension Dual: SignedNumeric {
  /// Negation of the value and of every tangent.
  @inlinable
  public static prefix func - (operand: Dual) -> Dual {
    Dual(-operand.value, tangents: InlineArray { i in -operand.tangents[i] })
  }

  /// Negates in place.
  @inlinable
  public mutating func negate() { self = -self }
}
