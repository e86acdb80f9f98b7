extension Recorded: Comparable {
  /// Compares values only: two recordings of the same value are equal
  /// whatever their derivatives.
  @inlinable
  public static func == (lhs: Recorded, rhs: Recorded) -> Bool { lhs.value == rhs.value }

  /// Orders by value only. A branch on the result differentiates the branch
  /// taken, so derivatives are one-sided at the switching point.
  @inlinable
  public static func < (lhs: Recorded, rhs: Recorded) -> Bool { lhs.value < rhs.value }
}
