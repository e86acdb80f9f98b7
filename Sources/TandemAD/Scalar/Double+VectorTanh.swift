extension Double {
  /// tanh of every element of `buffer`, in place, eight lanes at a time by
  /// ``Swift/Double/tanh8(_:)`` (the last few through a zero-padded vector).
  /// Within 4 units in the last place of the C library's tanh (a test
  /// checks it); odd; ±1 beyond |x| = 22; NaN stays NaN.
  @inlinable
  public static func vectorTanh(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    let raw = UnsafeMutableRawPointer(base)
    let whole = buffer.count & ~7
    var i = 0
    while i < whole {
      let x = raw.loadUnaligned(fromByteOffset: i &* 8, as: SIMD8<Double>.self)
      raw.storeBytes(of: tanh8(x), toByteOffset: i &* 8, as: SIMD8<Double>.self)
      i &+= 8
    }
    if whole < buffer.count {
      var tail = SIMD8<Double>()
      for j in whole..<buffer.count { tail[j - whole] = base[j] }
      let result = tanh8(tail)
      for j in whole..<buffer.count { base[j] = result[j - whole] }
    }
  }

  /// tanh of eight lanes with one branch-free formula and one division,
  /// from Cephes' `exp` rational: with z = min(|x|, 22), 2z = n·ln 2 + r
  /// (|r| ≤ ½ln 2) and e^r = (Q + P)/(Q − P), P = r·p(r²), Q = q(r²),
  ///
  ///   tanh z = (e^{2z} − 1)/(e^{2z} + 1) = ((2ⁿ − 1)·Q + (2ⁿ + 1)·P) / (2ⁿ·(Q + P) + (Q − P)).
  ///
  /// For n = 0 this is P/Q, the rational's own approximation of tanh(r/2),
  /// with no cancellation, so small arguments keep full relative accuracy
  /// without a separate small-argument branch. Lanes are independent: each
  /// lane's result is the same whichever vector it is computed in. Builds
  /// with `TANDEM_FMA` fuse its multiply-adds (`multiplyAdd`).
  @inlinable @inline(__always)
  public static func tanh8(_ x: SIMD8<Double>) -> SIMD8<Double> {
    typealias V = SIMD8<Double>
    typealias U = SIMD8<UInt64>
    let signBit = U(repeating: 0x8000_0000_0000_0000)
    let xBits = unsafeBitCast(x, to: U.self)
    let magnitude = unsafeBitCast(xBits & ~signBit, to: V.self)
    // min(|x|, 22) as `22 < |x| ? 22 : |x|` (NaN stays NaN).
    let z = magnitude.replacing(with: 22, where: V(repeating: 22) .< magnitude)
    let (scale, p, q) = expParts8(2 * z)  // e^{2z} = 2ⁿ·(Q + P)/(Q − P)
    let result =
      multiplyAdd((scale + 1) * p, scale - 1, q) / multiplyAdd(q - p, scale, q + p)
    // Double(signOf: x, magnitudeOf: result).
    let resultBits = unsafeBitCast(result, to: U.self)
    return unsafeBitCast((resultBits & ~signBit) | (xBits & signBit), to: V.self)
  }

}

extension Double {
  /// 2ⁿ, P and Q with e^u = 2ⁿ·(Q + P)/(Q − P) for u in [−708, 44]: Cephes'
  /// `exp`, u = n·ln 2 + r (|r| ≤ ½ln 2, ln 2 in two parts), P = r·p(r²),
  /// Q = q(r²), 2ⁿ built from the exponent bits.
  /// Shared by ``tanh8(_:)`` and the training activations' logistic function.
  @inlinable @inline(__always)
  public static func expParts8(_ u: SIMD8<Double>) -> (
    scale: SIMD8<Double>, p: SIMD8<Double>, q: SIMD8<Double>
  ) {
    typealias V = SIMD8<Double>
    typealias U = SIMD8<UInt64>
    let magic = 6755399441055744.0  // 1.5·2⁵²: adding it rounds to an integer
    let shifted = multiplyAdd(V(repeating: magic), u, V(repeating: 1.4426950408889634073599))
    let n = shifted - magic
    let r = multiplyAdd(
      multiplyAdd(u, -n, V(repeating: 6.93145751953125e-1)), -n,
      V(repeating: 1.42860682030941723212e-6))
    let rr = r * r
    let p =
      r
      * multiplyAdd(
        V(repeating: 9.99999999999999999910e-1), rr,
        multiplyAdd(
          V(repeating: 3.02994407707441961300e-2), rr, V(repeating: 1.26177193074810590878e-4)))
    let q = multiplyAdd(
      V(repeating: 2.00000000000000000009e0), rr,
      multiplyAdd(
        V(repeating: 2.27265548208155028766e-1), rr,
        multiplyAdd(
          V(repeating: 2.52448340349684104192e-3), rr, V(repeating: 3.00198505138664455042e-6))))
    let scaleBits =
      (unsafeBitCast(shifted, to: U.self) &- U(repeating: magic.bitPattern) &+ 1023) &<< 52
    return (unsafeBitCast(scaleBits, to: V.self), p, q)
  }
}

extension Double {
  /// tanh of every element by the vectorised kernel ``vectorTanh(_:)``.
  @inlinable
  public static func formTanh(_ buffer: UnsafeMutableBufferPointer<Double>) { vectorTanh(buffer) }
}
