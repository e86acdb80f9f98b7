import TandemAD
import RealModule

/// Steele, Lea and Flood's SplitMix64 generator: a 64-bit state advanced by
/// the golden-ratio increment 0x9E3779B97F4A7C15 and finalised by two
/// xor-shift-multiply rounds. Small, fast, and the same on every platform,
/// so seeded data sets, initial weights and mini-batch orders are
/// reproducible everywhere (Swift's `SystemRandomNumberGenerator` is not
/// seedable).
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
  /// The generator's state.
  public var state: UInt64

  /// A generator whose first output is determined by `seed`.
  @inlinable
  public init(seed: UInt64) { state = seed }

  /// The next 64 random bits.
  @inlinable
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  /// A uniform double in [0, 1): the top 53 bits of ``next()`` times 2⁻⁵³.
  @inlinable
  public mutating func uniform() -> Double { Double(next() >> 11) * 0x1p-53 }

  /// A standard normal double by the Box–Muller transform of two
  /// ``uniform()`` draws u₁, u₂: √(−2 log(1 − u₁))·cos(2π u₂). (1 − u₁ is in
  /// (0, 1], so the logarithm is finite.) One normal per two uniforms; the
  /// sine partner is discarded so every call consumes exactly two draws.
  @inlinable
  public mutating func normal() -> Double {
    let u1 = uniform()
    let u2 = uniform()
    return (-2 * Double.log(1 - u1)).squareRoot() * Double.cos(2 * Double.pi * u2)
  }

  /// Shuffles `elements` in place by Fisher–Yates, drawing j uniformly from
  /// 0...i by `next() % (i + 1)` for i from the last index down to 1 (the
  /// modulo bias is below 2⁻⁴⁰ for any array that fits in memory).
  @inlinable
  public mutating func shuffle<Element>(_ elements: inout [Element]) {
    guard elements.count > 1 else { return }
    for i in stride(from: elements.count - 1, through: 1, by: -1) {
      let j = Int(next() % UInt64(i + 1))
      elements.swapAt(i, j)
    }
  }
}
