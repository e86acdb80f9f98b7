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
    values.withUnsafeBufferPointer { values in
      partials.withUnsafeBufferPointer { partials in
        indexStore.withUnsafeBufferPointer { indices in
          adjoints.withUnsafeMutableBufferPointer { adjoints in
            realScratch.withUnsafeMutableBufferPointer { scratch in
              layerLayouts.withUnsafeBufferPointer { layouts in
                realSaved.withUnsafeBufferPointer { saved in
                  for operation in operations.reversed() {
                    Self.pullBack(
                      operation, values: values, partials: partials, indices: indices,
                      adjoints: adjoints, layouts: layouts, saved: saved, scratch: scratch)
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
  /// its inputs.
  @inlinable
  static func pullBack(
    _ operation: TapeOperation,
    values: UnsafeBufferPointer<T>,
    partials: UnsafeBufferPointer<T>,
    indices: UnsafeBufferPointer<Int>,
    adjoints a: UnsafeMutableBufferPointer<T>,
    layouts: UnsafeBufferPointer<Int>,
    saved: UnsafeBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
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
    case let .springEnergy(x, y, first, second, count, output, partial):
      pullBackSpringEnergy(
        x: x, y: y, first: first, second: second, count: count, output: output,
        partials: partials.baseAddress! + partial, indices: indices, adjoints: a)
    case let .savedSpringEnergy(x, y, first, second, count, output, savedAt):
      pullBackSpringEnergy(
        x: x, y: y, first: first, second: second, count: count, output: output,
        partials: UnsafeRawPointer(saved.baseAddress! + savedAt).assumingMemoryBound(to: T.self),
        indices: indices, adjoints: a, unitSeed: isUnit(a[output]))
    case let .dense(input, rows, inner, weights, columns, bias, output, flags):
      pullBackDense(
        input: input, rows: rows, inner: inner, weights: weights, columns: columns, bias: bias,
        output: output,
        activation: DenseActivation(rawValue: flags & 3)!, inputGradient: flags & 4 != 0,
        values: values, adjoints: a)
    case let .layers(input, rows, layout, layers, output, savedAt, flags):
      pullBackLayers(
        input: input, rows: rows, layout: layout, layers: layers, output: output, saved: savedAt,
        flags: flags, values: values, adjoints: a, layouts: layouts, savedPlanes: saved,
        scratch: scratch)
    case let .rowReduction(matrix, rows, columns, output, partial):
      for r in 0..<rows {
        let seed = a[output + r]
        let row = r * columns
        for c in 0..<columns { a[matrix + row + c] += seed * partials[partial + row + c] }
      }
    }
  }

  /// The spring node's vector-Jacobian product: each spring's saved partials
  /// (∂E/∂x, ∂E/∂y at its first end, two per spring from `partials`) times
  /// the energy's adjoint, added at the first end and subtracted at the
  /// second.
  ///
  /// With `unitSeed` (the energy's adjoint is exactly 1 with zero tangents,
  /// as when the energy is summed into the differentiated output) the
  /// products are the partials themselves and are skipped.
  @inlinable
  static func pullBackSpringEnergy(
    x: Int, y: Int, first: Int, second: Int, count: Int, output: Int,
    partials: UnsafePointer<T>, indices: UnsafeBufferPointer<Int>,
    adjoints a: UnsafeMutableBufferPointer<T>, unitSeed: Bool = false
  ) {
    if unitSeed {
      for s in 0..<count {
        let i = indices[first + s]
        let j = indices[second + s]
        let (gx, gy) = (partials[2 * s], partials[2 * s + 1])
        a[x + i] += gx
        a[x + j] -= gx
        a[y + i] += gy
        a[y + j] -= gy
      }
      return
    }
    let seed = a[output]
    for s in 0..<count {
      let i = indices[first + s]
      let j = indices[second + s]
      let gx = seed * partials[2 * s]
      let gy = seed * partials[2 * s + 1]
      a[x + i] += gx
      a[x + j] -= gx
      a[y + i] += gy
      a[y + j] -= gy
    }
  }

  /// Whether `x` is exactly 1 with every tangent zero, read from its `Double`
  /// components (false when the real kernels do not apply). Multiplying by
  /// such a value changes nothing but, at most, the sign of a zero.
  @inlinable
  static func isUnit(_ x: T) -> Bool {
    guard let components = realComponents else { return false }
    return withUnsafeBytes(of: x) { bytes in
      let doubles = bytes.assumingMemoryBound(to: Double.self)
      guard doubles[0] == 1 else { return false }
      for d in 1..<components where doubles[d] != 0 { return false }
      return true
    }
  }
}
