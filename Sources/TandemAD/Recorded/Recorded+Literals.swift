extension Recorded: ExpressibleByIntegerLiteral {
  /// A constant from an integer literal.
  @inlinable
  public init(integerLiteral value: Int) { self.init(constant: Double(value)) }
}

extension Recorded: ExpressibleByFloatLiteral {
  /// A constant from a floating-point literal.
  @inlinable
  public init(floatLiteral value: Double) { self.init(constant: value) }
}
