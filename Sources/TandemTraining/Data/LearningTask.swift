/// What a data set's target column holds.
public enum LearningTask: String, Sendable, Hashable, CaseIterable {
  /// Numbers to predict: one target per example, its value.
  case regression
  /// Class names (any text) to predict: one-hot targets with one column per
  /// distinct name, classes numbered in sorted order of their names.
  case classification
}
