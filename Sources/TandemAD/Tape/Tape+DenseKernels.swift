import RealModule

// Dense-layer kernels on the `Double` components of a scalar.
//
// A `Dual<N, Double>` is laid out as N + 1 contiguous doubles (the value,
// then the tangents), so a buffer of them is an interleaved array of
// "components" (1 for `Double`). These kernels copy the operands of a dense
// layer into struct-of-arrays planes (one contiguous `Double` plane per
// component) in a scratch buffer the tape keeps, so that the inner loops are
// plain `Double` multiply-adds over contiguous memory that the compiler
// vectorises, and then write the results back interleaved.
//
// Every element is computed with exactly the operations, in the same order,
// that the generic `Dual` arithmetic performs (except tanh, see tanhKernel2) (`total += x * w` summed over k
// from zero, then the bias; tangents of a product as x′·w + x·w′), so the
// value component is bit-identical between `Double` and any `Dual<N, Double>`
// run, and the tangents equal those of the generic kernel. The one liberty:
// a zero tangent of the input (data) skips its x′·w term, which can change
// only the sign of a zero tangent.

/// `Dual<N, Double>` with its components contiguous: the value, then the N
/// tangents, with no padding. Checked at run time, not assumed.
@usableFromInline
protocol DualOverDouble {
  /// N + 1 when the layout is as described, nil otherwise.
  static var realComponentCount: Int? { get }
}

extension Dual: DualOverDouble where T == Double {
  @usableFromInline
  static var realComponentCount: Int? {
    let components = N + 1
    guard MemoryLayout<Dual>.stride == components * MemoryLayout<Double>.stride,
      MemoryLayout<Dual>.offset(of: \Dual.value) == 0,
      MemoryLayout<Dual>.offset(of: \Dual.tangents) == MemoryLayout<Double>.stride
    else { return nil }
    return components
  }
}

extension Tape {
  /// The number of `Double` components of `T` when the dense kernels can
  /// work on them (`Double`: 1; `Dual<N, Double>`: N + 1), nil otherwise
  /// (nested duals, `Recorded`), which take the generic path.
  @inlinable
  static var realComponents: Int? {
    if T.self == Double.self { return 1 }
    if let dual = T.self as? any DualOverDouble.Type, let count = dual.realComponentCount,
      denseKernelsSupport(components: count)
    {
      return count
    }
    return nil
  }

  /// Makes the real scratch buffer at least `count` doubles long (it only
  /// grows, so a loop allocates only while its first step sizes it).
  @inlinable
  func reserveRealScratch(_ count: Int) {
    if realScratch.count < count {
      realScratch = [Double](repeating: 0, count: count)
    }
  }
}

/// Layers narrower than this are computed with rows, not columns, in the
/// vectorised inner loop of the forward pass.
@usableFromInline let denseNarrowColumns = 8
/// Rows per block in the narrow forward kernel.
@usableFromInline let denseRowBlock = 16

/// Scratch doubles the forward kernel needs.
@usableFromInline
func denseForwardScratch(components c: Int, inner: Int, columns: Int) -> Int {
  let planes = c * inner * columns + c * columns
  return planes
    + (columns < denseNarrowColumns
      ? c * inner * denseRowBlock + c * denseRowBlock : c * columns)
}

/// Scratch doubles the backward kernel needs.
@usableFromInline
func denseBackwardScratch(components c: Int, inner: Int, columns: Int) -> Int {
  2 * c * inner * columns + c * columns + 2 * c * inner + c * columns
}

/// The number of components, as a type, so that each kernel is compiled for
/// a constant count (the interleaving loops then unroll and the index
/// arithmetic folds; with a run-time count they took most of the time).
protocol ComponentCount { static var count: Int { get } }
enum OneComponent: ComponentCount { static var count: Int { 1 } }
enum TwoComponents: ComponentCount { static var count: Int { 2 } }
enum ThreeComponents: ComponentCount { static var count: Int { 3 } }
enum FourComponents: ComponentCount { static var count: Int { 4 } }
enum FiveComponents: ComponentCount { static var count: Int { 5 } }
enum NineComponents: ComponentCount { static var count: Int { 9 } }

/// The component counts the kernels are compiled for: `Double` and
/// `Dual<N, Double>` for N = 1, 2, 3, 4 and 8 (the types the engine is
/// pre-specialised for). Others take the generic path.
@usableFromInline
func denseKernelsSupport(components: Int) -> Bool {
  [1, 2, 3, 4, 5, 9].contains(components)
}

