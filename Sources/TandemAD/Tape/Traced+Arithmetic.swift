import RealModule

extension Traced {
  /// Sum of two recorded values.
  @inlinable
  public static func + (lhs: Traced, rhs: Traced) -> Traced {
    let tape = lhs.tape
    let output = tape.append(lhs.value + rhs.value)
    tape.operations.append(.add(lhs: lhs.index, rhs: rhs.index, output: output, count: 1))
    return Traced(tape: tape, index: output)
  }

  /// Difference of two recorded values.
  @inlinable
  public static func - (lhs: Traced, rhs: Traced) -> Traced {
    let tape = lhs.tape
    let output = tape.append(lhs.value - rhs.value)
    tape.operations.append(.subtract(lhs: lhs.index, rhs: rhs.index, output: output, count: 1))
    return Traced(tape: tape, index: output)
  }

  /// Product of two recorded values.
  @inlinable
  public static func * (lhs: Traced, rhs: Traced) -> Traced {
    let tape = lhs.tape
    let output = tape.append(lhs.value * rhs.value)
    tape.operations.append(.multiply(lhs: lhs.index, rhs: rhs.index, output: output, count: 1))
    return Traced(tape: tape, index: output)
  }

  /// Quotient of two recorded values; partials 1/b and −a/b².
  ///
  /// The value is `a / b` itself, not `a · (1/b)`, so it is bit for bit the
  /// quotient that plain code computes.
  @inlinable
  public static func / (lhs: Traced, rhs: Traced) -> Traced {
    let reciprocal = 1 / rhs.value
    let quotient = lhs.value / rhs.value
    return combining(lhs, rhs, value: quotient, partials: (reciprocal, -quotient * reciprocal))
  }

  /// Negation.
  @inlinable
  public static prefix func - (x: Traced) -> Traced { x.applying(value: -x.value, derivative: -1) }

  /// Adds a constant.
  @inlinable
  public static func + (lhs: Traced, rhs: T) -> Traced {
    lhs.applying(value: lhs.value + rhs, derivative: 1)
  }

  /// Adds a constant.
  @inlinable
  public static func + (lhs: T, rhs: Traced) -> Traced { rhs + lhs }

  /// Subtracts a constant.
  @inlinable
  public static func - (lhs: Traced, rhs: T) -> Traced {
    lhs.applying(value: lhs.value - rhs, derivative: 1)
  }

  /// Subtracts from a constant.
  @inlinable
  public static func - (lhs: T, rhs: Traced) -> Traced {
    rhs.applying(value: lhs - rhs.value, derivative: -1)
  }

  /// Multiplies by a constant.
  @inlinable
  public static func * (lhs: Traced, rhs: T) -> Traced {
    lhs.applying(value: lhs.value * rhs, derivative: rhs)
  }

  /// Multiplies by a constant.
  @inlinable
  public static func * (lhs: T, rhs: Traced) -> Traced { rhs * lhs }

  /// Divides by a constant (the value is `a / c`, as plain code computes it).
  @inlinable
  public static func / (lhs: Traced, rhs: T) -> Traced {
    lhs.applying(value: lhs.value / rhs, derivative: 1 / rhs)
  }

  /// Divides a constant by a recorded value.
  @inlinable
  public static func / (lhs: T, rhs: Traced) -> Traced {
    let quotient = lhs / rhs.value
    return rhs.applying(value: quotient, derivative: -quotient / rhs.value)
  }

  /// Adds in place (records a new node and rebinds the handle).
  @inlinable
  public static func += (lhs: inout Traced, rhs: Traced) { lhs = lhs + rhs }

  /// Subtracts in place (records a new node and rebinds the handle).
  @inlinable
  public static func -= (lhs: inout Traced, rhs: Traced) { lhs = lhs - rhs }

  /// Multiplies in place (records a new node and rebinds the handle).
  @inlinable
  public static func *= (lhs: inout Traced, rhs: Traced) { lhs = lhs * rhs }
}
