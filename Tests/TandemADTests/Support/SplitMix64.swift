/// A small seeded random number generator (Steele, Lea and Flood's
/// SplitMix64), so that every "random" test point is the same on every run.
struct SplitMix64: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform sample from `range`.
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &self)
  }

  /// `count` uniform samples from `range`.
  mutating func uniform(_ range: ClosedRange<Double>, count: Int) -> [Double] {
    (0..<count).map { _ in uniform(range) }
  }
}
