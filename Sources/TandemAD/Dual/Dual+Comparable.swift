import RealModule

extension Dual: Comparable {
  /// Compares values only; tangents are ignored.
  ///
  /// This makes `==` coarser than equality of dual numbers: tests of
  /// derivatives must compare ``tangents`` explicitly.
  @inlinable
  public static func == (lhs: Dual, rhs: Dual) -> Bool { lhs.value == rhs.value }

  /// Orders by value only. A branch on the result differentiates the branch
  /// taken, so derivatives are one-sided at the switching point.
  @inlinable
  public static func < (lhs: Dual, rhs: Dual) -> Bool { lhs.value < rhs.value }
}
