/// The inner optimizer's update rule. With g the gradient (plus λ·w when
/// there is weight decay) and α_t the step's learning rate:
public enum OptimizerMethod: String, Sendable, Hashable, CaseIterable {
  /// w ← w − α_t·g.
  case sgd
  /// Heavy-ball momentum: v ← μ·v + g; w ← w − α_t·v (v₀ = 0), as in
  /// benchmark B2.
  case momentum
  /// Nesterov momentum in its look-ahead-free form (as PyTorch's
  /// `nesterov=True`): v ← μ·v + g; w ← w − α_t·(g + μ·v).
  case nesterov
  /// Adam with bias correction, ε outside the square root:
  /// m ← β₁·m + (1 − β₁)·g; s ← β₂·s + (1 − β₂)·g²;
  /// w ← w − α_t·(m / (1 − β₁ᵗ)) / (√(s / (1 − β₂ᵗ)) + ε), t counting from 1.
  case adam
}
