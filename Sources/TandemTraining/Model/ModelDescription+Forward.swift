import RealModule
import TandemAD

extension ModelDescription {
  /// The model's outputs for a batch, one example per row of `inputs`, with
  /// `weights` the recorded flat weight vector (storage order).
  ///
  /// Records one fused dense node per layer (X·W + b and, for tanh, the
  /// activation; see ``TandemAD/Tape/dense(_:weights:bias:activation:inputGradient:)``),
  /// plus an elementwise map for the other activations — never one node
  /// per scalar.
  @inlinable
  public func outputs<T: Scalar>(for inputs: TracedMatrix<T>, weights: TracedVector<T>)
    -> TracedMatrix<T>
  {
    precondition(
      inputs.columns == inputCount, "\(inputs.columns) input columns for \(inputCount) model inputs"
    )
    precondition(weights.count == parameterCount, "\(weights.count) weights for \(parameterCount)")
    var activations = inputs
    var offset = 0
    let layers = widths.count - 1
    for layer in 1...layers {
      let (n, m) = (widths[layer - 1], widths[layer])
      let w = weights[offset..<(offset + n * m)].reshaped(rows: n, columns: m)
      let b = weights[(offset + n * m)..<(offset + n * m + m)]
      offset += n * m + m
      // One fused node per layer (product, bias, tanh); the first layer's
      // input is data, whose adjoint nobody reads.
      let fused: DenseActivation = layer < layers && activation == .tanh ? .tanh : .identity
      let affine = activations.dense(
        weights: w, bias: b, activation: fused, inputGradient: layer > 1)
      activations = layer == layers || activation == .tanh ? affine : activation.apply(to: affine)
    }
    return activations
  }
}
