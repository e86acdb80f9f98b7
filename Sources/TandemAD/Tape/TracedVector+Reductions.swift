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

  /// (Σ xᵢ) / n.
  @inlinable
  public func mean() -> Traced<T> {
    let reciprocal: T = 1 / T(Double(count))
    return sum() * reciprocal
  }

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
