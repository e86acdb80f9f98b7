import CVectorMath
import TandemAD

/// Where the family kernel reads a per-spring quantity (see
/// ``FamilyLaneValues``): each family's values from `doubles + starts[f]`,
/// one shared value or one per lane.
@usableFromInline
struct LaneSource {
  @usableFromInline let doubles: UnsafePointer<Double>
  @usableFromInline let starts: UnsafePointer<Int>
  @usableFromInline let isShared: UnsafePointer<Bool>

  @inlinable
  init(doubles: UnsafePointer<Double>, starts: UnsafePointer<Int>, isShared: UnsafePointer<Bool>) {
    (self.doubles, self.starts, self.isShared) = (doubles, starts, isShared)
  }
}

/// The points per block of the family kernel (a multiple of 8): every
/// family's springs of a block, then the block's gradient.
let familyBlock = 512

/// The family kernel's scratch: the coordinate streams, one buffer of
/// first-end partials per family, and one family's lengths and their
/// reciprocals, from a 64-byte boundary.
@usableFromInline
struct FamilyScratch {
  /// The length of one coordinate stream: the points, then at least 7
  /// zeros (the last vector of a family may reach that far past the last
  /// point), rounded to an odd number of 64-byte lines so that the streams
  /// start at different offsets modulo 4 KiB (with power-of-two strides a
  /// loop's loads and stores alias in the store queue's 4 KiB address
  /// check, which cost the C++ peer 1.6×).
  @usableFromInline let length: Int
  /// The zeros in front of each partials stream, for the reads at p − o.
  @usableFromInline let pad: Int
  /// The length of one partials stream, an odd number of lines too.
  @usableFromInline let bufferLength: Int
  /// The doubles per scalar, and the axes.
  @usableFromInline let components, dimension: Int
  /// The number of families, and the most lanes of any.
  @usableFromInline let families, mostLanes: Int

  @inlinable
  init(
    components: Int, dimension: Int, stride: Int, families: Int, widestOffset: Int,
    mostLanes: Int
  ) {
    func oddLines(_ count: Int) -> Int { ((count + 7) / 8 | 1) * 8 }
    length = oddLines(stride + 7)
    pad = (widestOffset + 7) / 8 * 8
    bufferLength = oddLines(pad + length)
    (self.components, self.dimension, self.families) = (components, dimension, families)
    self.mostLanes = mostLanes
  }

  /// The doubles to reserve, with room to start on a 64-byte boundary.
  @inlinable
  var count: Int {
    dimension * components * (length + families * bufferLength) + 2 * mostLanes + 8
  }
}

/// The spring energy E = Σ ½·k·(ℓ − L)² of the springs in `families`, and
/// its gradient with respect to every coordinate, on interleaved `Double`
/// components (`components` per scalar: the value, then the tangents).
///
/// The coordinates (axis-major from offset `positions` of `values`,
/// `stride` points per axis) are first copied to one stream per axis and
/// component, so each family's loop reads both ends of eight springs as two
/// contiguous vectors. Each spring's ∂E/∂x at its first end, k·(ℓ − L)·d/ℓ,
/// goes to its family's buffer at its lane; the gradient at point p is then
/// Σ_f (B_f[p] − B_f[p − o_f]) (p is the first end of one spring of each
/// family and the second end of another), gathered at fixed offsets and
/// written interleaved to `gradient` (`dimension·stride` scalars). No pass
/// adds into memory it or another vector of the pass wrote, so nothing
/// waits on a store. The work runs block by block of `familyBlock` points
/// (every family's springs whose first end is in the block, then the
/// block's gradient), so that a large grid's partials are still in cache
/// when they are gathered. The tangents follow the dual arithmetic:
/// ℓ′ = (d·d′)/ℓ, (1/ℓ)′ = −(1/ℓ)·ℓ′·(1/ℓ).
///
/// Guard: a spring of zero length contributes ½·k·L² with zero force and
/// ℓ′ = 0 (the square root's derivative at 0 taken as zero), not NaN.
@usableFromInline
func springFamilyKernel(
  components: Int, dimension: Int, values: UnsafePointer<Double>, positions: Int, stride: Int,
  families: UnsafeBufferPointer<SpringFamilies.Family>, presence: UnsafePointer<Double>,
  stiffness: LaneSource, restLength: LaneSource, gradient: UnsafeMutablePointer<Double>,
  total: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>,
  layout: FamilyScratch
) {
  struct Kernel: ComponentKernel {
    let dimension: Int
    let values: UnsafePointer<Double>
    let positions, stride: Int
    let families: UnsafeBufferPointer<SpringFamilies.Family>
    let presence: UnsafePointer<Double>
    let stiffness, restLength: LaneSource
    let gradient, total, scratch: UnsafeMutablePointer<Double>
    let layout: FamilyScratch
    func run<K: ComponentCount>(_: K.Type) {
      if dimension == 2 { run(K.self, Plane.self) } else { run(K.self, Space.self) }
    }
    func run<K: ComponentCount, D: DimensionCount>(_: K.Type, _: D.Type) {
      springFamilyKernel(
        K.self, D.self, values: values, positions: positions, stride: stride, families: families,
        presence: presence, stiffness: stiffness, restLength: restLength, gradient: gradient,
        total: total, scratch: scratch, layout: layout)
    }
  }
  precondition(dimension == 2 || dimension == 3, "springs in \(dimension)-D")
  Kernel(
    dimension: dimension, values: values, positions: positions, stride: stride,
    families: families, presence: presence, stiffness: stiffness, restLength: restLength,
    gradient: gradient, total: total, scratch: scratch, layout: layout
  ).run(components: components)
}

