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

  /// Applies the activation to every element of `m`, recorded as one node.
  @inlinable
  public func apply<T: Scalar>(to m: TracedMatrix<T>) -> TracedMatrix<T> {
    switch self {
    case .tanh:
      m.map { v in
        let t = T.tanh(v)
        return (t, 1 - t * t)
      }
    case .relu:
      m.map { v in v > .zero ? (v, 1) : (.zero, .zero) }
    case .sigmoid:
      m.map { v in
        let s: T
        if v < .zero {
          let e = T.exp(v)
          s = e / (1 + e)
        } else {
          s = 1 / (1 + T.exp(-v))
        }
        return (s, s * (1 - s))
      }
    }
  }
}
