import RealModule

extension TracedVector {
  /// Σ xᵢ, recorded as one node.
  @inlinable
  public func sum() -> Traced<T> {
    var total = T.zero
    for i in 0..<count { total += tape.values[start + i] }
    let output = tape.append(total)
    tape.operations.append(.sum(input: start, count: count, output: output))
    return Traced(tape: tape, index: output)
  }

  /// (Σ xᵢ) / n, divided (not multiplied by 1/n) so that the value is the
  /// one plain code computes.
  @inlinable
  public func mean() -> Traced<T> { sum() / T(Double(count)) }

  /// Σ xᵢ·yᵢ, recorded as one node.
  @inlinable
  public func dot(_ other: TracedVector) -> Traced<T> {
    precondition(count == other.count, "vectors of lengths \(count) and \(other.count)")
    var total = T.zero
    for i in 0..<count { total += tape.values[start + i] * tape.values[other.start + i] }
    let output = tape.append(total)
    tape.operations.append(.dot(lhs: start, rhs: other.start, count: count, output: output))
    return Traced(tape: tape, index: output)
  }
}
