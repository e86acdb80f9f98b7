import RealModule
import TandemAD

extension ModelDescription {
  /// The model's outputs for a batch, one example per row of `inputs`, with
  /// `weights` the recorded flat weight vector (storage order).
  ///
  /// The whole model is one fused node (see
  /// ``TandemAD/Tape/perceptron(_:parameters:widths:activation:inputGradient:)``):
  /// the hidden activations never go on the tape. The inputs are data:
  /// their adjoints are not accumulated.
  @inlinable
  public func outputs<T: Scalar>(for inputs: TracedMatrix<T>, weights: TracedVector<T>)
    -> TracedMatrix<T>
  {
    precondition(
      inputs.columns == inputCount, "\(inputs.columns) input columns for \(inputCount) model inputs"
    )
    precondition(weights.count == parameterCount, "\(weights.count) weights for \(parameterCount)")
    return inputs.perceptron(
      parameters: weights, widths: widths, activation: activation,
      inputGradient: false)
  }
}
