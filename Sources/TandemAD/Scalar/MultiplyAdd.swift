/// s + a·b lane by lane: one fused multiply-add (one rounding) when the
/// build sets `TANDEM_FMA`, else a product and a sum. The Makefile sets it
/// on CPUs with FMA; without hardware FMA a fused multiply-add would be a
/// library call per lane. Public for the vector kernels of bulk nodes in
/// other modules.
@inlinable @inline(__always)
public func multiplyAdd<V: SIMD>(_ s: V, _ a: V, _ b: V) -> V where V.Scalar: BinaryFloatingPoint {
  #if TANDEM_FMA
    s.addingProduct(a, b)
  #else
    s + a * b
  #endif
}