/// The forward pass of a dense layer on interleaved components:
/// out = f(X·W + b) for a `rows × inner` X at element offset `x`, an
/// `inner × columns` W at `w`, `columns` biases at `b`, written at `output`.
/// Offsets count elements (of `components` doubles each).
@usableFromInline
func denseForward(
  _ v: UnsafeMutablePointer<Double>, components: Int, input x: Int, rows: Int, inner: Int,
  weights w: Int, columns: Int, bias b: Int, output: Int, tanh: Bool,
  scratch: UnsafeMutablePointer<Double>
) {
  func run<K: ComponentCount>(_: K.Type) {
    denseForward(
      K.self, v, input: x, rows: rows, inner: inner, weights: w, columns: columns, bias: b,
      output: output,
      tanh: tanh, scratch: scratch)
  }
  switch components {
  case 1: run(OneComponent.self)
  case 2: run(TwoComponents.self)
  case 3: run(ThreeComponents.self)
  case 4: run(FourComponents.self)
  case 5: run(FiveComponents.self)
  case 9: run(NineComponents.self)
  default: preconditionFailure("no dense kernel for \(components) components")
  }
}

/// Copies `count` interleaved elements (K components each) from `source`
/// into K planes `planeStride` apart, element i at `i · elementStride`.
@inline(__always)
func deinterleave<K: ComponentCount>(
  _: K.Type, _ source: UnsafePointer<Double>, count: Int, into planes: UnsafeMutablePointer<Double>,
  planeStride: Int, elementStride: Int = 1
) {
  var from = source
  var to = planes
  for _ in 0..<count {
    for d in 0..<K.count { to[d &* planeStride] = from[d] }
    from += K.count
    to += elementStride
  }
}

/// The converse of ``deinterleave(_:_:count:into:planeStride:elementStride:)``.
@inline(__always)
func interleave<K: ComponentCount>(
  _: K.Type, _ planes: UnsafePointer<Double>, planeStride: Int, elementStride: Int = 1, count: Int,
  into destination: UnsafeMutablePointer<Double>
) {
  var from = planes
  var to = destination
  for _ in 0..<count {
    for d in 0..<K.count { to[d] = from[d &* planeStride] }
    from += elementStride
    to += K.count
  }
}

/// Whether any of `count` doubles at `p` is nonzero.
@inline(__always)
func anyNonzero(_ p: UnsafePointer<Double>, count: Int) -> Bool {
  for i in 0..<count where p[i] != 0 { return true }
  return false
}

