import RealModule
import TandemAD

extension Tape {
  /// A multilayer perceptron on a batch, recorded as one node: each layer
  /// computes X·W + b, every layer but the last then applies `activation`.
  ///
  /// On `Double` and `Dual<N, Double>` the node keeps the hidden activations
  /// off the tape, as struct-of-arrays planes of `Double` components that
  /// its forward and backward kernels (LayersForward.swift,
  /// LayersBackward.swift, on the planes of LayerPlanes.swift) run over
  /// sixteen rows at a time; only the output is a tape vector. On other scalars it
  /// records one ``dense(_:weights:bias:activation:inputGradient:)`` node
  /// per layer, with the same values.
  ///
  /// - Parameters:
  ///   - input: the `rows × widths[0]` batch, one example per row.
  ///   - parameters: every layer's weights (`widths[l] × widths[l + 1]`,
  ///     row-major) followed by its biases (`widths[l + 1]`), layer by layer.
  ///   - widths: the input width, then each layer's width.
  ///   - activation: the function after every layer but the last.
  ///   - inputGradient: whether the backward pass accumulates the input's
  ///     adjoint; pass `false` for data, whose adjoint nobody reads (its
  ///     adjoint then stays zero).
  /// - Returns: the `rows × widths.last` outputs.
  ///
  /// Each element sums over a layer's inputs in order from the first, then
  /// adds the bias; sums over the batch (the parameters' adjoints) run in a
  /// fixed order of eight partial sums, the same for every scalar type.
  @inlinable
  public func perceptron(
    _ input: TracedMatrix<T>, parameters: TracedVector<T>, widths: [Int],
    activation: Activation = .tanh, inputGradient: Bool = true
  ) -> TracedMatrix<T> {
    precondition(widths.count >= 2, "a perceptron needs at least one layer")
    precondition(
      widths[0] == input.columns, "\(input.columns) input columns for a width of \(widths[0])")
    var count = 0
    for l in 1..<widths.count { count += widths[l - 1] * widths[l] + widths[l] }
    precondition(parameters.count == count, "\(parameters.count) parameters for \(count)")
    guard Self.realComponents != nil else {
      var activations = input
      var offset = 0
      for l in 1..<widths.count {
        let (n, m) = (widths[l - 1], widths[l])
        activations = activations.dense(
          weights: parameters[offset..<(offset + n * m)].reshaped(rows: n, columns: m),
          bias: parameters[(offset + n * m)..<(offset + n * m + m)],
          activation: l < widths.count - 1 ? activation : .identity,
          inputGradient: l > 1 || inputGradient)
        offset += n * m + m
      }
      return activations
    }
    let layout = appendNodeArgument(widths[0])
    var offset = parameters.start
    for l in 1..<widths.count {
      let (n, m) = (widths[l - 1], widths[l])
      appendNodeArgument(m)
      appendNodeArgument(offset)
      appendNodeArgument(offset + n * m)
      offset += n * m + m
    }
    var flags = LayerFlags(hidden: activation, output: .identity)
    if inputGradient { flags.insert(.inputGradient) }
    return recordLayers(input, layout: layout, layers: widths.count - 1, flags: flags)
  }

  /// Records a fused layer node whose layout (the input width, then per
  /// layer its width and the offsets of its weights and biases) is at
  /// node argument `layout`, on the real kernels (``realComponents`` must
  /// not be nil).
  @inlinable
  func recordLayers(_ input: TracedMatrix<T>, layout: Int, layers: Int, flags: LayerFlags)
    -> TracedMatrix<T>
  {
    let components = Self.realComponents!
    let rows = input.rows
    let (savedCount, scratchCount, columns) = withNodeArguments { arguments in
      let fields = arguments.baseAddress! + layout
      return (
        layerSavedCount(components: components, rows: rows, layout: fields, layers: layers),
        layerScratchCount(components: components, rows: rows, layout: fields, layers: layers),
        fields[1 + layerLayoutFields * (layers - 1)]
      )
    }
    let output = reserveValues(rows * columns)
    let saved = reserveSaved(savedCount)
    reserveRealScratch(scratchCount)
    let recorded = withRecordingBuffers { tape in
      let count = tape.values.count * components
      return UnsafeMutableRawPointer(tape.values.baseAddress!).withMemoryRebound(
        to: Double.self, capacity: count
      ) { doubles in
        layersForward(
          components: components, values: doubles, input: input.elements.start, rows: rows,
          layout: tape.arguments.baseAddress! + layout, layers: layers, output: output,
          flags: flags.rawValue, saved: tape.saved.baseAddress! + saved,
          scratch: tape.scratch.baseAddress!)
      }
    }
    let arguments = appendNodeArgument(input.elements.start)
    appendNodeArgument(rows)
    appendNodeArgument(layout)
    appendNodeArgument(layers)
    appendNodeArgument(output)
    appendNodeArgument(saved)
    appendNodeArgument(recorded)
    record(kind(of: LayersNode<T>.self), arguments: arguments)
    return TracedMatrix(
      TracedVector(tape: self, start: output, count: rows * columns), rows: rows, columns: columns)
  }
}

/// The fused layer node of ``TandemAD/Tape/perceptron(_:parameters:widths:activation:inputGradient:)``
/// (and of the real path of ``TandemAD/Tape/dense(_:weights:bias:activation:inputGradient:)``)
/// on `Double` components: the layer widths and the offsets of each layer's
/// weights and biases are at node argument `layout`, the input and every
/// layer's output are kept as planes in the saved buffer at `saved`, and
/// `flags` are ``LayerFlags``.
///
/// Arguments: input, rows, layout, layers, output, saved, flags.
@usableFromInline
enum LayersNode<T: Scalar>: BulkNode {
  /// The vector-Jacobian product of a fused layer node.
  @inlinable
  static func pullBack(arguments: Int, buffers: TapeBackwardBuffers<T>) {
    let p = buffers.arguments.baseAddress! + arguments
    let (input, rows, layout, layers, output, saved, flags) = (
      p[0], p[1], p[2], p[3], p[4], p[5], p[6]
    )
    let components = Tape<T>.realComponents!
    let count = buffers.values.count * components
    UnsafeRawPointer(buffers.values.baseAddress!).withMemoryRebound(
      to: Double.self, capacity: count
    ) { v in
      UnsafeMutableRawPointer(buffers.adjoints.baseAddress!).withMemoryRebound(
        to: Double.self, capacity: count
      ) { adjoints in
        layersBackward(
          components: components, values: v, adjoints: adjoints, input: input, rows: rows,
          layout: buffers.arguments.baseAddress! + layout, layers: layers, output: output,
          flags: flags, saved: buffers.saved.baseAddress! + saved,
          scratch: buffers.scratch.baseAddress!)
      }
    }
  }
}

extension TracedMatrix {
  /// A multilayer perceptron applied to this batch, one fused node: see
  /// ``Tape/perceptron(_:parameters:widths:activation:inputGradient:)``.
  @inlinable
  public func perceptron(
    parameters: TracedVector<T>, widths: [Int], activation: Activation = .tanh,
    inputGradient: Bool = true
  ) -> TracedMatrix<T> {
    elements.tape.perceptron(
      self, parameters: parameters, widths: widths, activation: activation,
      inputGradient: inputGradient)
  }
}
