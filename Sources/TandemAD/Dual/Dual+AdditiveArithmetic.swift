import RealModule

extension Dual: AdditiveArithmetic {
  /// Zero, with zero tangents.
  @inlinable
  public static var zero: Dual { Dual(constant: .zero) }

  /// Sum: values and tangents add.
  @inlinable
  public static func + (lhs: Dual, rhs: Dual) -> Dual {
    Dual(lhs.value + rhs.value, tangents: InlineArray { i in lhs.tangents[i] + rhs.tangents[i] })
  }

  /// Difference: values and tangents subtract.
  @inlinable
  public static func - (lhs: Dual, rhs: Dual) -> Dual {
    Dual(lhs.value - rhs.value, tangents: InlineArray { i in lhs.tangents[i] - rhs.tangents[i] })
  }

  /// Adds in place.
  @inlinable
  public static func += (lhs: inout Dual, rhs: Dual) {
    lhs.value += rhs.value
    for i in lhs.tangents.indices { lhs.tangents[i] += rhs.tangents[i] }
  }

  /// Subtracts in place.
  @inlinable
  public static func -= (lhs: inout Dual, rhs: Dual) {
    lhs.value -= rhs.value
    for i in lhs.tangents.indices { lhs.tangents[i] -= rhs.tangents[i] }
  }
}
