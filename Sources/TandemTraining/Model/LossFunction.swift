import RealModule
import TandemAD

/// How a batch's outputs are compared with its targets.
public enum LossFunction: String, Sendable, Hashable, CaseIterable {
  /// Mean squared error: the mean over every output element of
  /// (output − target)²; for one output, the mean over examples.
  case meanSquaredError = "mse"
  /// Softmax cross-entropy, the outputs taken as logits: the mean over
  /// examples of log Σ_c exp(z_c) − Σ_c y_c·z_c, with y one-hot (or any
  /// probability vector). The log-sum-exp is the tape's stable row node
  /// (``TandemAD/TracedMatrix/rowLogSumExp()``).
  case softmaxCrossEntropy = "cross-entropy"

  /// The loss of `outputs` against `targets` (same shape), recorded as a few
  /// bulk nodes.
  @inlinable
  public func value<T: Scalar>(outputs: TracedMatrix<T>, targets: TracedMatrix<T>) -> Traced<T> {
    precondition(
      outputs.rows == targets.rows && outputs.columns == targets.columns,
      "outputs and targets differ in shape")
    switch self {
    case .meanSquaredError:
      let difference = outputs.elements - targets.elements
      return difference.dot(difference) * (1 / T(Double(difference.count)))
    case .softmaxCrossEntropy:
      let partition = outputs.rowLogSumExp().sum()
      let picked = outputs.elements.dot(targets.elements)
      return (partition - picked) * (1 / T(Double(outputs.rows)))
    }
  }
}
