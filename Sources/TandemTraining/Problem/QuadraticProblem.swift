import RealModule
import TandemAD

/// The classic illustration: f(w) = ½·Σ aᵢ·wᵢ² with a positive diagonal a,
/// minimised from a start point. Gradient descent with step α contracts
/// coordinate i by (1 − α·aᵢ) per step, so the best step size depends on the
/// horizon — which is what makes it a good test of hypergradients.
public struct QuadraticProblem: Sendable, Hashable {
  /// The diagonal aᵢ of the Hessian.
  public var diagonal: [Double]
  /// The start point w₀.
  public var start: [Double]

  /// Creates the problem; `diagonal` and `start` must have equal lengths.
  public init(diagonal: [Double], start: [Double]) {
    precondition(
      diagonal.count == start.count && !start.isEmpty, "one diagonal entry per start coordinate")
    self.diagonal = diagonal
    self.start = start
  }

  /// f(w) recorded on `tape` (where `w` is recorded), as two elementwise
  /// products and a sum.
  @inlinable
  public func value<T: Scalar>(at w: TracedVector<T>, on tape: Tape<T>) -> Traced<T> {
    let a = tape.variables(count: diagonal.count) { T(diagonal[$0]) }
    return (a * w * w).sum() * T(0.5)
  }

  /// f(w) on plain values.
  @inlinable
  public func value<T: Scalar>(at w: [T]) -> T {
    var total = T.zero
    for i in w.indices { total += T(0.5 * diagonal[i]) * w[i] * w[i] }
    return total
  }
}
