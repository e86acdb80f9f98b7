import TandemAD
import TandemProcess

/// Test helpers on TandemAD's seeded generator, so that every "random" test
/// point is the same on every run.
extension SplitMix64 {
  /// A uniform sample from `range`.
  public mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &self)
  }

  /// `count` uniform samples from `range`.
  public mutating func uniform(_ range: ClosedRange<Double>, count: Int) -> [Double] {
    (0..<count).map { _ in uniform(range) }
  }
}