func springFamilyKernel<K: ComponentCount, D: DimensionCount>(
  _: K.Type, _: D.Type, values: UnsafePointer<Double>, positions: Int, stride: Int,
  families: UnsafeBufferPointer<SpringFamilies.Family>, presence: UnsafePointer<Double>,
  stiffness: LaneSource, restLength: LaneSource, gradient: UnsafeMutablePointer<Double>,
  total: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>,
  layout: FamilyScratch
) {
  typealias V = SIMD8<Double>
  let (n, dimension) = (K.count, D.count)
  let (length, pad, bufferLength) = (layout.length, layout.pad, layout.bufferLength)
  let streams = dimension &* n
  // Stream (a, j), component j of axis a, at (a·n + j)·length in x, and at
  // (a·n + j)·bufferLength in each family's partials.
  let aligned = Int(bitPattern: UInt(bitPattern: scratch) & 63) / 8
  let x = scratch + (aligned == 0 ? 0 : 8 &- aligned)
  let buffers = x + streams &* length
  // One family's lengths ℓ and 1/ℓ, lane by lane.
  let roots = buffers + layout.families &* streams &* bufferLength
  let inverses = roots + layout.mostLanes
  func buffer(_ family: Int, _ stream: Int) -> UnsafeMutablePointer<Double> {
    buffers + ((family &* streams &+ stream) &* bufferLength &+ pad)
  }
  func load(_ pointer: UnsafePointer<Double>) -> V {
    UnsafeRawPointer(pointer).loadUnaligned(as: V.self)
  }
  func store(_ vector: V, _ pointer: UnsafeMutablePointer<Double>) {
    UnsafeMutableRawPointer(pointer).storeBytes(of: vector, as: V.self)
  }
  for a in 0..<dimension {
    let source = values + (positions &+ a &* stride) &* n
    for j in 0..<n {
      let stream = x + (a &* n &+ j) &* length
      for p in 0..<stride { stream[p] = source[p &* n &+ j] }
      (stream + stride).update(repeating: 0, count: length &- stride)
    }
  }
  var energy = V.zero
  var energyTangents = InlineArray<8, V>(repeating: .zero)
  // Zeros around each family's lanes, for the gathers at p and p − o.
  for (f, family) in families.enumerated() {
    let (start, lanes) = (family.start, family.lanes)
    for stream in 0..<streams {
      let b = buffer(f, stream)
      (b - pad).update(repeating: 0, count: pad &+ start)
      (b + (start &+ lanes)).update(repeating: 0, count: bufferLength &- pad &- start &- lanes)
    }
  }
  // Block by block of points, every family then the gradient, so that a
  // large grid's partials are still in cache when they are gathered.
  for blockStart in Swift.stride(from: 0, to: stride, by: familyBlock) {
    let last = blockStart &+ familyBlock >= stride
    let blockEnd = last ? Int.max : blockStart &+ familyBlock
    for (f, family) in families.enumerated() {
      let (offset, start, lanes) = (family.offset, family.start, family.lanes)
      // This block's lanes.
      let first = max(0, blockStart &- start)
      let end = last ? lanes : min(lanes, max(first, blockEnd &- start))
      guard first < end else { continue }
      let occupied = presence + family.base
      let (k, rest) = (
        stiffness.doubles + stiffness.starts[f], restLength.doubles + restLength.starts[f]
      )
      let (sharedStiffness, sharedRest) = (stiffness.isShared[f], restLength.isShared[f])
      // Component j of the lanes' stiffness and rest length.
      func stiffnessAt(_ j: Int, _ c: Int) -> V {
        sharedStiffness ? V(repeating: k[j]) * load(occupied + c) : load(k + (j &* lanes &+ c))
      }
      func restAt(_ j: Int, _ c: Int) -> V {
        sharedRest ? V(repeating: rest[j]) : load(rest + (j &* lanes &+ c))
      }
      // First the square roots and divisions, in a loop of their own: their
      // latency is long, and here nothing waits on them but the stores.
      for c in Swift.stride(from: first, to: end, by: 8) {
        let p = start &+ c
        var squares = V.zero
        for a in 0..<dimension {
          let stream = x + (a &* n &* length)
          let d = load(stream + p) - load(stream + (p &+ offset))
          squares = a == 0 ? d * d : squares + d * d
        }
        let root = tandem_square_root8(squares)
        store(root, roots + c)
        store((1 / root).replacing(with: 0, where: root .== 0), inverses + c)
      }
      for c in Swift.stride(from: first, to: end, by: 8) {
        let p = start &+ c
        var difference = InlineArray<3, V>(repeating: .zero)
        for a in 0..<dimension {
          let stream = x + (a &* n &* length)
          difference[a] = load(stream + p) - load(stream + (p &+ offset))
        }
        let (root, inverse) = (load(roots + c), load(inverses + c))
        let stiffnessValue = stiffnessAt(0, c)
        let stretch = root - restAt(0, c)
        let tension = stiffnessValue * stretch
        let halfTension = 0.5 * tension
        energy += halfTension * stretch
        let scale = tension * inverse
        for a in 0..<dimension { store(scale * difference[a], buffer(f, a &* n) + p) }
        // The tangents, with fused multiply-adds where the build has them
        // (`multiplyAdd`): the values above do not use them, so they are the
        // same on Double as on a dual.
        for j in 1..<n {
          var dot = V.zero
          for a in 0..<dimension {
            let stream = x + (a &* n &+ j) &* length
            let tangent = load(stream + p) - load(stream + (p &+ offset))
            dot = a == 0 ? difference[a] * tangent : multiplyAdd(dot, difference[a], tangent)
          }
          let lengthTangent = dot * inverse
          let stretchTangent = lengthTangent - restAt(j, c)
          let tensionTangent = multiplyAdd(
            stiffnessAt(j, c) * stretch, stiffnessValue, stretchTangent)
          energyTangents[j &- 1] = multiplyAdd(
            multiplyAdd(energyTangents[j &- 1], 0.5 * tensionTangent, stretch), halfTension,
            stretchTangent)
          let inverseTangent = (0 - inverse * lengthTangent) * inverse
          let scaleTangent = multiplyAdd(tensionTangent * inverse, tension, inverseTangent)
          for a in 0..<dimension {
            let stream = x + (a &* n &+ j) &* length
            let tangent = load(stream + p) - load(stream + (p &+ offset))
            store(
              multiplyAdd(scaleTangent * difference[a], scale, tangent),
              buffer(f, a &* n &+ j) + p)
          }
        }
      }
    }
    // The gradient at p: Σ_f (B_f[p] − B_f[p − o_f]), written interleaved.
    var chunk = InlineArray<9, V>(repeating: .zero)
    for a in 0..<dimension {
      let destination = gradient + a &* stride &* n
      for p in Swift.stride(from: blockStart, to: min(stride, blockEnd), by: 8) {
        for j in 0..<n {
          var sum = V.zero
          for (f, family) in families.enumerated() {
            let b = buffer(f, a &* n &+ j)
            sum += load(b + p) - load(b + (p &- family.offset))
          }
          chunk[j] = sum
        }
        for lane in 0..<min(8, stride &- p) {
          for j in 0..<n { destination[(p &+ lane) &* n &+ j] = chunk[j][lane] }
        }
      }
    }
  }

  func sum(_ vector: V) -> Double {
    var total = 0.0
    for lane in 0..<V.scalarCount { total += vector[lane] }
    return total
  }
  total[0] = sum(energy)
  for j in 1..<n { total[j] = sum(energyTangents[j &- 1]) }
}