func denseForward<K: ComponentCount>(
  _: K.Type, _ v: UnsafeMutablePointer<Double>, input x: Int, rows: Int, inner: Int,
  weights w: Int, columns: Int, bias b: Int, output: Int, tanh: Bool,
  scratch: UnsafeMutablePointer<Double>
) {
  let cs = K.count
  let wPlane = inner * columns
  // W as planes, wp[d·inner·columns + k·columns + c]; then the bias planes.
  let wp = scratch
  deinterleave(K.self, v + w * cs, count: wPlane, into: wp, planeStride: wPlane)
  let bp = wp + cs * wPlane
  deinterleave(K.self, v + b * cs, count: columns, into: bp, planeStride: columns)
  let work = bp + cs * columns

  if columns >= denseNarrowColumns {
    // Vectorised over columns, one row at a time.
    let acc = work
    for r in 0..<rows {
      acc.update(repeating: 0, count: cs * columns)
      var xe = v + (x + r * inner) * cs
      for k in 0..<inner {
        let xv = xe[0]
        let w0 = wp + k * columns
        for c in 0..<columns { acc[c] += xv * w0[c] }
        for d in 1..<cs {
          let xt = xe[d]
          let wd = wp + d * wPlane + k * columns
          let ad = acc + d * columns
          if xt == 0 {
            for c in 0..<columns { ad[c] += xv * wd[c] }
          } else {
            for c in 0..<columns { ad[c] += xt * w0[c] + xv * wd[c] }
          }
        }
        xe += cs
      }
      for d in 0..<cs {
        let (ad, bd) = (acc + d * columns, bp + d * columns)
        for c in 0..<columns { ad[c] += bd[c] }
      }
      if tanh { denseTanh(K.self, acc, planeStride: columns, count: columns) }
      interleave(
        K.self, acc, planeStride: columns, count: columns, into: v + (output + r * columns) * cs)
    }
  } else {
    // Few columns: blocks of rows, the block's inputs transposed
    // (xt[d·inner·B + k·B + r]) so that the inner loop runs over rows, each
    // sum still taken over k in order.
    let block = denseRowBlock
    let xt = work
    let acc = xt + cs * inner * block
    var first = 0
    while first < rows {
      let count = Swift.min(block, rows - first)
      for r in 0..<count {
        deinterleave(
          K.self, v + (x + (first + r) * inner) * cs, count: inner, into: xt + r,
          planeStride: inner * block,
          elementStride: block)
      }
      var zeroPlanes: UInt64 = 0  // bit d: tangent plane d of the block is zero
      for d in 1..<Swift.min(cs, 64) {
        var zero = true
        for k in 0..<inner where anyNonzero(xt + d * inner * block + k * block, count: count) {
          zero = false
          break
        }
        if zero { zeroPlanes |= 1 << UInt64(d) }
      }
      for c in 0..<columns {
        acc.update(repeating: 0, count: cs * block)
        for k in 0..<inner {
          let wv = wp[k * columns + c]
          let x0 = xt + k * block
          for r in 0..<count { acc[r] += x0[r] * wv }
          for d in 1..<cs {
            let wt = wp[d * wPlane + k * columns + c]
            let xd = xt + d * inner * block + k * block
            let ad = acc + d * block
            if d < 64 && zeroPlanes & (1 << UInt64(d)) != 0 {
              for r in 0..<count { ad[r] += x0[r] * wt }
            } else {
              for r in 0..<count { ad[r] += xd[r] * wv + x0[r] * wt }
            }
          }
        }
        for d in 0..<cs {
          let (ad, bias) = (acc + d * block, bp[d * columns + c])
          for r in 0..<count { ad[r] += bias }
        }
        if tanh { denseTanh(K.self, acc, planeStride: block, count: count) }
        var out = v + (output + first * columns + c) * cs
        for r in 0..<count {
          for d in 0..<cs { out[d] = acc[d * block + r] }
          out += columns * cs
        }
      }
      first += count
    }
  }
}

/// tanh of planes of components (K planes `planeStride` apart, `count`
/// elements each): the value plane through ``tanhPlane(_:count:)``, each
/// tangent times 1 − tanh² (the chain rule as `Dual.formTanh` applies it).
@inline(__always)
func denseTanh<K: ComponentCount>(
  _: K.Type, _ acc: UnsafeMutablePointer<Double>, planeStride: Int, count: Int
) {
  tanhPlane(acc, count: count)
  for d in 1..<K.count {
    let ad = acc + d * planeStride
    for i in 0..<count { ad[i] *= 1 - acc[i] * acc[i] }
  }
}

/// tanh of `count` doubles in place, two lanes at a time on `SIMD2<Double>`
/// (the scalar loop of ``Swift/Double/vectorTanh(_:)`` does not vectorise at
/// this build's SSE2 baseline), the tail by ``tanhLane(_:)``.
@usableFromInline
func tanhPlane(_ p: UnsafeMutablePointer<Double>, count: Int) {
  // Loaded and stored a pair at a time without assuming 16-byte alignment
  // (the planes start wherever the scratch layout puts them).
  let raw = UnsafeMutableRawPointer(p)
  var i = 0
  while i + 2 <= count {
    let pair = raw.loadUnaligned(fromByteOffset: i * 8, as: SIMD2<Double>.self)
    raw.storeBytes(of: tanhKernel2(pair), toByteOffset: i * 8, as: SIMD2<Double>.self)
    i += 2
  }
  while i < count {
    p[i] = tanhLane(p[i])
    i += 1
  }
}

/// One element of ``tanhPlane(_:count:)``, the same operations as a lane.
@usableFromInline
func tanhLane(_ x: Double) -> Double { tanhKernel2(SIMD2(x, x))[0] }

