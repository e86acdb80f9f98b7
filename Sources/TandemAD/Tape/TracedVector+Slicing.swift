import RealModule

extension TracedVector {
  /// The elements at `bounds`, as a vector on the same tape.
  ///
  /// A view, not an operation: nothing is recorded, and adjoints that reach
  /// the slice are the adjoints of these very elements. This is how one
  /// recorded parameter vector is split into a model's weight matrices and
  /// biases, so the whole gradient is read back in one piece.
  @inlinable
  public subscript(bounds: Range<Int>) -> TracedVector {
    precondition(
      bounds.lowerBound >= 0 && bounds.upperBound <= count,
      "slice \(bounds) out of range 0..<\(count)")
    return TracedVector(tape: tape, start: start + bounds.lowerBound, count: bounds.count)
  }

  /// Views this vector as a row-major `rows × columns` matrix.
  @inlinable
  public func reshaped(rows: Int, columns: Int) -> TracedMatrix<T> {
    TracedMatrix(self, rows: rows, columns: columns)
  }
}
