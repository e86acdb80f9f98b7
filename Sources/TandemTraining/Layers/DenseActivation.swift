import RealModule
import TandemAD

/// The function a dense layer (``Tape/dense(_:weights:bias:activation:inputGradient:)``,
/// ``Tape/perceptron(_:parameters:widths:activation:inputGradient:)``) applies to
/// its affine output, elementwise.
///
/// On `Double` and `Dual<N, Double>` the layer kernels evaluate tanh with
/// ``Swift/Double/tanh8(_:)`` and the logistic function with
/// ``Swift/Double/sigmoid8(_:)`` (within a few ulp of the exact value); on
/// other scalars ``value(_:)`` is used. Either way the derivative is taken
/// from the output, by ``slope(output:)``.
public enum DenseActivation: Int, Sendable, Hashable, CaseIterable {
  /// No function: the layer is affine, X·W + b.
  case identity
  /// tanh z; derivative 1 − h·h.
  case tanh
  /// max(0, z); derivative 1 for z > 0 and 0 otherwise (the branch is taken
  /// on the value).
  case relu
  /// The logistic function 1/(1 + e⁻ᶻ); derivative h·(1 − h). Evaluated
  /// as e^z/(1 + e^z) for z < 0, so neither branch overflows.
  case sigmoid

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
