import RealModule

/// A row-major matrix recorded on a ``Tape``: a ``TracedVector`` of its
/// elements with a shape.
@frozen
public struct TracedMatrix<T: Scalar> {
  /// The elements, row after row.
  public let elements: TracedVector<T>
  /// The number of rows.
  public let rows: Int
  /// The number of columns.
  public let columns: Int

  /// Views a vector of `rows · columns` elements as a row-major matrix.
  @inlinable
  public init(_ elements: TracedVector<T>, rows: Int, columns: Int) {
    precondition(
      elements.count == rows * columns, "\(elements.count) elements for a \(rows)×\(columns) matrix"
    )
    self.elements = elements
    self.rows = rows
    self.columns = columns
  }

  /// The value at row `r`, column `c`.
  @inlinable
  public func value(row r: Int, column c: Int) -> T { elements.value(at: r * columns + c) }

  /// M·v, recorded as one node.
  @inlinable
  public func multiplied(by vector: TracedVector<T>) -> TracedVector<T> {
    precondition(
      vector.count == columns, "a \(rows)×\(columns) matrix times a vector of \(vector.count)")
    let tape = elements.tape
    let output = tape.appendZeros(rows)
    let (matrix, x, rows, columns) = (elements.start, vector.start, rows, columns)
    tape.values.withUnsafeMutableBufferPointer { v in
      for r in 0..<rows {
        var total = T.zero
        let row = matrix + r * columns
        for c in 0..<columns { total += v[row + c] * v[x + c] }
        v[output + r] = total
      }
    }
    tape.operations.append(
      .matrixVector(
        matrix: elements.start, rows: rows, columns: columns, vector: vector.start, output: output))
    return TracedVector(tape: tape, start: output, count: rows)
  }

  /// A·B, recorded as one node.
  @inlinable
  public func multiplied(by other: TracedMatrix) -> TracedMatrix {
    precondition(
      other.rows == columns,
      "a \(rows)×\(columns) matrix times a \(other.rows)×\(other.columns) one")
    let tape = elements.tape
    let n = other.columns
    let output = tape.appendZeros(rows * n)
    let (lhs, rhs, rows, inner) = (elements.start, other.elements.start, rows, columns)
    tape.values.withUnsafeMutableBufferPointer { v in
      for r in 0..<rows {
        for k in 0..<inner {
          let a = v[lhs + r * inner + k]
          for c in 0..<n { v[output + r * n + c] += a * v[rhs + k * n + c] }
        }
      }
    }
    tape.operations.append(
      .matrixMatrix(
        lhs: elements.start, rhs: other.elements.start, rows: rows, inner: columns, columns: n,
        output: output))
    return TracedMatrix(
      TracedVector(tape: tape, start: output, count: rows * n), rows: rows, columns: n)
  }

  /// Adds `vector` to every row (a bias), recorded as one node.
  @inlinable
  public func addingToEachRow(_ vector: TracedVector<T>) -> TracedMatrix {
    precondition(vector.count == columns, "a row vector of \(vector.count) for \(columns) columns")
    let tape = elements.tape
    let output = tape.appendZeros(rows * columns)
    let (matrix, bias, rows, columns) = (elements.start, vector.start, rows, columns)
    tape.values.withUnsafeMutableBufferPointer { v in
      for r in 0..<rows {
        for c in 0..<columns {
          v[output + r * columns + c] = v[matrix + r * columns + c] + v[bias + c]
        }
      }
    }
    tape.operations.append(
      .addToRows(
        matrix: elements.start, rows: rows, columns: columns, vector: vector.start, output: output))
    return TracedMatrix(
      TracedVector(tape: tape, start: output, count: rows * columns), rows: rows, columns: columns)
  }

  /// Applies an elementwise function (see ``TracedVector/map(_:)``).
  @inlinable
  public func map(_ body: (T) -> (value: T, derivative: T)) -> TracedMatrix {
    TracedMatrix(elements.map(body), rows: rows, columns: columns)
  }
}
