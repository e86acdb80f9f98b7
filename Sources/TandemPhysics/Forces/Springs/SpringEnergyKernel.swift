import TandemAD

/// The number of dimensions, as a type, so that the spring kernel's loops
/// over axes unroll.
@usableFromInline
protocol DimensionCount {
  /// 2 or 3.
  static var count: Int { get }
}

/// The plane.
@usableFromInline
enum Plane: DimensionCount {
  @usableFromInline static var count: Int { 2 }
}

/// Space.
@usableFromInline
enum Space: DimensionCount {
  @usableFromInline static var count: Int { 3 }
}

/// The spring-energy pass of
/// ``Tape/springEnergy(positions:dimension:first:second:stiffness:restLength:)``
/// on interleaved Double components (K per scalar: the value, then the
/// tangents), with the operations of the generic `Dual` code in the same
/// order except that the force's 1/ℓ is twice the square root's derivative
/// 1/(2ℓ) (exact) rather than a second division. `positions` is the offset
/// (in scalars) of the axis-major coordinates, `stride` the number of points;
/// `partials` points at the node's first partial.
@usableFromInline
func springEnergyKernel(
  components: Int, dimension: Int, values v: UnsafePointer<Double>, positions: Int, stride: Int,
  first: UnsafePointer<Int>, second: UnsafePointer<Int>, count: Int,
  stiffness k: UnsafePointer<Double>, restLength rest: UnsafePointer<Double>,
  partials p: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>,
  scratch: UnsafeMutablePointer<Double>
) {
  struct Kernel: ComponentKernel {
    let dimension: Int
    let v: UnsafePointer<Double>
    let positions, stride: Int
    let first, second: UnsafePointer<Int>
    let count: Int
    let k, rest: UnsafePointer<Double>
    let p, total, scratch: UnsafeMutablePointer<Double>
    func run<K: ComponentCount>(_: K.Type) {
      if dimension == 2 { run(K.self, Plane.self) } else { run(K.self, Space.self) }
    }
    func run<K: ComponentCount, D: DimensionCount>(_: K.Type, _: D.Type) {
      springEnergyKernel(
        K.self, D.self, values: v, positions: positions, stride: stride, first: first,
        second: second, count: count, stiffness: k, restLength: rest, partials: p, total: total,
        scratch: scratch)
    }
  }
  precondition(dimension == 2 || dimension == 3, "springs in \(dimension)-D")
  Kernel(
    dimension: dimension, v: v, positions: positions, stride: stride, first: first,
    second: second, count: count, k: k, rest: rest, p: p, total: total, scratch: scratch
  ).run(components: components)
}

