/// The outer optimizer.
public enum TuningMethod: String, Sendable, CaseIterable {
  /// Gradient descent: u ← u − rate·∇L, monotone (a step that raises the loss
  /// is retried at half the length).
  case gradientDescent = "gd"
  /// Adam on the optimizer coordinates (bias-corrected moments, β₁ = 0.9,
  /// β₂ = 0.999, ε = 1e-8); a step that makes the loss non-finite or more than
  /// 1.5 times larger is retried at half the length.
  case adam
  /// Newton's method with the exact Hessian from dual numbers of dual
  /// numbers (up to 4 parameters), saddle-free (negative curvature is
  /// flipped, so every step goes downhill), at most one unit long in the
  /// optimizer's coordinates, and monotone like gradient descent.
  case newton
  /// Levenberg–Marquardt, for a loss that is a sum of squared residuals
  /// (observations of recorded motion, targets): the residuals' exact
  /// Jacobian J from one run, the step solving (JᵀJ + μ·diag(JᵀJ))·δ = −Jᵀr
  /// in the optimizer's coordinates, μ raised after a rejected step and
  /// lowered after a good one (Nielsen's rule). No rate.
  case levenbergMarquardt = "levenberg-marquardt"
}