/// tanh with one branch-free formula and one division, from Cephes' `exp`
/// rational: with z = min(|x|, 22), 2z = n·ln 2 + r (|r| ≤ ½ln 2) and
/// e^r = (Q + P)/(Q − P), P = r·p(r²), Q = q(r²),
///
///   tanh z = (e^{2z} − 1)/(e^{2z} + 1) = ((2ⁿ − 1)·Q + (2ⁿ + 1)·P) / (2ⁿ·(Q + P) + (Q − P)).
///
/// For n = 0 this is P/Q, the rational's own approximation of tanh(r/2),
/// with no cancellation, so small arguments keep full relative accuracy and
/// no separate small-argument branch is needed (``Swift/Double/vectorTanh(_:)``
/// computes both and selects, about a third more work). Within 4 units in
/// the last place of the C library's tanh over [−12.5, 12.5] and all powers
/// of two (a test checks it); odd, NaN stays NaN, ±1 beyond 22.
@inline(__always)
func tanhKernel2(_ x: SIMD2<Double>) -> SIMD2<Double> {
  typealias V = SIMD2<Double>
  typealias U = SIMD2<UInt64>
  let signBit = U(repeating: 0x8000_0000_0000_0000)
  let xBits = unsafeBitCast(x, to: U.self)
  let magnitude = unsafeBitCast(xBits & ~signBit, to: V.self)
  // min(|x|, 22) as `22 < |x| ? 22 : |x|` (NaN stays NaN).
  let z = magnitude.replacing(with: 22, where: V(repeating: 22) .< magnitude)
  let u = 2 * z
  let magic = 6755399441055744.0  // 1.5·2⁵²: adding it rounds to an integer
  let shifted = u * 1.4426950408889634073599 + magic
  let n = shifted - magic
  let r = (u - n * 6.93145751953125e-1) - n * 1.42860682030941723212e-6
  let rr = r * r
  let p =
    r
    * ((1.26177193074810590878e-4 * rr + 3.02994407707441961300e-2) * rr + 9.99999999999999999910e-1)
  let q =
    ((3.00198505138664455042e-6 * rr + 2.52448340349684104192e-3) * rr + 2.27265548208155028766e-1)
    * rr
    + 2.00000000000000000009e0
  let scaleBits =
    (unsafeBitCast(shifted, to: U.self) &- U(repeating: magic.bitPattern) &+ 1023) &<< 52
  let scale = unsafeBitCast(scaleBits, to: V.self)  // 2ⁿ
  let result = ((scale - 1) * q + (scale + 1) * p) / (scale * (q + p) + (q - p))
  // Double(signOf: x, magnitudeOf: result).
  let resultBits = unsafeBitCast(result, to: U.self)
  return unsafeBitCast((resultBits & ~signBit) | (xBits & signBit), to: V.self)
}

/// The vector-Jacobian product of the dense forward kernel on interleaved
/// components: with dZ = dY ⊙ f′, dW += Xᵀ·dZ, db += Σ_rows dZ and (when
/// `inputGradient`) dX += dZ·Wᵀ, every sum in the order of the generic
/// kernel (rows in order for dW and db, columns in order for dX). The
/// weights' and biases' adjoints are accumulated in planes and written back
/// at the end, so their regions must not overlap the input's.
@usableFromInline
func denseBackward(
  values v: UnsafePointer<Double>, adjoints a: UnsafeMutablePointer<Double>, components: Int,
  input x: Int, rows: Int, inner: Int, weights w: Int, columns: Int, bias b: Int, output: Int,
  tanh: Bool, inputGradient: Bool, scratch: UnsafeMutablePointer<Double>
) {
  func run<K: ComponentCount>(_: K.Type) {
    denseBackward(
      K.self, values: v, adjoints: a, input: x, rows: rows, inner: inner, weights: w,
      columns: columns, bias: b,
      output: output, tanh: tanh, inputGradient: inputGradient, scratch: scratch)
  }
  switch components {
  case 1: run(OneComponent.self)
  case 2: run(TwoComponents.self)
  case 3: run(ThreeComponents.self)
  case 4: run(FourComponents.self)
  case 5: run(FiveComponents.self)
  case 9: run(NineComponents.self)
  default: preconditionFailure("no dense kernel for \(components) components")
  }
}

