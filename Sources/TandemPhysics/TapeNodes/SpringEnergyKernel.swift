import TandemAD

/// The spring-energy pass of ``Tape/springEnergy(x:y:first:second:stiffness:restLength:)``
/// on interleaved Double components (K per scalar: the value, then the
/// tangents), with the operations of the generic `Dual` code in the same
/// order except that the force's 1/ℓ is twice the square root's derivative
/// 1/(2ℓ) (exact) rather than a second division. Offsets `x`, `y` count
/// scalars; `partials` points at the node's first partial.
@usableFromInline
func springEnergyKernel(
  components: Int, values v: UnsafePointer<Double>, x: Int, y: Int, first: UnsafePointer<Int>,
  second: UnsafePointer<Int>, count: Int, stiffness k: UnsafePointer<Double>,
  restLength rest: UnsafePointer<Double>,
  partials p: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>,
  scratch: UnsafeMutablePointer<Double>
) {
  struct Kernel: ComponentKernel {
    let v: UnsafePointer<Double>
    let x, y: Int
    let first, second: UnsafePointer<Int>
    let count: Int
    let k, rest: UnsafePointer<Double>
    let p, total, scratch: UnsafeMutablePointer<Double>
    func run<K: ComponentCount>(_: K.Type) {
      springEnergyKernel(
        K.self, values: v, x: x, y: y, first: first, second: second, count: count, stiffness: k,
        restLength: rest, partials: p, total: total, scratch: scratch)
    }
  }
  Kernel(
    v: v, x: x, y: y, first: first, second: second, count: count, k: k, rest: rest, p: p,
    total: total, scratch: scratch
  ).run(components: components)
}

func springEnergyKernel<K: ComponentCount>(
  _: K.Type, values v: UnsafePointer<Double>, x: Int, y: Int, first: UnsafePointer<Int>,
  second: UnsafePointer<Int>, count: Int, stiffness k: UnsafePointer<Double>,
  restLength rest: UnsafePointer<Double>,
  partials p: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>,
  scratch: UnsafeMutablePointer<Double>
) {
  let n = K.count
  // First pass: every spring's length and 1/(2ℓ) (1/ℓ for Double), so the
  // square roots and divisions of different springs overlap instead of
  // each spring waiting on its own (they were most of the kernel's time).
  let (roots, halves) = (scratch, scratch + count)
  for s in 0..<count {
    let (i, j) = (first[s], second[s])
    let dx = v[(x + i) * n] - v[(x + j) * n]
    let dy = v[(y + i) * n] - v[(y + j) * n]
    roots[s] = (dx * dx + dy * dy).squareRoot()
  }
  if n > 1 {
    for s in 0..<count { halves[s] = 1 / (2 * roots[s]) }
  } else {
    for s in 0..<count { halves[s] = 1 / roots[s] }
  }
  // Tangents in fixed-size stack arrays (at most 8).
  var acc = InlineArray<9, Double>(repeating: 0)
  var dx = InlineArray<9, Double>(repeating: 0)
  var dy = InlineArray<9, Double>(repeating: 0)
  var length = InlineArray<9, Double>(repeating: 0)
  var stretch = InlineArray<9, Double>(repeating: 0)
  var tension = InlineArray<9, Double>(repeating: 0)
  for s in 0..<count {
    let (xi, xj) = (v + (x + first[s]) * n, v + (x + second[s]) * n)
    let (yi, yj) = (v + (y + first[s]) * n, v + (y + second[s]) * n)
    for d in 0..<n {
      dx[d] = xi[d] - xj[d]
      dy[d] = yi[d] - yj[d]
    }
    // dx·dx + dy·dy, then √ (a dual's sqrt: derivative 1/(2√), or a
    // constant 0 at 0).
    let root = roots[s]
    length[0] = root
    var inverse = 0.0  // 1/ℓ
    if n > 1 {
      if root != 0 {
        let half = halves[s]
        inverse = 2 * half
        for d in 1..<n {
          length[d] = ((dx[d] * dx[0] + dx[0] * dx[d]) + (dy[d] * dy[0] + dy[0] * dy[d])) * half
        }
      } else {
        for d in 1..<n { length[d] = 0 }
      }
    } else if root != 0 {
      inverse = halves[s]
    }
    let (ks, rs) = (k + s * n, rest + s * n)
    for d in 0..<n { stretch[d] = length[d] - rs[d] }
    tension[0] = ks[0] * stretch[0]
    for d in 1..<n { tension[d] = ks[d] * stretch[0] + ks[0] * stretch[d] }
    // total += ½·tension·stretch, as (T(0.5)·tension)·stretch.
    let halfTension = 0.5 * tension[0]
    acc[0] += halfTension * stretch[0]
    for d in 1..<n {
      acc[d] += (0 * tension[0] + 0.5 * tension[d]) * stretch[0] + halfTension * stretch[d]
    }
    let ps = p + 2 * s * n
    if root == 0 {  // zero partials
      for d in 0..<(2 * n) { ps[d] = 0 }
      continue
    }
    // scale = tension·(1/ℓ), 1/ℓ with tangents (0 − (1/ℓ)·ℓ′)·(1/ℓ).
    let scale = tension[0] * inverse
    ps[0] = scale * dx[0]
    ps[n] = scale * dy[0]
    for d in 1..<n {
      let inverseTangent = (0 - inverse * length[d]) * inverse
      let scaleTangent = tension[d] * inverse + tension[0] * inverseTangent
      ps[d] = scaleTangent * dx[0] + scale * dx[d]
      ps[n + d] = scaleTangent * dy[0] + scale * dy[d]
    }
  }
  for d in 0..<n { total[d] = acc[d] }
}
