import RealModule
import TandemAD

extension Tape {
  /// A dense layer, f(X·W + b) for a batch X of examples in rows, recorded
  /// as one fused node: the product, the bias and the activation in one
  /// pass, one output vector on the tape instead of three, and a
  /// vector-Jacobian product that pulls back through all three at once
  /// (for tanh the derivative 1 − h² is recomputed from the saved output h).
  ///
  /// - Parameters:
  ///   - input: the `rows × inner` batch.
  ///   - weights: the `inner × columns` weights.
  ///   - bias: `columns` biases, added to every row.
  ///   - activation: the function applied elementwise.
  ///   - inputGradient: whether the backward pass accumulates the input's
  ///     adjoint. Pass `false` when the input is data whose adjoint nobody
  ///     reads (a network's first layer): it saves a third of the work.
  ///     Its adjoint then stays zero.
  ///
  /// The affine value of each element is Σ_k X[r][k]·W[k][c] summed in order
  /// of k from zero, then the bias added: the rounding of
  /// ``TracedMatrix/multiplied(by:)-(TracedMatrix<T>)`` followed by
  /// ``TracedMatrix/addingToEachRow(_:)``. On `Double` and
  /// `Dual<N, Double>` this is a one-layer
  /// ``perceptron(_:parameters:widths:activation:inputGradient:)`` node
  /// (the same kernels; weights and biases may be anywhere on the tape).
  @inlinable
  public func dense(
    _ input: TracedMatrix<T>, weights: TracedMatrix<T>, bias: TracedVector<T>,
    activation: Activation = .identity, inputGradient: Bool = true
  ) -> TracedMatrix<T> {
    precondition(
      weights.rows == input.columns,
      "a \(input.rows)×\(input.columns) batch times \(weights.rows)×\(weights.columns) weights")
    precondition(
      bias.count == weights.columns, "\(bias.count) biases for \(weights.columns) columns")
    let (rows, inner, columns) = (input.rows, input.columns, weights.columns)
    let (x, w, b) = (input.elements.start, weights.elements.start, bias.start)
    if Self.realComponents != nil {
      // One layer of the fused layer node, on the Double components.
      let layout = appendNodeArgument(inner)
      appendNodeArgument(columns)
      appendNodeArgument(w)
      appendNodeArgument(b)
      var flags = LayerFlags(hidden: .identity, output: activation)
      if inputGradient { flags.insert(.inputGradient) }
      return recordLayers(input, layout: layout, layers: 1, flags: flags)
    }
    let output = reserveValues(rows * columns)
    denseGenericForward(
      x: x, rows: rows, inner: inner, w: w, columns: columns, b: b, output: output,
      activation: activation)
    let arguments = appendNodeArgument(x)
    appendNodeArgument(rows)
    appendNodeArgument(inner)
    appendNodeArgument(w)
    appendNodeArgument(columns)
    appendNodeArgument(b)
    appendNodeArgument(output)
    appendNodeArgument(activation.code | (inputGradient ? 4 : 0))
    record(kind(of: DenseNode<T>.self), arguments: arguments)
    return TracedMatrix(
      TracedVector(tape: self, start: output, count: rows * columns), rows: rows, columns: columns)
  }

  /// The forward pass of ``dense(_:weights:bias:activation:inputGradient:)``
  /// on any scalar, element by element.
  @inlinable
  func denseGenericForward(
    x: Int, rows: Int, inner: Int, w: Int, columns: Int, b: Int, output: Int,
    activation: Activation
  ) {
    withRecordingBuffers { tape in
      let v = tape.values
      // Each output element accumulated in a register and stored once
      // (a row-by-row multiply-add read and wrote every element `inner`
      // times): same order of summation, same rounding.
      for r in 0..<rows {
        let out = output + r * columns
        let row = x + r * inner
        for c in 0..<columns {
          var total = T.zero
          for k in 0..<inner { total += v[row + k] * v[w + k * columns + c] }
          v[out + c] = total + v[b + c]
        }
      }
      let outputs = UnsafeMutableBufferPointer(rebasing: v[output..<(output + rows * columns)])
      switch activation {
      case .identity: break
      case .tanh: T.formTanh(outputs)  // vectorised on Double values
      case .relu, .sigmoid:
        for i in outputs.indices { outputs[i] = activation.value(outputs[i]) }
      }
    }
  }
}

