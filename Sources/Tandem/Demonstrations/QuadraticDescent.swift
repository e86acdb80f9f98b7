import RealModule
import TandemAD

/// The seed example: T steps of gradient descent with step size α on the
/// diagonal quadratic f(w) = ½·Σ hᵢ·wᵢ², and the derivative of the final
/// f(w_T) with respect to α.
///
/// Each step takes ∇f by reverse mode on a tape; running the descent on
/// `Dual<1, Double>` with α seeded carries dw/dα through every step, so the
/// final loss's tangent is the hypergradient dL/dα. Nothing of the
/// trajectory is stored.
///
/// In closed form, one coordinate evolves as wᵢ ← (1 − α·hᵢ)·wᵢ, so
/// L(α) = Σ ½·hᵢ·wᵢ₀²·(1 − α·hᵢ)^(2T) and
/// dL/dα = −Σ T·hᵢ²·wᵢ₀²·(1 − α·hᵢ)^(2T−1).
public struct QuadraticDescent: Sendable {
  /// The diagonal of the Hessian, hᵢ.
  public var curvatures: [Double]
  /// The starting point w₀.
  public var start: [Double]
  /// The number of descent steps T.
  public var steps: Int

  /// Creates the problem; `curvatures` and `start` must have equal lengths.
  public init(curvatures: [Double], start: [Double], steps: Int) {
    precondition(curvatures.count == start.count, "one curvature per coordinate")
    self.curvatures = curvatures
    self.start = start
    self.steps = steps
  }

  /// f(w_T) after descending with step size `stepSize`, on any scalar type.
  ///
  /// `tape` is reset and reused at every step, so the loop allocates nothing
  /// after its first step.
  @inlinable
  public func loss<T: Scalar>(stepSize: T, on tape: Tape<T> = Tape<T>()) -> T {
    var w = start.map { T($0) }
    for _ in 0..<steps {
      tape.reset()
      let x = tape.variables(w)
      let h = tape.variables(curvatures.lazy.map { T($0) })
      let energy = (h * x * x).sum() * T(0.5)
      tape.backward(from: energy)
      for i in w.indices { w[i] -= stepSize * tape.adjoint(of: x, at: i) }
    }
    var total = T.zero
    for i in w.indices { total += T(0.5 * curvatures[i]) * w[i] * w[i] }
    return total
  }

  /// The loss and its derivative with respect to the step size, from one run
  /// on dual numbers.
  public func lossWithHypergradient(stepSize: Double) -> (loss: Double, derivative: Double) {
    let result = valueWithDerivative(at: stepSize) { alpha in loss(stepSize: alpha) }
    return (result.value, result.derivative)
  }

  /// The loss and its derivative with respect to the step size, in closed form.
  public func closedForm(stepSize: Double) -> (loss: Double, derivative: Double) {
    var loss = 0.0
    var derivative = 0.0
    let t = Double(steps)
    for (h, w0) in zip(curvatures, start) {
      let contraction = 1 - stepSize * h
      loss += 0.5 * h * w0 * w0 * Double.pow(contraction, 2 * steps)
      derivative -= t * h * h * w0 * w0 * Double.pow(contraction, 2 * steps - 1)
    }
    return (loss, derivative)
  }

  /// One iteration of ``tuneStepSize(from:iterations:rate:)``.
  public struct Iteration: Sendable {
    /// The step size tried.
    public var stepSize: Double
    /// The loss it gave.
    public var loss: Double
    /// dL/dα there.
    public var hypergradient: Double
  }

  /// Hypergradient descent on the step size: gradient descent on log L with
  /// respect to log α, so the update is scale-free and α stays positive:
  /// log α ← log α − rate · α·L′(α)/L(α). A step that raises the loss is
  /// rejected and retried at half the length (at most ten times).
  public func tuneStepSize(from initial: Double, iterations: Int, rate: Double) -> [Iteration] {
    var alpha = initial
    var (loss, derivative) = lossWithHypergradient(stepSize: alpha)
    var history = [Iteration(stepSize: alpha, loss: loss, hypergradient: derivative)]
    for _ in 1..<max(iterations, 1) {
      guard loss > 0, loss.isFinite, derivative.isFinite else { break }
      var step = -rate * alpha * derivative / loss
      for _ in 0..<10 {
        let candidate = alpha * Double.exp(step)
        let (newLoss, newDerivative) = lossWithHypergradient(stepSize: candidate)
        if newLoss.isFinite && newLoss <= loss {
          (alpha, loss, derivative) = (candidate, newLoss, newDerivative)
          break
        }
        step /= 2
      }
      history.append(Iteration(stepSize: alpha, loss: loss, hypergradient: derivative))
    }
    return history
  }
}
