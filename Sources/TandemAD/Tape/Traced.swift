import RealModule

/// A scalar recorded on a ``Tape``: a handle (an offset) to its value.
///
/// Arithmetic and elementary functions on `Traced` values compute the result
/// and record one node. Handles hold an unretained reference to their tape:
/// they are valid only while the tape lives and until its next `reset()`.
@frozen
public struct Traced<T: Scalar> {
  /// The tape this value is recorded on.
  public unowned(unsafe) let tape: Tape<T>
  /// The value's offset on the tape.
  public let index: Int

  /// Creates a handle to the value at `index` on `tape`: for a ``BulkNode``'s
  /// output (``Tape/appendValue(_:)``), or any recorded value.
  @inlinable
  public init(tape: Tape<T>, index: Int) {
    self.tape = tape
    self.index = index
  }

  /// The recorded value.
  @inlinable
  public var value: T { tape.values[index] }

  /// Records a scalar function of this value given its value and derivative.
  @inlinable
  public func applying(value newValue: T, derivative: T) -> Traced {
    let output = tape.append(newValue)
    let partial = tape.appendPartial(derivative)
    tape.operations.append(.unary(input: index, output: output, partial: partial))
    return Traced(tape: tape, index: output)
  }

  /// Records a scalar function of two values given its value and partials.
  @inlinable
  static func combining(_ lhs: Traced, _ rhs: Traced, value: T, partials: (T, T)) -> Traced {
    let tape = lhs.tape
    let output = tape.append(value)
    let partial = tape.appendPartial(partials.0)
    _ = tape.appendPartial(partials.1)
    tape.operations.append(
      .binary(lhs: lhs.index, rhs: rhs.index, output: output, partial: partial))
    return Traced(tape: tape, index: output)
  }
}
