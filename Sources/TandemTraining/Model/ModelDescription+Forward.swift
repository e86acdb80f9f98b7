import RealModule
import TandemAD

extension ModelDescription {
  /// The model's outputs for a batch, one example per row of `inputs`, with
  /// `weights` the recorded flat weight vector (storage order).
  ///
  /// Records a few bulk nodes per layer — X·W (one matrix product for the
  /// whole batch), the biases added to every row, the activation as one
  /// elementwise map — never one node per scalar.
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
      let affine = activations.multiplied(by: w).addingToEachRow(b)
      activations = layer == layers ? affine : activation.apply(to: affine)
    }
    return activations
  }
}
