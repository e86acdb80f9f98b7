import RealModule

extension TracedVector {
  /// `result[i] = self[indices[i]]`: one node however many indices.
  ///
  /// Register the indices once with ``Tape/register(indices:)``.
  @inlinable
  public func gathering(_ indices: TapeIndices) -> TracedVector {
    precondition(
      indices.bound <= count, "an index \(indices.bound - 1) is out of range 0..<\(count)")
    let output = tape.values.count
    for i in 0..<indices.count {
      tape.values.append(tape.values[start + tape.indexStore[indices.start + i]])
    }
    tape.operations.append(
      .gather(source: start, indexStart: indices.start, count: indices.count, output: output))
    return TracedVector(tape: tape, start: output, count: indices.count)
  }

  /// A vector of length `length`, zero but for `result[indices[i]] += self[i]`:
  /// the adjoint of a gather, and the way to sum per-edge terms onto nodes.
  @inlinable
  public func scatteringAdd(into length: Int, at indices: TapeIndices) -> TracedVector {
    precondition(indices.count == count, "\(indices.count) indices for \(count) elements")
    precondition(
      indices.bound <= length, "an index \(indices.bound - 1) is out of range 0..<\(length)")
    let output = tape.values.count
    tape.values.append(contentsOf: repeatElement(T.zero, count: length))
    for i in 0..<count {
      tape.values[output + tape.indexStore[indices.start + i]] += tape.values[start + i]
    }
    tape.operations.append(
      .scatterAdd(
        source: start, indexStart: indices.start, count: count, output: output, outputCount: length)
    )
    return TracedVector(tape: tape, start: output, count: length)
  }
}
