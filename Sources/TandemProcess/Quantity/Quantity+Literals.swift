import TandemAD
extension Quantity: ExpressibleByFloatLiteral {
  /// A constant from a literal.
  public init(floatLiteral value: Double) { self = .constant(value) }
}

extension Quantity: ExpressibleByIntegerLiteral {
  /// A constant from a literal.
  public init(integerLiteral value: Int) { self = .constant(Double(value)) }
}
