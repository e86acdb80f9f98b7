extension Recorded {
  /// Records a function given its value and derivative at ``value`` (as
  /// ``LocalDerivatives`` returns them).
  @inlinable
  public func applying(_ local: (value: Double, derivative: Double)) -> Recorded {
    applying(value: local.value, derivative: local.derivative)
  }
}
