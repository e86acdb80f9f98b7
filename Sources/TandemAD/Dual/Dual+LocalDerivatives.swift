extension Dual {
  /// Applies a function given its value and derivative at ``value`` (as
  /// ``LocalDerivatives`` returns them): the chain rule on every tangent.
  @inlinable
  public func applying(_ local: (value: T, derivative: T)) -> Dual {
    applying(value: local.value, derivative: local.derivative)
  }

  /// A function of two duals given its value and its two partials there.
  @inlinable
  public static func combining(_ lhs: Dual, _ rhs: Dual, value: T, partials: (T, T)) -> Dual {
    Dual(
      value,
      tangents: InlineArray { i in lhs.tangents[i] * partials.0 + rhs.tangents[i] * partials.1 })
  }
}
