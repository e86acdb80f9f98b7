import TandemAD
import TandemProcess

/// The examples a model trains on and those it is validated on.
public struct TrainingData: Sendable, Equatable {
  /// The examples the inner optimizer sees.
  public var training: Dataset
  /// Held-out examples, for the validation loss.
  public var validation: Dataset

  /// Pairs a training set with a validation set of the same shape.
  public init(training: Dataset, validation: Dataset) {
    precondition(
      training.featureCount == validation.featureCount
        && training.targetCount == validation.targetCount,
      "training and validation sets of different shapes")
    self.training = training
    self.validation = validation
  }

  /// Splits `dataset` at random: a seeded Fisher–Yates shuffle of the
  /// example indices (``SplitMix64``), the first `round(fraction · count)`
  /// of which are held out for validation. Both halves keep the original
  /// order of their examples.
  public init(splitting dataset: Dataset, validationFraction fraction: Double, seed: UInt64) {
    precondition(fraction >= 0 && fraction < 1, "a validation fraction in [0, 1), not \(fraction)")
    var order = Array(0..<dataset.count)
    var random = SplitMix64(seed: seed)
    random.shuffle(&order)
    let held = Int((fraction * Double(dataset.count)).rounded())
    self.init(
      training: dataset.subset(order[held...].sorted()),
      validation: dataset.subset(order[..<held].sorted()))
  }
}
