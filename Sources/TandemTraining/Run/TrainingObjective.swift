/// What the run's ``Training/loss()`` reports: the end-state loss whose
/// tangents are the hypergradient.
public enum TrainingObjective: String, Sendable, Hashable, CaseIterable {
  /// The loss on the validation examples (the usual hyperparameter
  /// objective).
  case validationLoss = "validation-loss"
  /// The loss on all training examples (not just the last batch).
  case trainingLoss = "training-loss"
}
