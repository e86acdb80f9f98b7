extension Traced {
  /// Records a function given its value and derivative at ``value`` (as
  /// ``LocalDerivatives`` returns them).
  @inlinable
  public func applying(_ local: (value: T, derivative: T)) -> Traced {
    applying(value: local.value, derivative: local.derivative)
  }
}
