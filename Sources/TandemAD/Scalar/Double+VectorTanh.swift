extension Double {
  /// tanh of every element of `buffer`, in place, by a branch-free kernel
  /// written so that the compiler vectorises it.
  ///
  /// The method is Cephes' `tanh`: for |x| < 0.625 the odd rational
  /// approximation x + x·s·P(s)/Q(s), s = x²; above, (e − 1)/(e + 1) with
  /// e = e^{2|x|} = 2ⁿ·(Q + p)/(Q − p) (Cephes' `exp` rational in the reduced
  /// argument, the power of two built from the exponent bits). Both
  /// branches are computed and one is selected, with a single division, so
  /// that the loop has no branches and no library calls. |x| is clamped at
  /// 22, beyond which tanh rounds to ±1. The error is within a couple of
  /// units in the last place of the correctly rounded value (a test checks
  /// it against the C library over a range of arguments); NaN stays NaN.
  @inlinable
  public static func vectorTanh(_ buffer: UnsafeMutableBufferPointer<Double>) {
    guard let base = buffer.baseAddress else { return }
    for i in 0..<buffer.count { base[i] = tanhKernel(base[i]) }
  }

  /// One element of ``vectorTanh(_:)``; inlined into its loop.
  @inlinable @inline(__always)
  static func tanhKernel(_ x: Double) -> Double {
    let z = Swift.min(x.magnitude, 22)
    // Small arguments: Cephes' rational approximation.
    let s = z * z
    let smallNumerator =
      z * s
      * ((-9.64399179425052238628e-1 * s - 9.92877231001918586564e1) * s
        - 1.61468768441708447952e3)
    let smallDenominator =
      ((s + 1.12811678491632931402e2) * s + 2.23548839060100448583e3) * s
      + 4.84406305325125486048e3
    // Large arguments: e^{2z} = 2ⁿ·e^r, n = round(2z·log₂e), r = 2z − n·ln 2.
    let twoZ = 2 * z
    let magic = 6755399441055744.0  // 1.5·2⁵²: adding it rounds to an integer
    let shifted = twoZ * 1.4426950408889634073599 + magic
    let n = shifted - magic
    let r = (twoZ - n * 6.93145751953125e-1) - n * 1.42860682030941723212e-6
    let rr = r * r
    let p =
      r
      * ((1.26177193074810590878e-4 * rr + 3.02994407707441961300e-2) * rr
        + 9.99999999999999999910e-1)
    let q =
      ((3.00198505138664455042e-6 * rr + 2.52448340349684104192e-3) * rr + 2.27265548208155028766e-1)
      * rr
      + 2.00000000000000000009e0
    let scale = Double(bitPattern: (shifted.bitPattern &- magic.bitPattern &+ 1023) << 52)
    let e1 = scale * (q + p)  // e^{2z} = e1 / e2
    let e2 = q - p
    let small = z < 0.625
    let numerator = small ? smallNumerator : e1 - e2
    let denominator = small ? smallDenominator : e1 + e2
    let quotient = numerator / denominator
    let magnitude = small ? z + quotient : quotient
    // The sign of x, and NaN through (z is NaN, so is everything after it).
    return Double(signOf: x, magnitudeOf: magnitude)
  }
}

extension Double {
  /// tanh of every element by the vectorised kernel ``vectorTanh(_:)``.
  @inlinable
  public static func formTanh(_ buffer: UnsafeMutableBufferPointer<Double>) { vectorTanh(buffer) }
}
