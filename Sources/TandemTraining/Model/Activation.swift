import RealModule
import TandemAD

/// The function applied elementwise after every hidden layer (the output
/// layer is always linear).
public enum Activation: String, Sendable, Hashable, CaseIterable {
  /// tanh x; derivative 1 − tanh² x.
  case tanh
  /// max(0, x); derivative 1 for x > 0 and 0 for x ≤ 0 (one-sided at 0:
  /// the branch is taken on the primal value).
  case relu
  /// 1/(1 + e⁻ˣ); derivative σ(1 − σ). Evaluated as e^x/(1 + e^x) for
  /// x < 0, so neither branch overflows.
  case sigmoid

  /// The same function for the layer nodes (``TandemAD/Tape/perceptron(_:parameters:widths:activation:inputGradient:)``).
  @inlinable
  public var layerActivation: DenseActivation {
    switch self {
    case .tanh: .tanh
    case .relu: .relu
    case .sigmoid: .sigmoid
    }
  }
}
