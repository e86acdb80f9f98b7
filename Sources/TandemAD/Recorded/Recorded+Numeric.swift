extension Recorded: Numeric {
  /// A constant from an integer, if a `Double` represents it exactly.
  @inlinable
  public init?<Source: BinaryInteger>(exactly source: Source) {
    guard let value = Double(exactly: source) else { return nil }
    self.init(constant: value)
  }

  /// |x|, with the derivative's sign following the value's (one-sided at 0:
  /// the derivative at exactly 0 is taken from the positive side, as `Dual`).
  @inlinable
  public var magnitude: Recorded { value < 0 ? -self : self }

  /// Product; partials b and a.
  @inlinable
  public static func * (lhs: Recorded, rhs: Recorded) -> Recorded {
    combining(lhs, rhs, value: lhs.value * rhs.value, partials: (rhs.value, lhs.value))
  }

  /// Multiplies in place (records a node and rebinds the value).
  @inlinable
  public static func *= (lhs: inout Recorded, rhs: Recorded) { lhs = lhs * rhs }
}
