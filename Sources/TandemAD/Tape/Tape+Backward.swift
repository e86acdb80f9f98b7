import RealModule

extension Tape {
  /// Replays the tape backwards from `output`, filling the adjoint of every
  /// recorded value with ∂output/∂value. Read them with
  /// ``adjoint(of:)-(Traced<T>)`` and ``adjoints(of:)``.
  ///
  /// Runs in time proportional to the recorded work and allocates nothing
  /// once the adjoint array has reached the tape's size.
  @inlinable
  public func backward(from output: Traced<T>) {
    // Resize only when the tape changed size (reset() keeps the adjoints),
    // then zero in place: appending a repeated zero element by element was
    // a twentieth of a training step.
    let count = values.count
    if adjoints.count > count {
      adjoints.removeLast(adjoints.count - count)
    } else if adjoints.count < count {
      adjoints.append(contentsOf: repeatElement(T.zero, count: count - adjoints.count))
    }
    adjoints.withUnsafeMutableBufferPointer { $0.update(repeating: .zero) }
    adjoints[output.index] = 1
    let operations = self.operations
    let pullBacks = bulkNodePullBacks
    values.withUnsafeBufferPointer { values in
      partials.withUnsafeBufferPointer { partials in
        indexStore.withUnsafeBufferPointer { indices in
          adjoints.withUnsafeMutableBufferPointer { adjoints in
            realScratch.withUnsafeMutableBufferPointer { scratch in
              nodeArguments.withUnsafeBufferPointer { arguments in
                realSaved.withUnsafeBufferPointer { saved in
                  let buffers = TapeBackwardBuffers(
                    values: values, partials: partials, indices: indices, adjoints: adjoints,
                    saved: saved, scratch: scratch, arguments: arguments)
                  pullBacks.withUnsafeBufferPointer { pullBacks in
                    for operation in operations.reversed() {
                      Self.pullBack(operation, buffers: buffers, bulkNodes: pullBacks)
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }

  /// The adjoint of one recorded scalar after ``backward(from:)``.
  @inlinable
  public func adjoint(of x: Traced<T>) -> T { adjoints[x.index] }

  /// The adjoints of a recorded vector after ``backward(from:)``.
  @inlinable
  public func adjoints(of x: TracedVector<T>) -> ArraySlice<T> {
    adjoints[x.start..<(x.start + x.count)]
  }

  /// The adjoint of the i-th element of a recorded vector.
  @inlinable
  public func adjoint(of x: TracedVector<T>, at i: Int) -> T { adjoints[x.start + i] }

  /// Adds the vector-Jacobian product of one operation into the adjoints of
  /// its inputs; a ``BulkNode``'s through its kind's closure in `bulkNodes`
  /// (one indirect call).
  @inlinable
  static func pullBack(
    _ operation: TapeOperation, buffers: TapeBackwardBuffers<T>,
    bulkNodes: UnsafeBufferPointer<(Int, TapeBackwardBuffers<T>) -> Void>
  ) {
    let (values, partials, indices, a) = (
      buffers.values, buffers.partials, buffers.indices, buffers.adjoints
    )
    switch operation {
    case let .unary(input, output, partial):
      a[input] += a[output] * partials[partial]
    case let .binary(lhs, rhs, output, partial):
      let seed = a[output]
      a[lhs] += seed * partials[partial]
      a[rhs] += seed * partials[partial + 1]
    case let .map(input, output, count, partial):
      for i in 0..<count { a[input + i] += a[output + i] * partials[partial + i] }
    case let .zipMap(lhs, rhs, output, count, partial):
      for i in 0..<count {
        let seed = a[output + i]
        a[lhs + i] += seed * partials[partial + i]
        a[rhs + i] += seed * partials[partial + count + i]
      }
    case let .passThrough(input, output, count):
      for i in 0..<count { a[input + i] += a[output + i] }
    case let .add(lhs, rhs, output, count):
      for i in 0..<count {
        a[lhs + i] += a[output + i]
        a[rhs + i] += a[output + i]
      }
    case let .subtract(lhs, rhs, output, count):
      for i in 0..<count {
        a[lhs + i] += a[output + i]
        a[rhs + i] -= a[output + i]
      }
    case let .multiply(lhs, rhs, output, count):
      for i in 0..<count {
        let seed = a[output + i]
        a[lhs + i] += seed * values[rhs + i]
        a[rhs + i] += seed * values[lhs + i]
      }
    case let .scaleByConstant(input, output, count, partial):
      let c = partials[partial]
      for i in 0..<count { a[input + i] += a[output + i] * c }
    case let .scale(input, scalar, output, count):
      let s = values[scalar]
      var total = T.zero
      for i in 0..<count {
        let seed = a[output + i]
        a[input + i] += seed * s
        total += seed * values[input + i]
      }
      a[scalar] += total
    case let .shift(input, scalar, output, count):
      var total = T.zero
      for i in 0..<count {
        a[input + i] += a[output + i]
        total += a[output + i]
      }
      a[scalar] += total
    case let .sum(input, count, output):
      let seed = a[output]
      for i in 0..<count { a[input + i] += seed }
    case let .dot(lhs, rhs, count, output):
      let seed = a[output]
      for i in 0..<count {
        a[lhs + i] += seed * values[rhs + i]
        a[rhs + i] += seed * values[lhs + i]
      }
    case let .gather(source, indexStart, count, output):
      for i in 0..<count { a[source + indices[indexStart + i]] += a[output + i] }
    case let .scatterAdd(source, indexStart, count, output, _):
      for i in 0..<count { a[source + i] += a[output + indices[indexStart + i]] }
    case let .matrixVector(matrix, rows, columns, vector, output):
      for r in 0..<rows {
        let seed = a[output + r]
        let row = matrix + r * columns
        for c in 0..<columns {
          a[row + c] += seed * values[vector + c]
          a[vector + c] += seed * values[row + c]
        }
      }
    case let .matrixMatrix(lhs, rhs, rows, inner, columns, output):
      // dA = dC·Bᵀ, dB = Aᵀ·dC
      for r in 0..<rows {
        for k in 0..<inner {
          let aValue = values[lhs + r * inner + k]
          var total = T.zero
          for c in 0..<columns {
            let seed = a[output + r * columns + c]
            total += seed * values[rhs + k * columns + c]
            a[rhs + k * columns + c] += aValue * seed
          }
          a[lhs + r * inner + k] += total
        }
      }
    case let .addToRows(matrix, rows, columns, vector, output):
      for r in 0..<rows {
        for c in 0..<columns {
          let seed = a[output + r * columns + c]
          a[matrix + r * columns + c] += seed
          a[vector + c] += seed
        }
      }
    case let .rowReduction(matrix, rows, columns, output, partial):
      for r in 0..<rows {
        let seed = a[output + r]
        let row = r * columns
        for c in 0..<columns { a[matrix + row + c] += seed * partials[partial + row + c] }
      }
    case let .bulk(kind, arguments):
      bulkNodes[kind](arguments, buffers)
    }
  }
}
