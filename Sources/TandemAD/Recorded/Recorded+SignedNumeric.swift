extension Recorded: SignedNumeric {
  /// Negation; derivative −1.
  @inlinable
  public static prefix func - (operand: Recorded) -> Recorded {
    operand.applying(value: -operand.value, derivative: -1)
  }

  /// Negates in place (records a node and rebinds the value).
  @inlinable
  public mutating func negate() { self = -self }
}
