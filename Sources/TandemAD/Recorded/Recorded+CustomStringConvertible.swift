extension Recorded: CustomStringConvertible {
  /// The value, followed by `@node` for a recorded value.
  public var description: String { isConstant ? "\(value)" : "\(value)@\(node)" }
}
