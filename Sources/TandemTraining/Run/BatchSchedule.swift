import TandemAD

/// Which training examples each inner step sees.
public enum BatchSchedule: Sendable, Hashable {
  /// Every training example, every step (the order never matters).
  case full
  /// Mini-batches of `size` examples: each epoch shuffles the training
  /// examples (Fisher–Yates, one ``SplitMix64`` seeded with `seed` for the
  /// whole run) and takes consecutive slices; the last batch of an epoch
  /// holds what is left, so it may be smaller. A size at least the number
  /// of examples is the full batch.
  case size(Int, seed: UInt64)
}
