import RealModule

extension TracedVector {
  /// Σ xᵢ, recorded as one node.
  @inlinable
  public func sum() -> Traced<T> {
    let (start, count) = (self.start, self.count)
    let total = tape.values.withUnsafeBufferPointer { v in
      var total = T.zero
      for i in 0..<count { total += v[start + i] }
      return total
    }
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
    let (lhs, rhs, count) = (start, other.start, count)
    let total = tape.values.withUnsafeBufferPointer { v in
      var total = T.zero
      for i in 0..<count { total += v[lhs + i] * v[rhs + i] }
      return total
    }
    let output = tape.append(total)
    tape.operations.append(.dot(lhs: start, rhs: other.start, count: count, output: output))
    return Traced(tape: tape, index: output)
  }
}
