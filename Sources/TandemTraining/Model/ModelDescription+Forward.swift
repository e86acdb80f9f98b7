import RealModule
import TandemAD

extension ModelDescription {
  /// The model's outputs for a batch, one example per row of `inputs`, with
  /// `weights` the recorded flat weight vector (storage order).
  ///
  /// With tanh (or a single layer) the whole model is one fused node (see
  /// ``TandemAD/Tape/perceptron(_:parameters:widths:activation:inputGradient:)``):
  /// the hidden activations never go on the tape. Other activations record
  /// one fused dense node per layer and an elementwise map between them —
  /// never one node per scalar. The inputs are data: their adjoints are
  /// not accumulated.
  @inlinable
  public func outputs<T: Scalar>(for inputs: TracedMatrix<T>, weights: TracedVector<T>)
    -> TracedMatrix<T>
  {
    precondition(
      inputs.columns == inputCount, "\(inputs.columns) input columns for \(inputCount) model inputs"
    )
    precondition(weights.count == parameterCount, "\(weights.count) weights for \(parameterCount)")
    let layers = widths.count - 1
    if activation == .tanh || layers == 1 {
      return inputs.perceptron(
        parameters: weights, widths: widths, activation: .tanh, inputGradient: false)
    }
    var activations = inputs
    var offset = 0
    for layer in 1...layers {
      let (n, m) = (widths[layer - 1], widths[layer])
      let w = weights[offset..<(offset + n * m)].reshaped(rows: n, columns: m)
      let b = weights[(offset + n * m)..<(offset + n * m + m)]
      offset += n * m + m
      let affine = activations.dense(weights: w, bias: b, inputGradient: layer > 1)
      activations = layer == layers ? affine : activation.apply(to: affine)
    }
    return activations
  }
}
