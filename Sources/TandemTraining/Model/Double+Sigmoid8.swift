import TandemAD

// The logistic activation's kernel: here, beside the activations that use
// it, rather than in TandemAD, which holds differentiation only.
extension Double {
  /// The logistic function 1/(1 + e⁻ˣ) of eight lanes, with one division:
  /// with e = e^{−|x|} = 2ⁿ·(Q + P)/(Q − P) (``expParts8(_:)``, |x| clamped
  /// at 708), 1/(1 + e) = (Q − P)/((Q − P) + 2ⁿ·(Q + P)) for x ≥ 0 and
  /// e/(1 + e) = 2ⁿ·(Q + P)/(same) for x < 0, so neither side overflows or
  /// cancels. Below −708 the result stays at σ(−708) ≈ 3·10⁻³⁰⁸ instead of
  /// going subnormal. NaN stays NaN.
  @inlinable @inline(__always)
  public static func sigmoid8(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias V = SIMD8<Double>
    let magnitude = x.replacing(with: -x, where: x .< 0)
    let clamped = magnitude.replacing(with: 708, where: V(repeating: 708) .< magnitude)
    let (scale, p, q) = expParts8(-clamped)
    let (small, large) = (q - p, scale * (q + p))
    return small.replacing(with: large, where: .!(x .>= 0)) / (small + large)
  }
}
