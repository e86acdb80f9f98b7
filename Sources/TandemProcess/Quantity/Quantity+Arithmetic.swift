import TandemAD
/// Arithmetic on quantities, for values derived from a description's own
/// numbers (a grid particle's position is `origin + c·spacing`).
///
/// Constants fold, so a description without parameters stays made of
/// constants, and adding 0 or scaling by 1 adds no node.
extension Quantity {
  /// The value if the quantity depends on no parameter, otherwise `nil`.
  @inlinable
  public var constantValue: Double? {
    isConstant ? value(in: [Double]()) : nil
  }

  /// The indices of the parameters the quantity depends on, in order of appearance.
  public var parameterIndices: [Int] {
    switch self {
    case .constant: []
    case .parameter(let index): [index]
    case let .sum(first, second): first.parameterIndices + second.parameterIndices
    case let .scaled(quantity, _): quantity.parameterIndices
    }
  }

  /// The sum, folded to a constant when both are constants.
  public static func + (lhs: Quantity, rhs: Quantity) -> Quantity {
    if let a = lhs.constantValue, let b = rhs.constantValue { return .constant(a + b) }
    if lhs == .constant(0) { return rhs }
    if rhs == .constant(0) { return lhs }
    return .sum(lhs, rhs)
  }

  /// The quantity times a constant, folded to a constant when possible.
  public static func * (factor: Double, quantity: Quantity) -> Quantity {
    if let value = quantity.constantValue { return .constant(factor * value) }
    if factor == 1 { return quantity }
    if factor == 0 { return .constant(0) }
    return .scaled(quantity, by: factor)
  }

  /// The difference, folded to a constant when both are constants.
  public static func - (lhs: Quantity, rhs: Quantity) -> Quantity {
    lhs + (-1) * rhs
  }
}
