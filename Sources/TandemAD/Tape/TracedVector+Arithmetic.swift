import RealModule

extension TracedVector {
  /// Records a node of an elementwise binary kind whose values are `body`.
  @inlinable
  static func elementwise(
    _ lhs: TracedVector, _ rhs: TracedVector,
    _ operation: (Int, Int, Int, Int) -> TapeOperation, _ body: (T, T) -> T
  ) -> TracedVector {
    precondition(lhs.count == rhs.count, "vectors of lengths \(lhs.count) and \(rhs.count)")
    let tape = lhs.tape
    let output = tape.appendZeros(lhs.count)
    let (a, b, count) = (lhs.start, rhs.start, lhs.count)
    tape.values.withUnsafeMutableBufferPointer { v in
      for i in 0..<count { v[output + i] = body(v[a + i], v[b + i]) }
    }
    tape.operations.append(operation(lhs.start, rhs.start, output, lhs.count))
    return TracedVector(tape: tape, start: output, count: lhs.count)
  }

  /// Elementwise sum.
  @inlinable
  public static func + (lhs: TracedVector, rhs: TracedVector) -> TracedVector {
    elementwise(lhs, rhs, { .add(lhs: $0, rhs: $1, output: $2, count: $3) }, +)
  }

  /// Elementwise difference.
  @inlinable
  public static func - (lhs: TracedVector, rhs: TracedVector) -> TracedVector {
    elementwise(lhs, rhs, { .subtract(lhs: $0, rhs: $1, output: $2, count: $3) }, -)
  }

  /// Elementwise product.
  @inlinable
  public static func * (lhs: TracedVector, rhs: TracedVector) -> TracedVector {
    elementwise(lhs, rhs, { .multiply(lhs: $0, rhs: $1, output: $2, count: $3) }, *)
  }

  /// Elementwise quotient.
  @inlinable
  public static func / (lhs: TracedVector, rhs: TracedVector) -> TracedVector {
    lhs.zipMap(rhs) { a, b in
      let reciprocal = 1 / b
      let quotient = a / b
      return (quotient, reciprocal, -quotient * reciprocal)
    }
  }

  /// Negation of every element.
  @inlinable
  public static prefix func - (x: TracedVector) -> TracedVector { x * T(-1.0) }

  /// Every element times a constant.
  @inlinable
  public static func * (lhs: TracedVector, rhs: T) -> TracedVector {
    let tape = lhs.tape
    let output = tape.values.count
    for i in 0..<lhs.count { tape.values.append(tape.values[lhs.start + i] * rhs) }
    let partial = tape.appendPartial(rhs)
    tape.operations.append(
      .scaleByConstant(input: lhs.start, output: output, count: lhs.count, partial: partial))
    return TracedVector(tape: tape, start: output, count: lhs.count)
  }

  /// Every element times a constant.
  @inlinable
  public static func * (lhs: T, rhs: TracedVector) -> TracedVector { rhs * lhs }

  /// Every element plus a constant.
  @inlinable
  public static func + (lhs: TracedVector, rhs: T) -> TracedVector {
    let tape = lhs.tape
    let output = tape.values.count
    for i in 0..<lhs.count { tape.values.append(tape.values[lhs.start + i] + rhs) }
    tape.operations.append(.passThrough(input: lhs.start, output: output, count: lhs.count))
    return TracedVector(tape: tape, start: output, count: lhs.count)
  }

  /// Every element minus a constant.
  @inlinable
  public static func - (lhs: TracedVector, rhs: T) -> TracedVector { lhs + (-rhs) }

  /// Every element times a recorded scalar.
  @inlinable
  public static func * (lhs: TracedVector, rhs: Traced<T>) -> TracedVector {
    let tape = lhs.tape
    let output = tape.values.count
    let s = rhs.value
    for i in 0..<lhs.count { tape.values.append(tape.values[lhs.start + i] * s) }
    tape.operations.append(
      .scale(input: lhs.start, scalar: rhs.index, output: output, count: lhs.count))
    return TracedVector(tape: tape, start: output, count: lhs.count)
  }

  /// Every element times a recorded scalar.
  @inlinable
  public static func * (lhs: Traced<T>, rhs: TracedVector) -> TracedVector { rhs * lhs }

  /// Every element plus a recorded scalar.
  @inlinable
  public static func + (lhs: TracedVector, rhs: Traced<T>) -> TracedVector {
    let tape = lhs.tape
    let output = tape.values.count
    let s = rhs.value
    for i in 0..<lhs.count { tape.values.append(tape.values[lhs.start + i] + s) }
    tape.operations.append(
      .shift(input: lhs.start, scalar: rhs.index, output: output, count: lhs.count))
    return TracedVector(tape: tape, start: output, count: lhs.count)
  }
}