func denseBackward<K: ComponentCount>(
  _: K.Type, values v: UnsafePointer<Double>, adjoints a: UnsafeMutablePointer<Double>,
  input x: Int, rows: Int, inner: Int, weights w: Int, columns: Int, bias b: Int, output: Int,
  tanh: Bool, inputGradient: Bool, scratch: UnsafeMutablePointer<Double>
) {
  let cs = K.count
  let wPlane = inner * columns
  let narrow = columns < denseNarrowColumns
  // wt: Wᵀ planes wt[d·wPlane + c·inner + k] (for dX).
  // dw: dW planes, [d][k][c] (wide) or [d][c][k] (narrow), from the adjoints.
  // db, then one row of X, of dZ and of dX, as planes.
  let wt = scratch
  let dw = wt + cs * wPlane
  let db = dw + cs * wPlane
  let xr = db + cs * columns
  let dz = xr + cs * inner
  let dx = dz + cs * columns
  for k in 0..<inner {
    let row = (w + k * columns) * cs
    if inputGradient {
      deinterleave(
        K.self, v + row, count: columns, into: wt + k, planeStride: wPlane, elementStride: inner)
    }
    if narrow {
      deinterleave(
        K.self, a + row, count: columns, into: dw + k, planeStride: wPlane, elementStride: inner)
    } else {
      deinterleave(K.self, a + row, count: columns, into: dw + k * columns, planeStride: wPlane)
    }
  }
  deinterleave(K.self, a + b * cs, count: columns, into: db, planeStride: columns)
  for r in 0..<rows {
    // The row of X as planes, and which of its tangent planes are zero.
    deinterleave(K.self, v + (x + r * inner) * cs, count: inner, into: xr, planeStride: inner)
    var zeroPlanes: UInt64 = 0
    for d in 1..<Swift.min(cs, 64) where !anyNonzero(xr + d * inner, count: inner) {
      zeroPlanes |= 1 << UInt64(d)
    }
    // dZ = dY ⊙ (1 − h²), as the dual product a·(1 − h·h).
    let outRow = (output + r * columns) * cs
    if tanh {
      var e = outRow
      for c in 0..<columns {
        let (hv, av) = (v[e], a[e])
        let gv = 1 - hv * hv
        dz[c] = av * gv
        for d in 1..<cs {
          let gt = 0 - (v[e + d] * hv + hv * v[e + d])
          dz[d * columns + c] = a[e + d] * gv + av * gt
        }
        e += cs
      }
    } else {
      deinterleave(K.self, a + outRow, count: columns, into: dz, planeStride: columns)
    }
    for d in 0..<cs {
      let (bd, zd) = (db + d * columns, dz + d * columns)
      for c in 0..<columns { bd[c] += zd[c] }
    }
    // dW[k][c] += X[r][k]·dZ[r][c] (tangent x′·dz + x·dz′).
    if narrow {
      for c in 0..<columns {
        let zv = dz[c]
        let w0 = dw + c * inner
        for k in 0..<inner { w0[k] += xr[k] * zv }
        for d in 1..<cs {
          let zt = dz[d * columns + c]
          let (wd, xd) = (dw + d * wPlane + c * inner, xr + d * inner)
          if d < 64 && zeroPlanes & (1 << UInt64(d)) != 0 {
            for k in 0..<inner { wd[k] += xr[k] * zt }
          } else {
            for k in 0..<inner { wd[k] += xd[k] * zv + xr[k] * zt }
          }
        }
      }
    } else {
      for k in 0..<inner {
        let xv = xr[k]
        let w0 = dw + k * columns
        for c in 0..<columns { w0[c] += xv * dz[c] }
        for d in 1..<cs {
          let xt = xr[d * inner + k]
          let (wd, zd) = (dw + d * wPlane + k * columns, dz + d * columns)
          if xt == 0 {
            for c in 0..<columns { wd[c] += xv * zd[c] }
          } else {
            for c in 0..<columns { wd[c] += xt * dz[c] + xv * zd[c] }
          }
        }
      }
    }
    // dX[r][k] += Σ_c dZ[r][c]·W[k][c] (tangent dz′·w + dz·w′), summed
    // over c in order from zero, then added.
    if inputGradient {
      dx.update(repeating: 0, count: cs * inner)
      for c in 0..<columns {
        let zv = dz[c]
        let w0 = wt + c * inner
        for k in 0..<inner { dx[k] += zv * w0[k] }
        for d in 1..<cs {
          let zt = dz[d * columns + c]
          let (xd, wd) = (dx + d * inner, wt + d * wPlane + c * inner)
          for k in 0..<inner { xd[k] += zt * w0[k] + zv * wd[k] }
        }
      }
      var target = a + (x + r * inner) * cs
      for k in 0..<inner {
        for d in 0..<cs { target[d] += dx[d * inner + k] }
        target += cs
      }
    }
  }
  for k in 0..<inner {
    let row = (w + k * columns) * cs
    if narrow {
      interleave(
        K.self, dw + k, planeStride: wPlane, elementStride: inner, count: columns, into: a + row)
    } else {
      interleave(K.self, dw + k * columns, planeStride: wPlane, count: columns, into: a + row)
    }
  }
  interleave(K.self, db, planeStride: columns, count: columns, into: a + b * cs)
}
