import RealModule

extension Tape {
  /// A multilayer perceptron on a batch, recorded as one node: each layer
  /// computes X·W + b, every layer but the last then applies `activation`.
  ///
  /// On `Double` and `Dual<N, Double>` the node keeps the hidden activations
  /// off the tape, as struct-of-arrays planes of `Double` components that
  /// its forward and backward kernels (LayerKernels.swift) run over eight
  /// rows at a time; only the output is a tape vector. On other scalars it
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
    activation: DenseActivation = .tanh, inputGradient: Bool = true
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
    let layout = layerLayouts.count
    layerLayouts.append(widths[0])
    var offset = parameters.start
    for l in 1..<widths.count {
      let (n, m) = (widths[l - 1], widths[l])
      layerLayouts.append(m)
      layerLayouts.append(offset)
      layerLayouts.append(offset + n * m)
      offset += n * m + m
    }
    var flags = LayerFlags(hidden: activation, output: .identity)
    if inputGradient { flags.insert(.inputGradient) }
    return recordLayers(input, layout: layout, layers: widths.count - 1, flags: flags)
  }

  /// Records a fused layer node whose layout is at `layerLayouts[layout]`,
  /// on the real kernels (``realComponents`` must not be nil).
  @inlinable
  func recordLayers(_ input: TracedMatrix<T>, layout: Int, layers: Int, flags: LayerFlags)
    -> TracedMatrix<T>
  {
    let components = Self.realComponents!
    let rows = input.rows
    let columns = layerLayouts[layout + 1 + layerLayoutFields * (layers - 1)]
    let output = appendZeros(rows * columns)
    var saved = 0
    var recorded = flags.rawValue
    layerLayouts.withUnsafeBufferPointer { layouts in
      let fields = layouts.baseAddress! + layout
      saved = reserveSaved(
        layerSavedCount(components: components, rows: rows, layout: fields, layers: layers))
      reserveRealScratch(
        layerScratchCount(components: components, rows: rows, layout: fields, layers: layers))
      let count = values.count * components
      values.withUnsafeMutableBufferPointer { v in
        UnsafeMutableRawPointer(v.baseAddress!).withMemoryRebound(to: Double.self, capacity: count)
        { doubles in
          realSaved.withUnsafeMutableBufferPointer { savedPlanes in
            realScratch.withUnsafeMutableBufferPointer { scratch in
              recorded = layersForward(
                components: components, values: doubles, input: input.elements.start, rows: rows,
                layout: fields, layers: layers, output: output, flags: flags.rawValue,
                saved: savedPlanes.baseAddress! + saved, scratch: scratch.baseAddress!)
            }
          }
        }
      }
    }
    operations.append(
      .layers(
        input: input.elements.start, rows: rows, layout: layout, layers: layers, output: output,
        saved: saved, flags: recorded))
    return TracedMatrix(
      TracedVector(tape: self, start: output, count: rows * columns), rows: rows, columns: columns)
  }

  /// The vector-Jacobian product of a fused layer node.
  @inlinable
  static func pullBackLayers(
    input: Int, rows: Int, layout: Int, layers: Int, output: Int, saved: Int, flags: Int,
    values: UnsafeBufferPointer<T>, adjoints a: UnsafeMutableBufferPointer<T>,
    layouts: UnsafeBufferPointer<Int>, savedPlanes: UnsafeBufferPointer<Double>,
    scratch: UnsafeMutableBufferPointer<Double>
  ) {
    let components = realComponents!
    let count = values.count * components
    UnsafeRawPointer(values.baseAddress!).withMemoryRebound(to: Double.self, capacity: count) {
      v in
      UnsafeMutableRawPointer(a.baseAddress!).withMemoryRebound(to: Double.self, capacity: count) {
        adjoints in
        layersBackward(
          components: components, values: v, adjoints: adjoints, input: input, rows: rows,
          layout: layouts.baseAddress! + layout, layers: layers, output: output, flags: flags,
          saved: savedPlanes.baseAddress! + saved, scratch: scratch.baseAddress!)
      }
    }
  }
}

extension TracedMatrix {
  /// A multilayer perceptron applied to this batch, one fused node: see
  /// ``Tape/perceptron(_:parameters:widths:activation:inputGradient:)``.
  @inlinable
  public func perceptron(
    parameters: TracedVector<T>, widths: [Int], activation: DenseActivation = .tanh,
    inputGradient: Bool = true
  ) -> TracedMatrix<T> {
    elements.tape.perceptron(
      self, parameters: parameters, widths: widths, activation: activation,
      inputGradient: inputGradient)
  }
}
