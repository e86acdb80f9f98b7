import RealModule
import TandemAD

/// The function a layer applies to its affine output, elementwise: every
/// hidden layer's (`tanh` by default in a model; a scene's `activation:` key),
/// and `identity` for the output layer, which is always linear.
///
/// The layer nodes (``TandemAD/Tape/dense(_:weights:bias:activation:inputGradient:)``,
/// ``TandemAD/Tape/perceptron(_:parameters:widths:activation:inputGradient:)``)
/// evaluate tanh with ``Swift/Double/tanh8(_:)`` and the logistic function with
/// ``Swift/Double/sigmoid8(_:)`` on `Double` and `Dual<N, Double>` (within a
/// few ulp of the exact value); on other scalars ``value(_:)`` is used. Either
/// way the derivative is taken from the output, by ``slope(output:)``.
public enum Activation: String, Sendable, Hashable, CaseIterable {
  /// No function: the layer is affine, X·W + b.
  case identity
  /// tanh z; derivative 1 − h·h.
  case tanh
  /// max(0, z); derivative 1 for z > 0 and 0 for z ≤ 0 (one-sided at 0:
  /// the branch is taken on the primal value).
  case relu
  /// The logistic function 1/(1 + e⁻ᶻ); derivative h·(1 − h). Evaluated
  /// as e^z/(1 + e^z) for z < 0, so neither branch overflows.
  case sigmoid

  /// The activations a hidden layer may use (every case but `identity`).
  public static let hidden: [Activation] = [.tanh, .relu, .sigmoid]

  /// A small number for a tape node's integer arguments (0 to 3).
  @inlinable
  public var code: Int {
    switch self {
    case .identity: 0
    case .tanh: 1
    case .relu: 2
    case .sigmoid: 3
    }
  }

  /// The activation whose ``code`` is `code` (the low two bits are read).
  @inlinable
  public init(code: Int) {
    switch code & 3 {
    case 0: self = .identity
    case 1: self = .tanh
    case 2: self = .relu
    default: self = .sigmoid
    }
  }

  /// f(z) on any scalar, by its own arithmetic.
  @inlinable
  public func value<T: Scalar>(_ z: T) -> T {
    switch self {
    case .identity: return z
    case .tanh: return T.tanh(z)
    case .relu: return z > .zero ? z : .zero
    case .sigmoid:
      if z < .zero {
        let e = T.exp(z)
        return e / (1 + e)
      }
      return 1 / (1 + T.exp(-z))
    }
  }

  /// f′(z) from the output h = f(z).
  @inlinable
  public func slope<T: Scalar>(output h: T) -> T {
    switch self {
    case .identity: return 1
    case .tanh: return 1 - h * h
    case .relu: return h > .zero ? 1 : .zero
    case .sigmoid: return h * (1 - h)
    }
  }
}
