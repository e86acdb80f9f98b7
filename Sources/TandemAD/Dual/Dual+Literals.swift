import RealModule

extension Dual: ExpressibleByIntegerLiteral {
  /// A constant from an integer literal.
  @inlinable
  public init(integerLiteral value: Int) { self.init(constant: T(Double(value))) }
}

extension Dual: ExpressibleByFloatLiteral {
  /// A constant from a floating-point literal.
  @inlinable
  public init(floatLiteral value: Double) { self.init(constant: T(value)) }
}
