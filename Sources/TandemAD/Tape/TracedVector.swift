import RealModule

/// A vector of values recorded contiguously on a ``Tape``.
///
/// Operations on whole vectors record a single node each, with a
/// hand-written vector-Jacobian product, however long the vector: this is
/// what makes the tape fast enough for a cloth or a neural network. An
/// element, `v[i]`, is a ``Traced`` scalar and costs nothing to take.
@frozen
public struct TracedVector<T: Scalar> {
  /// The tape this vector is recorded on.
  public unowned(unsafe) let tape: Tape<T>
  /// Offset of the first element on the tape.
  public let start: Int
  /// The number of elements.
  public let count: Int

  /// Creates a handle to `count` values from `start` on `tape`: for a
  /// ``BulkNode``'s outputs (``Tape/reserveValues(_:)``), or any recorded
  /// values.
  @inlinable
  public init(tape: Tape<T>, start: Int, count: Int) {
    self.tape = tape
    self.start = start
    self.count = count
  }

  /// The i-th element, as a scalar on the same tape.
  @inlinable
  public subscript(i: Int) -> Traced<T> {
    precondition(i >= 0 && i < count, "index \(i) out of range 0..<\(count)")
    return Traced(tape: tape, index: start + i)
  }

  /// The value of the i-th element.
  @inlinable
  public func value(at i: Int) -> T { tape.values[start + i] }

  /// The elements' values, copied into an array.
  public var values: [T] { Array(tape.values[start..<(start + count)]) }

  /// Records `count` new values computed by `body(i)`, with their partial
  /// derivatives with respect to this vector's i-th element, as one node.
  ///
  /// This is the building block of every elementwise function: `body`
  /// returns `(value, derivative)` for element i. It must not record on the
  /// tape (the node is written in one pass over the tape's storage).
  @inlinable
  public func map(_ body: (T) -> (value: T, derivative: T)) -> TracedVector {
    let tape = self.tape
    let output = tape.appendZeros(count)
    let partial = tape.appendZeroPartials(count)
    let (input, count) = (start, count)
    tape.values.withUnsafeMutableBufferPointer { v in
      tape.partials.withUnsafeMutableBufferPointer { p in
        for i in 0..<count {
          let (value, derivative) = body(v[input + i])
          v[output + i] = value
          p[partial + i] = derivative
        }
      }
    }
    tape.operations.append(.map(input: start, output: output, count: count, partial: partial))
    return TracedVector(tape: tape, start: output, count: count)
  }

  /// Records an elementwise function of two vectors of equal length; `body`
  /// returns the value and the two partial derivatives for one pair. Like
  /// ``map(_:)``, `body` must not record on the tape.
  @inlinable
  public func zipMap(
    _ other: TracedVector, _ body: (T, T) -> (value: T, lhs: T, rhs: T)
  ) -> TracedVector {
    precondition(count == other.count, "vectors of lengths \(count) and \(other.count)")
    let tape = self.tape
    let output = tape.appendZeros(count)
    // The partials of lhs go first, then those of rhs: reserve both halves.
    let partial = tape.appendZeroPartials(2 * count)
    let (lhs, rhs, count) = (start, other.start, count)
    tape.values.withUnsafeMutableBufferPointer { v in
      tape.partials.withUnsafeMutableBufferPointer { p in
        for i in 0..<count {
          let (value, dl, dr) = body(v[lhs + i], v[rhs + i])
          v[output + i] = value
          p[partial + i] = dl
          p[partial + count + i] = dr
        }
      }
    }
    tape.operations.append(
      .zipMap(lhs: start, rhs: other.start, output: output, count: count, partial: partial))
    return TracedVector(tape: tape, start: output, count: count)
  }
}
