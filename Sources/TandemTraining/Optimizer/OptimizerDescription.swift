import TandemAD
import TandemProcess

/// An inner optimizer with its hyperparameters, each a ``TandemAD/Quantity``
/// (a constant, or a process parameter that can be tuned).
///
/// Every hyperparameter enters the update as a scalar of the engine's type,
/// so a run on `Dual` numbers differentiates the training with respect to
/// any of them.
public struct OptimizerDescription: Sendable, Hashable {
  /// The update rule.
  public var method: OptimizerMethod
  /// The learning rate α (before decay).
  public var rate: Quantity
  /// The momentum μ (momentum and Nesterov).
  public var momentum: Quantity
  /// Adam's β₁.
  public var beta1: Quantity
  /// Adam's β₂.
  public var beta2: Quantity
  /// Adam's ε, added outside the square root.
  public var epsilon: Quantity
  /// The L2 weight decay λ: λ·w is added to the gradient (so λ/2·‖w‖² to
  /// the loss) before the update rule sees it, for every method.
  public var weightDecay: Quantity
  /// The exponential learning-rate decay γ per step: step t (from 0) uses
  /// α_t = α·γᵗ. 1 means no decay.
  public var decay: Quantity

  /// Creates an optimizer description; unset hyperparameters take the usual
  /// defaults (μ = 0.9, β₁ = 0.9, β₂ = 0.999, ε = 1e-8, no decay).
  public init(
    method: OptimizerMethod, rate: Quantity, momentum: Quantity = 0.9, beta1: Quantity = 0.9,
    beta2: Quantity = 0.999, epsilon: Quantity = 1e-8, weightDecay: Quantity = 0,
    decay: Quantity = 1
  ) {
    self.method = method
    self.rate = rate
    self.momentum = momentum
    self.beta1 = beta1
    self.beta2 = beta2
    self.epsilon = epsilon
    self.weightDecay = weightDecay
    self.decay = decay
  }
}
