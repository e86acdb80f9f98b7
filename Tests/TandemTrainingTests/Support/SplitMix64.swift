import TandemAD

/// Test helpers on TandemAD's seeded generator, so that every "random" test
/// point is the same on every run (as in TandemADTests).
extension SplitMix64 {
  /// A uniform sample from `range`.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &self)
  }
}
