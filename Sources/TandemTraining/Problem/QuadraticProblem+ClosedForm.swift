import RealModule

extension QuadraticProblem {
  /// The loss after `steps` steps of plain gradient descent with step size
  /// α from ``start``, and its derivative with respect to α, in closed form:
  /// one coordinate evolves as wᵢ ← (1 − α·aᵢ)·wᵢ, so
  ///
  /// L(α) = Σ ½·aᵢ·wᵢ₀²·(1 − α·aᵢ)^(2T),
  /// dL/dα = −Σ T·aᵢ²·wᵢ₀²·(1 − α·aᵢ)^(2T−1).
  ///
  /// The independent reference for the hypergradient of a training run of
  /// this problem with `sgd` (`tandem demo quadratic` prints both).
  public func gradientDescentInClosedForm(
    stepSize alpha: Double, steps: Int
  ) -> (loss: Double, derivative: Double) {
    var loss = 0.0
    var derivative = 0.0
    let t = Double(steps)
    for (a, w0) in zip(diagonal, start) {
      let contraction = 1 - alpha * a
      loss += 0.5 * a * w0 * w0 * Double.pow(contraction, 2 * steps)
      derivative -= t * a * a * w0 * w0 * Double.pow(contraction, 2 * steps - 1)
    }
    return (loss, derivative)
  }
}
