import TandemTraining

/// The `optimizer:` block of a training scene: the inner optimizer, whose
/// hyperparameters are ``SceneNumber``s so that they can be tuned.
public struct OptimizerSettings: Hashable, Sendable {
  /// An inner optimizer.

  /// The method (required).
  public var method: OptimizerMethod
  /// The learning rate α (required).
  public var rate: SceneNumber
  /// μ for `momentum` and `nesterov`; default 0.9. Rejected with other methods.
  public var momentum: SceneNumber
  /// Adam's β₁; default 0.9. Rejected with other methods.
  public var beta1: SceneNumber
  /// Adam's β₂; default 0.999. Rejected with other methods.
  public var beta2: SceneNumber
  /// Adam's ε; default 1e-8. Rejected with other methods.
  public var epsilon: SceneNumber
  /// L2 weight decay λ: λ·w is added to the gradient before the update rule
  /// sees it (so λ/2·‖w‖² to the loss); default 0.
  public var weightDecay: SceneNumber
  /// The learning-rate decay factor γ per step, in (0, 1]: step t (from 0)
  /// uses the rate α·γᵗ; default 1 (no decay).
  public var decay: SceneNumber

  /// Settings from their fields, each with the documented default.
  public init(
    method: OptimizerMethod, rate: SceneNumber, momentum: SceneNumber = 0.9,
    beta1: SceneNumber = 0.9,
    beta2: SceneNumber = 0.999, epsilon: SceneNumber = 1e-8, weightDecay: SceneNumber = 0,
    decay: SceneNumber = 1
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

/// The `training:` block.
public struct TrainingSettings: Hashable, Sendable {
  /// How many examples each step sees.
  public enum Batch: Hashable, Sendable {
    /// The whole training set every step (`batch: full`, the default).
    case full
    /// A seeded shuffle, this many examples per step.
    case size(Int)
  }

  /// The number of inner steps (required, ≥ 1).
  public var steps: Int
  /// The batch; default `full`.
  public var batch: Batch
  /// The shuffle's seed; default 0.
  public var seed: Int

  /// Settings from their fields.
  public init(steps: Int, batch: Batch = .full, seed: Int = 0) {
    self.steps = steps
    self.batch = batch
    self.seed = seed
  }
}