/// The generic dense-layer node of ``TandemAD/Tape/dense(_:weights:bias:activation:inputGradient:)``,
/// for scalars the real kernels do not take (nested duals, `Recorded`):
/// `output = f(input · weights + bias)` for a row-major `rows × inner`
/// input, an `inner × columns` weight matrix and a bias row, with f the
/// ``Activation`` whose code is `flags & 3`; the input's adjoint
/// is accumulated only when `flags` bit 2 is set.
///
/// Arguments: input, rows, inner, weights, columns, bias, output, flags.
@usableFromInline
enum DenseNode<T: Scalar>: BulkNode {
  /// Reads a node's arguments and pulls back through it.
  @inlinable
  static func pullBack(arguments: Int, buffers: TapeBackwardBuffers<T>) {
    let p = buffers.arguments.baseAddress! + arguments
    pullBack(
      input: p[0], rows: p[1], inner: p[2], weights: p[3], columns: p[4], bias: p[5], output: p[6],
      activation: Activation(code: p[7]), inputGradient: p[7] & 4 != 0,
      values: buffers.values, adjoints: buffers.adjoints)
  }

  /// The vector-Jacobian product of ``dense(_:weights:bias:activation:inputGradient:)``:
  /// with dZ = dY ⊙ f′, dW += Xᵀ·dZ, db += Σ_rows dZ, dX += dZ·Wᵀ.
  /// dZ is formed one row (in blocks of columns) at a time in a stack buffer.
  @inlinable
  static func pullBack(
    input x: Int, rows: Int, inner: Int, weights w: Int, columns: Int, bias b: Int, output: Int,
    activation: Activation, inputGradient: Bool, values: UnsafeBufferPointer<T>,
    adjoints a: UnsafeMutableBufferPointer<T>
  ) {
    // At most 1 KiB, which the standard library keeps on the stack.
    let block = Swift.max(1, 1024 / MemoryLayout<T>.stride)
    withUnsafeTemporaryAllocation(of: T.self, capacity: block) { scratch in
      let dz = scratch.baseAddress!
      dz.initialize(repeating: .zero, count: block)
      // Columns in blocks, so the scratch row stays on the stack however wide the layer.
      var first = 0
      while first < columns {
        let width = Swift.min(block, columns - first)
        for r in 0..<rows {
          let out = output + r * columns + first
          if activation == .identity {
            for c in 0..<width { dz[c] = a[out + c] }
          } else {
            for c in 0..<width { dz[c] = a[out + c] * activation.slope(output: values[out + c]) }
          }
          for c in 0..<width { a[b + first + c] += dz[c] }
          for k in 0..<inner {
            let xk = values[x + r * inner + k]
            let row = w + k * columns + first
            for c in 0..<width { a[row + c] += xk * dz[c] }
            if inputGradient {
              var total = T.zero
              for c in 0..<width { total += dz[c] * values[row + c] }
              a[x + r * inner + k] += total
            }
          }
        }
        first += width
      }
      dz.deinitialize(count: block)
    }
  }
}

extension TracedMatrix {
  /// f(self · weights + bias), one fused node: see
  /// ``Tape/dense(_:weights:bias:activation:inputGradient:)``.
  @inlinable
  public func dense(
    weights: TracedMatrix<T>, bias: TracedVector<T>, activation: Activation = .identity,
    inputGradient: Bool = true
  ) -> TracedMatrix<T> {
    elements.tape.dense(
      self, weights: weights, bias: bias, activation: activation, inputGradient: inputGradient)
  }
}