func springEnergyKernel<K: ComponentCount, D: DimensionCount>(
  _: K.Type, _: D.Type, values v: UnsafePointer<Double>, positions: Int, stride: Int,
  first: UnsafePointer<Int>, second: UnsafePointer<Int>, count: Int,
  stiffness k: UnsafePointer<Double>, restLength rest: UnsafePointer<Double>,
  partials p: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>,
  scratch: UnsafeMutablePointer<Double>
) {
  let n = K.count
  let dimension = D.count
  // The first component of coordinate `a` of point `i`.
  func at(_ a: Int, _ i: Int) -> Int { (positions + a * stride + i) * n }
  // First pass: every spring's length and 1/(2ℓ) (1/ℓ for Double), so the
  // square roots and divisions of different springs overlap instead of
  // each spring waiting on its own (they were most of the kernel's time).
  let (roots, halves) = (scratch, scratch + count)
  for s in 0..<count {
    let (i, j) = (first[s], second[s])
    var squares = 0.0
    for a in 0..<dimension {
      let d = v[at(a, i)] - v[at(a, j)]
      squares = a == 0 ? d * d : squares + d * d
    }
    roots[s] = squares.squareRoot()
  }
  if n > 1 {
    for s in 0..<count { halves[s] = 1 / (2 * roots[s]) }
  } else {
    for s in 0..<count { halves[s] = 1 / roots[s] }
  }
  // Tangents as SIMD lanes where a vector holds them exactly (2, 4 or 8
  // tangents), so each operation serves every tangent; the lanes do the
  // scalar loop's operations in its order, so the results are the same.
  func lanes<V: SIMD>(_: V.Type) where V.Scalar == Double {
    springTangentPass(
      V.self, D.self, values: v, positions: positions, stride: stride, first: first,
      second: second, count: count, stiffness: k, restLength: rest, partials: p, total: total,
      scratch: scratch)
  }
  switch n {
  case 3: return lanes(SIMD2<Double>.self)
  case 5: return lanes(SIMD4<Double>.self)
  case 9: return lanes(SIMD8<Double>.self)
  default: break
  }
  // Tangents in fixed-size stack arrays (at most 8 tangents, 3 axes).
  var acc = InlineArray<9, Double>(repeating: 0)
  var difference = InlineArray<27, Double>(repeating: 0)  // axis a at 9·a
  var length = InlineArray<9, Double>(repeating: 0)
  var stretch = InlineArray<9, Double>(repeating: 0)
  var tension = InlineArray<9, Double>(repeating: 0)
  for s in 0..<count {
    for a in 0..<dimension {
      let (pi, pj) = (v + at(a, first[s]), v + at(a, second[s]))
      for d in 0..<n { difference[9 * a + d] = pi[d] - pj[d] }
    }
    // Σ dₐ·dₐ, then √ (a dual's sqrt: derivative 1/(2√), or a constant 0
    // at 0).
    let root = roots[s]
    length[0] = root
    var inverse = 0.0  // 1/ℓ
    if n > 1 {
      if root != 0 {
        let half = halves[s]
        inverse = 2 * half
        for d in 1..<n {
          var sum = 0.0
          for a in 0..<dimension {
            let (value, tangent) = (difference[9 * a], difference[9 * a + d])
            let product = tangent * value + value * tangent
            sum = a == 0 ? product : sum + product
          }
          length[d] = sum * half
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
    let ps = p + dimension * s * n
    if root == 0 {  // zero partials
      for d in 0..<(dimension * n) { ps[d] = 0 }
      continue
    }
    // scale = tension·(1/ℓ), 1/ℓ with tangents (0 − (1/ℓ)·ℓ′)·(1/ℓ).
    let scale = tension[0] * inverse
    for a in 0..<dimension { ps[a * n] = scale * difference[9 * a] }
    for d in 1..<n {
      let inverseTangent = (0 - inverse * length[d]) * inverse
      let scaleTangent = tension[d] * inverse + tension[0] * inverseTangent
      for a in 0..<dimension {
        ps[a * n + d] = scaleTangent * difference[9 * a] + scale * difference[9 * a + d]
      }
    }
  }
  for d in 0..<n { total[d] = acc[d] }
}

/// The second pass of the spring kernel with the tangents of each scalar as
/// the lanes of `V` (V.scalarCount = K − 1 tangents), after the first pass
/// left each spring's ℓ and 1/(2ℓ) in `scratch`.
func springTangentPass<V: SIMD, D: DimensionCount>(
  _: V.Type, _: D.Type, values v: UnsafePointer<Double>, positions: Int, stride: Int,
  first: UnsafePointer<Int>, second: UnsafePointer<Int>, count: Int,
  stiffness k: UnsafePointer<Double>, restLength rest: UnsafePointer<Double>,
  partials p: UnsafeMutablePointer<Double>, total: UnsafeMutablePointer<Double>,
  scratch: UnsafeMutablePointer<Double>
) where V.Scalar == Double {
  let n = V.scalarCount + 1
  let dimension = D.count
  func at(_ a: Int, _ i: Int) -> Int { (positions + a * stride + i) * n }
  // SIMD2, SIMD4 and SIMD8 of Double have no padding: a tangent block loads
  // and stores whole.
  func load(_ pointer: UnsafePointer<Double>) -> V {
    UnsafeRawPointer(pointer).loadUnaligned(as: V.self)
  }
  func store(_ vector: V, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: V.self)
  }
  let (roots, halves) = (scratch, scratch + count)
  var energy = 0.0
  var energyTangent = V.zero
  for s in 0..<count {
    let (i, j) = (first[s], second[s])
    let root = roots[s]
    let (ks, rs) = (k + s * n, rest + s * n)
    let stretch = root - rs[0]
    let tension = ks[0] * stretch
    let halfTension = 0.5 * tension
    energy += halfTension * stretch
    let half = halves[s]
    let inverse = root == 0 ? 0 : 2 * half
    let scale = tension * inverse
    var sum = V.zero
    for a in 0..<dimension {
      let value = v[at(a, i)] - v[at(a, j)]
      let tangent = load(v + at(a, i) + 1) - load(v + at(a, j) + 1)
      let product = tangent * value + value * tangent
      sum = a == 0 ? product : sum + product
    }
    let length = root == 0 ? V.zero : sum * half
    let stretchTangent = length - load(rs + 1)
    let tensionTangent = load(ks + 1) * stretch + ks[0] * stretchTangent
    energyTangent += (0 * tension + 0.5 * tensionTangent) * stretch + halfTension * stretchTangent
    let inverseTangent = (0 - inverse * length) * inverse
    let scaleTangent = tensionTangent * inverse + tension * inverseTangent
    let ps = p + dimension * s * n
    for a in 0..<dimension {
      let value = v[at(a, i)] - v[at(a, j)]
      let tangent = load(v + at(a, i) + 1) - load(v + at(a, j) + 1)
      ps[a * n] = root == 0 ? 0 : scale * value
      store(root == 0 ? V.zero : scaleTangent * value + scale * tangent, ps + a * n + 1)
    }
  }
  total[0] = energy
  store(energyTangent, total + 1)
}
