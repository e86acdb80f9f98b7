import RealModule
import TandemAD
import TandemProcess

/// An inner optimizer realised on scalar type `T`: its hyperparameters as
/// `T` values and its state (velocity, moments), updated in place.
///
/// Updating allocates nothing: the state arrays are sized once.
public struct InnerOptimizer<T: Scalar> {
  /// The update rule and where its hyperparameters come from.
  public let description: OptimizerDescription
  /// α.
  public var rate: T
  /// μ.
  public var momentum: T
  /// β₁.
  public var beta1: T
  /// β₂.
  public var beta2: T
  /// ε.
  public var epsilon: T
  /// λ.
  public var weightDecay: T
  /// γ.
  public var decay: T
  /// The velocity (momentum, Nesterov) or Adam's first moment m.
  public var velocity: [T]
  /// Adam's second moment s.
  public var secondMoment: [T]
  /// Updates applied so far (t).
  public var stepsTaken = 0

  /// Realises `description` with `parameters` for `count` weights, with
  /// zero state.
  @inlinable
  public init(_ description: OptimizerDescription, parameters: [T], count: Int) {
    self.description = description
    rate = description.rate.value(in: parameters)
    momentum = description.momentum.value(in: parameters)
    beta1 = description.beta1.value(in: parameters)
    beta2 = description.beta2.value(in: parameters)
    epsilon = description.epsilon.value(in: parameters)
    weightDecay = description.weightDecay.value(in: parameters)
    decay = description.decay.value(in: parameters)
    let needsVelocity = description.method != .sgd
    velocity = [T](repeating: .zero, count: needsVelocity ? count : 0)
    secondMoment = [T](repeating: .zero, count: description.method == .adam ? count : 0)
  }

  /// Takes the hyperparameters' values from new `parameters`, keeping the
  /// state.
  @inlinable
  public mutating func updateHyperparameters(_ parameters: [T]) {
    let state = (velocity, secondMoment, stepsTaken)
    self = InnerOptimizer(description, parameters: parameters, count: 0)
    (velocity, secondMoment, stepsTaken) = state
  }

  /// Zeroes the tangents of the state (not of the hyperparameters).
  @inlinable
  public mutating func stopTangents() {
    for i in velocity.indices { velocity[i] = velocity[i].tangentStopped }
    for i in secondMoment.indices { secondMoment[i] = secondMoment[i].tangentStopped }
  }

  /// The learning rate of the next update, α·γᵗ (α itself when γ is the
  /// constant 1).
  @inlinable
  public var currentRate: T {
    Self.isConstant(description.decay, 1) ? rate : rate * T.pow(decay, stepsTaken)
  }

  /// Whether `quantity` is the constant `value`. Matched by pattern, not
  /// with `==`: `Quantity` is an indirect enum, and building the
  /// `.constant(value)` to compare with allocates a box on every call (two
  /// allocations per training step).
  @inlinable
  static func isConstant(_ quantity: Quantity, _ value: Double) -> Bool {
    if case .constant(let constant) = quantity { return constant == value }
    return false
  }

  /// Applies one update to `weights` given the loss's `gradient` there.
  @inlinable
  public mutating func update(_ weights: inout [T], gradient: [T]) {
    precondition(
      weights.count == gradient.count,
      "\(gradient.count) gradient entries for \(weights.count) weights")
    let alpha = currentRate
    let decays = !Self.isConstant(description.weightDecay, 0)
    switch description.method {
    case .sgd:
      for i in weights.indices {
        let g = decays ? gradient[i] + weightDecay * weights[i] : gradient[i]
        weights[i] -= alpha * g
      }
    case .momentum:
      for i in weights.indices {
        let g = decays ? gradient[i] + weightDecay * weights[i] : gradient[i]
        velocity[i] = momentum * velocity[i] + g
        weights[i] -= alpha * velocity[i]
      }
    case .nesterov:
      for i in weights.indices {
        let g = decays ? gradient[i] + weightDecay * weights[i] : gradient[i]
        velocity[i] = momentum * velocity[i] + g
        weights[i] -= alpha * (g + momentum * velocity[i])
      }
    case .adam:
      let t = stepsTaken + 1
      let firstCorrection = 1 / (1 - T.pow(beta1, t))
      let secondCorrection = 1 / (1 - T.pow(beta2, t))
      for i in weights.indices {
        let g = decays ? gradient[i] + weightDecay * weights[i] : gradient[i]
        velocity[i] = beta1 * velocity[i] + (1 - beta1) * g
        secondMoment[i] = beta2 * secondMoment[i] + (1 - beta2) * g * g
        let denominator = T.sqrt(secondMoment[i] * secondCorrection) + epsilon
        weights[i] -= alpha * (velocity[i] * firstCorrection) / denominator
      }
    }
    stepsTaken += 1
  }
}
