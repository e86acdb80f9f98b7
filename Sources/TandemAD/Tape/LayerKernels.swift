import RealModule

// Kernels of the fused layer node (``Tape/perceptron(_:parameters:widths:activation:inputGradient:)``
// and the real path of ``Tape/dense(_:weights:bias:activation:inputGradient:)``)
// on the `Double` components of `Double` and `Dual<N, Double>`.
//
// Every batch matrix inside the node is kept as column-major planes: one
// contiguous plane of `stride` doubles (the rows, padded with zeros to a
// multiple of 8) per component and column, plane (d, j) of a `width`-column
// block at `(d·width + j)·stride`. Every inner loop then runs over rows,
// eight at a time in a `SIMD8<Double>`, whatever the layer's shape, and the
// hidden activations never leave this layout: the tape holds only the
// node's input, parameters and output, interleaved as usual, and the node
// keeps its input and each layer's output as planes in the tape's saved
// buffer for the backward pass.
//
// Arithmetic follows the generic `Dual` code element by element (a
// product's tangent is x′·w + x·w′, an activation's tangent is multiplied
// by its slope from the output, …), and each output element sums over the layer's inputs in
// order, then adds the bias, as ``TracedMatrix/multiplied(by:)-(TracedMatrix<T>)``
// does. Sums over the batch (the weights' and biases' adjoints) run in a
// fixed order (``batchSum(span:_:)``). Builds with `TANDEM_FMA` fuse each
// product into its sum (`multiplyAdd`: one rounding instead of
// two, so the last bits differ from the generic path's). Either way the
// order is the same for every component count, so a `Double` run and the
// value components of any `Dual` run agree bit for bit. A zero input
// tangent plane (data) skips its terms, which can change only the sign of
// a zero tangent.

/// Doubles per cache line (64 bytes).
@usableFromInline let cacheLineDoubles = 8

/// The doubles from `p` to the next cache-line boundary (0 when on one):
/// plane starts are kept on boundaries so that a 16-lane load covers two
/// lines instead of straddling three.
@inlinable
func cacheLinePadding(at p: UnsafePointer<Double>) -> Int {
  let misalignment = Int(bitPattern: p) & (cacheLineDoubles * 8 - 1)
  return misalignment == 0 ? 0 : (cacheLineDoubles * 8 - misalignment) / 8
}

/// Rows per block in the forward pass (a multiple of 16).
@usableFromInline let layerRowBlock = 128

/// The layout of one layer inside a node's layout list: its output width,
/// and the tape offsets (in elements) of its weights and biases.
@usableFromInline let layerLayoutFields = 3

/// The rows the kernels' loops cover: rounded up to whole 16-lane vectors
/// (two chains of 8-lane operations, so that sums over a layer's inputs
/// do not wait on one another).
@inlinable
func rowSpan(_ rows: Int) -> Int { (rows + 15) & ~15 }

/// The distance between planes: ``rowSpan(_:)`` and one cache line more,
/// so that consecutive planes fall in different cache sets (1024 rows,
/// 8 KiB apart, made the first-level cache thrash on a 64-plane layer).
@inlinable
func paddedRows(_ rows: Int) -> Int { rowSpan(rows) + 8 }

/// The doubles a node keeps for its backward pass: its input and every
/// layer's output as planes.
@inlinable
func layerSavedCount(components: Int, rows: Int, layout: UnsafePointer<Int>, layers: Int) -> Int {
  var widths = layout[0]
  for l in 0..<layers { widths += layout[1 + layerLayoutFields * l] }
  return components * widths * paddedRows(rows)
}

/// The scratch doubles a node's forward and backward passes need: every
/// layer's weights and biases as planes, two adjoint blocks and a column.
@inlinable
func layerScratchCount(components: Int, rows: Int, layout: UnsafePointer<Int>, layers: Int) -> Int {
  var (parameters, widest, n) = (0, layout[0], layout[0])
  for l in 0..<layers {
    let m = layout[1 + layerLayoutFields * l]
    parameters += n * m + m
    widest = Swift.max(widest, m)
    n = m
  }
  return components * (parameters + (2 * widest + 1) * paddedRows(rows)) + 2 * cacheLineDoubles
}

/// What the node's `flags` hold.
@usableFromInline
struct LayerFlags: OptionSet, Sendable {
  @usableFromInline let rawValue: Int
  @inlinable init(rawValue: Int) { self.rawValue = rawValue }
  /// The activations after every layer but the last (bits 0–1) and after
  /// the last (bits 2–3), no other flag set.
  @inlinable init(hidden: DenseActivation, output: DenseActivation) {
    rawValue = hidden.rawValue | output.rawValue << 2
  }
  /// The backward pass accumulates the input's adjoint.
  @usableFromInline static let inputGradient = LayerFlags(rawValue: 16)
  /// Every tangent of the input is zero (set by the forward pass).
  @usableFromInline static let constantInput = LayerFlags(rawValue: 32)
  /// The activation after every layer but the last.
  @inlinable var hidden: DenseActivation { DenseActivation(rawValue: rawValue & 3)! }
  /// The activation after the last layer.
  @inlinable var output: DenseActivation { DenseActivation(rawValue: rawValue >> 2 & 3)! }
  /// The activation after layer `l` of `layers`.
  @inlinable func activation(layer l: Int, of layers: Int) -> DenseActivation {
    l == layers - 1 ? output : hidden
  }
}

/// Sixteen rows of a plane.
@usableFromInline typealias Lanes = SIMD16<Double>

@inline(__always)
func load(_ p: UnsafePointer<Double>) -> Lanes {
  UnsafeRawPointer(p).loadUnaligned(as: Lanes.self)
}

@inline(__always)
func store(_ value: Lanes, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: value, as: Lanes.self)
}

extension DenseActivation {
  /// f of sixteen lanes (tanh and the logistic function as two eight-lane
  /// kernels).
  @inline(__always)
  func lanes(_ z: Lanes) -> Lanes {
    switch self {
    case .identity: z
    case .tanh: Lanes(lowHalf: Double.tanh8(z.lowHalf), highHalf: Double.tanh8(z.highHalf))
    case .relu: z.replacing(with: 0, where: .!(z .> 0))
    case .sigmoid:
      Lanes(lowHalf: Double.sigmoid8(z.lowHalf), highHalf: Double.sigmoid8(z.highHalf))
    }
  }

  /// f′ from the output h, lane by lane: ``slope(output:)``.
  @inline(__always)
  func slope(lanes h: Lanes) -> Lanes {
    switch self {
    case .identity: Lanes(repeating: 1)
    case .tanh: 1 - h * h
    case .relu: Lanes(repeating: 0).replacing(with: 1, where: h .> 0)
    case .sigmoid: h * (1 - h)
    }
  }

  /// The tangent of f′ given the output's value h and tangent h′, as the
  /// dual arithmetic of ``slope(output:)`` computes it.
  @inline(__always)
  func slopeTangent(lanes h: Lanes, tangent t: Lanes) -> Lanes {
    switch self {
    case .identity, .relu: Lanes()
    case .tanh: 0 - (t * h + h * t)
    case .sigmoid: t * (1 - h) + h * (0 - t)
    }
  }
}

/// The lanes' sum in a fixed tree: halves added lane by lane down to two,
/// then those two.
@inline(__always)
func laneSum(_ v: Lanes) -> Double {
  let eight = v.lowHalf + v.highHalf
  let four = eight.lowHalf + eight.highHalf
  let two = four.lowHalf + four.highHalf
  return two[0] + two[1]
}

/// A sum over a batch of `span` rows, `adding(sum, r)` adding the sixteen
/// rows from r to a vector of partial sums: two such vectors, chunk q of
/// the rows into vector q mod 2 (independent chains, so the adds overlap),
/// then added and summed across lanes by ``laneSum(_:)``. The order
/// depends only on `span`.
@inline(__always)
func batchSum(span: Int, _ adding: (Lanes, Int) -> Lanes) -> Double {
  var (s0, s1) = (Lanes(), Lanes())
  var r = 0
  while r + 32 <= span {
    s0 = adding(s0, r)
    s1 = adding(s1, r + 16)
    r += 32
  }
  if r < span { s0 = adding(s0, r) }
  return laneSum(s0 + s1)
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

/// Whether any of `count` doubles at `p` is nonzero.
@inline(__always)
func anyNonzero(_ p: UnsafePointer<Double>, count: Int) -> Bool {
  for i in 0..<count where p[i] != 0 { return true }
  return false
}

/// The forward pass of a layer node: reads the input and parameters from
/// the tape's values `v` (interleaved, offsets in elements), keeps the
/// input and each layer's output as planes at `saved`, writes the last
/// layer's output to the tape at `output`, and returns the flags with
/// ``LayerFlags/constantInput`` set when the input's tangents are zero.
@usableFromInline
func layersForward(
  components: Int, values v: UnsafeMutablePointer<Double>, input x: Int, rows: Int,
  layout: UnsafePointer<Int>, layers: Int, output: Int, flags: Int,
  saved: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
) -> Int {
  var result = flags
  struct Kernel: ComponentKernel {
    let v: UnsafeMutablePointer<Double>
    let x, rows: Int
    let layout: UnsafePointer<Int>
    let layers, output: Int
    let flags: UnsafeMutablePointer<Int>
    let saved, scratch: UnsafeMutablePointer<Double>
    func run<K: ComponentCount>(_: K.Type) {
      flags.pointee =
        layersForward(
          K.self, values: v, input: x, rows: rows, layout: layout, layers: layers, output: output,
          flags: LayerFlags(rawValue: flags.pointee), saved: saved, scratch: scratch
        ).rawValue
    }
  }
  withUnsafeMutablePointer(to: &result) { flags in
    run(
      Kernel(
        v: v, x: x, rows: rows, layout: layout, layers: layers, output: output, flags: flags,
        saved: saved, scratch: scratch), components: components)
  }
  return result
}

func layersForward<K: ComponentCount>(
  _: K.Type, values v: UnsafeMutablePointer<Double>, input x: Int, rows: Int,
  layout: UnsafePointer<Int>, layers: Int, output: Int, flags: LayerFlags,
  saved: UnsafeMutablePointer<Double>, scratch: UnsafeMutablePointer<Double>
) -> LayerFlags {
  let cs = K.count
  let scratch = scratch + cacheLinePadding(at: scratch)
  let stride = paddedRows(rows)
  var n = layout[0]
  // The input as planes, zero-padded; then whether its tangents are zero.
  saved.update(repeating: 0, count: cs * n * stride)
  for r in 0..<rows {
    deinterleave(
      K.self, v + (x + r * n) * cs, count: n, into: saved + r, planeStride: n * stride,
      elementStride: stride)
  }
  var flags = flags
  if !anyNonzero(saved + n * stride, count: (cs - 1) * n * stride) {
    flags.insert(.constantInput)
  }
  // Every layer's weights and biases as planes, one after another.
  var planes = scratch
  for l in 0..<layers {
    let field = 1 + layerLayoutFields * l
    let (m, w, b) = (layout[field], layout[field + 1], layout[field + 2])
    deinterleave(K.self, v + w * cs, count: n * m, into: planes, planeStride: n * m)
    deinterleave(K.self, v + b * cs, count: m, into: planes + cs * n * m, planeStride: m)
    planes += cs * (n * m + m)
    n = m
  }
  // All layers on one block of rows at a time, so that a hidden layer's
  // block is still in cache when the next layer reads it.
  let span = rowSpan(rows)
  var first = 0
  var input = UnsafePointer(saved)  // in the end, the last layer's output
  while first < span {
    let end = Swift.min(first + layerRowBlock, span)
    var (width, planes) = (layout[0], UnsafePointer(scratch))
    input = UnsafePointer(saved)
    for l in 0..<layers {
      let m = layout[1 + layerLayoutFields * l]
      let out = UnsafeMutablePointer(mutating: input) + cs * width * stride
      layerForward(
        K.self, input: input, width: width, stride: stride, rows: first..<end, weights: planes,
        bias: planes + cs * width * m, columns: m,
        activation: flags.activation(layer: l, of: layers),
        constantInput: l == 0 && flags.contains(.constantInput), output: out)
      planes += cs * (width * m + m)
      (input, width) = (UnsafePointer(out), m)
    }
    first = end
  }
  // The last layer's output to the tape, row-major and interleaved.
  for r in 0..<rows {
    var to = v + (output + r * n) * cs
    for c in 0..<n {
      for d in 0..<cs { to[d] = input[(d * n + c) * stride + r] }
      to += cs
    }
  }
  return flags
}

/// One layer: out = f(A·W + b) on planes, A `width` columns, W planes
/// `weights[d·width·columns + k·columns + c]`, biases `bias[d·columns + c]`.
@inline(__always)
func layerForward<K: ComponentCount>(
  _: K.Type, input a: UnsafePointer<Double>, width n: Int, stride: Int, rows: Range<Int>,
  weights: UnsafePointer<Double>, bias: UnsafePointer<Double>, columns m: Int,
  activation: DenseActivation, constantInput: Bool, output: UnsafeMutablePointer<Double>
) {
  typealias V = Lanes
  let cs = K.count
  for c in 0..<m {
    var r = rows.lowerBound
    while r < rows.upperBound {
      var total = V()
      for k in 0..<n {
        total = multiplyAdd(total, load(a + k * stride + r), V(repeating: weights[k * m + c]))
      }
      var h = total + V(repeating: bias[c])
      h = activation.lanes(h)
      store(h, output + c * stride + r)
      let slope = activation.slope(lanes: h)
      for d in 1..<cs {
        let (wd, ad) = (weights + d * n * m, a + d * n * stride)
        var tangent = V()
        if constantInput {
          for k in 0..<n {
            tangent = multiplyAdd(tangent, load(a + k * stride + r), V(repeating: wd[k * m + c]))
          }
        } else {
          for k in 0..<n {
            tangent = multiplyAdd(
              multiplyAdd(tangent, load(ad + k * stride + r), V(repeating: weights[k * m + c])),
              load(a + k * stride + r), V(repeating: wd[k * m + c]))
          }
        }
        var z = tangent + V(repeating: bias[d * m + c])
        if activation != .identity { z *= slope }
        store(z, output + (d * m + c) * stride + r)
      }
      r += 16
    }
  }
}

/// The vector-Jacobian product of a layer node: from the output's adjoint
/// on the tape (`adjoints`, interleaved), back through every layer on the
/// saved planes, adding into the adjoints of the weights, the biases and
/// (with ``LayerFlags/inputGradient``) the input.
@usableFromInline
func layersBackward(
  components: Int, values v: UnsafePointer<Double>, adjoints: UnsafeMutablePointer<Double>,
  input x: Int, rows: Int, layout: UnsafePointer<Int>, layers: Int, output: Int, flags: Int,
  saved: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>
) {
  struct Kernel: ComponentKernel {
    let v: UnsafePointer<Double>
    let adjoints: UnsafeMutablePointer<Double>
    let x, rows: Int
    let layout: UnsafePointer<Int>
    let layers, output: Int
    let flags: LayerFlags
    let saved: UnsafePointer<Double>
    let scratch: UnsafeMutablePointer<Double>
    func run<K: ComponentCount>(_: K.Type) {
      layersBackward(
        K.self, values: v, adjoints: adjoints, input: x, rows: rows, layout: layout,
        layers: layers, output: output, flags: flags, saved: saved, scratch: scratch)
    }
  }
  run(
    Kernel(
      v: v, adjoints: adjoints, x: x, rows: rows, layout: layout, layers: layers, output: output,
      flags: LayerFlags(rawValue: flags), saved: saved, scratch: scratch), components: components)
}

func layersBackward<K: ComponentCount>(
  _: K.Type, values v: UnsafePointer<Double>, adjoints a: UnsafeMutablePointer<Double>,
  input x: Int, rows: Int, layout: UnsafePointer<Int>, layers: Int, output: Int,
  flags: LayerFlags, saved: UnsafePointer<Double>, scratch: UnsafeMutablePointer<Double>
) {
  let cs = K.count
  let (stride, span) = (paddedRows(rows), rowSpan(rows))
  func field(_ l: Int) -> Int { 1 + layerLayoutFields * l }
  func width(_ l: Int) -> Int { l == 0 ? layout[0] : layout[field(l - 1)] }  // layer l's input
  var (widest, parameters) = (layout[0], 0)
  for l in 0..<layers {
    let m = layout[field(l)]
    (widest, parameters) = (Swift.max(widest, m), Swift.max(parameters, width(l) * m))
  }
  let weights = scratch + cacheLinePadding(at: scratch)
  // dZ of the layer above, as planes, from a cache line on.
  var upper =
    weights + (cs * parameters + cacheLineDoubles - 1) / cacheLineDoubles * cacheLineDoubles
  var lower = upper + cs * widest * stride
  let column = lower + cs * widest * stride  // one column of dZ
  // Block l of the saved planes: the input (l = 0), else layer l − 1's output.
  func block(_ l: Int) -> UnsafePointer<Double> {
    var start = saved
    for i in 0..<l { start += cs * width(i) * stride }
    return start
  }
  let top = layers - 1
  let (mTop, nTop) = (layout[field(top)], width(top))
  // The output's adjoint as planes, zero-padded.
  upper.update(repeating: 0, count: cs * mTop * stride)
  for r in 0..<rows {
    deinterleave(
      K.self, a + (output + r * mTop) * cs, count: mTop, into: upper + r,
      planeStride: mTop * stride, elementStride: stride)
  }
  if flags.output != .identity {
    activationPullBack(
      K.self, flags.output, upper, output: block(top + 1), columns: mTop, stride: stride,
      span: span)
  }
  for c in 0..<mTop {
    biasAdjoint(
      K.self, column: upper + c * stride, componentStride: mTop * stride, span: span,
      bias: a + (layout[field(top) + 2] + c) * cs)
  }
  if top == 0 {
    columnsWeightAdjoints(
      K.self, input: block(0), width: nTop, stride: stride, span: span, adjoint: upper,
      columns: mTop, constantInput: flags.contains(.constantInput),
      weights: a + layout[field(0) + 1] * cs)
  }
  // Hidden layers, a column at a time: dZ's column is formed from the layer
  // above, used for this layer's bias (and, for the first layer, weights)
  // while in cache, and kept only when a layer below (or the input) needs
  // it; the layer above's weight adjoints are taken in the same pass, while
  // this layer's output column is in cache.
  var upperWidth = mTop
  for l in (0..<top).reversed() {
    let m = layout[field(l)]
    deinterleave(
      K.self, v + layout[field(l + 1) + 1] * cs, count: m * upperWidth, into: weights,
      planeStride: m * upperWidth)
    let keep = l > 0 || flags.contains(.inputGradient)
    hiddenColumnsBackward(
      K.self, upper: upper, upperWidth: upperWidth, upperWeights: weights,
      output: block(l + 1), columns: m, activation: flags.hidden, input: block(l),
      width: width(l), constantInput: l == 0 && flags.contains(.constantInput), stride: stride,
      span: span, column: column, keep: keep ? lower : nil, firstLayer: l == 0,
      upperWeightsAdjoint: a + layout[field(l + 1) + 1] * cs,
      weightsAdjoint: a + layout[field(l) + 1] * cs, biasAdjoints: a + layout[field(l) + 2] * cs)
    guard keep else { return }
    swap(&upper, &lower)
    upperWidth = m
  }
  // `upper` is the first layer's dZ: the input's adjoint is dZ·Wᵀ.
  if flags.contains(.inputGradient) {
    let n = layout[0]
    deinterleave(
      K.self, v + layout[field(0) + 1] * cs, count: n * upperWidth, into: weights,
      planeStride: n * upperWidth)
    layerInputAdjoint(
      K.self, adjoint: upper, columns: upperWidth, stride: stride, span: span, weights: weights,
      width: n, into: lower)
    for r in 0..<rows {
      var to = a + (x + r * n) * cs
      for k in 0..<n {
        for d in 0..<cs { to[d] += lower[(d * n + k) * stride + r] }
        to += cs
      }
    }
  }
}

/// The backward pass of a hidden layer, one column c at a time: its dY
/// column (``inputAdjointRows``, the layer above's input adjoint), times the
/// activation's derivative (``pullBackRows``), then the
/// column's bias and weight adjoints (``columnParameterAdjoints``), and the
/// column copied to `keep` when a layer below needs it.
@inline(__always)
func hiddenColumnsBackward<K: ComponentCount>(
  _: K.Type, upper dz: UnsafePointer<Double>, upperWidth mu: Int,
  upperWeights w: UnsafePointer<Double>,
  output h: UnsafePointer<Double>, columns m: Int, activation: DenseActivation,
  input: UnsafePointer<Double>,
  width n: Int, constantInput: Bool, stride: Int, span: Int, column: UnsafeMutablePointer<Double>,
  keep lower: UnsafeMutablePointer<Double>?, firstLayer: Bool,
  upperWeightsAdjoint: UnsafeMutablePointer<Double>,
  weightsAdjoint: UnsafeMutablePointer<Double>, biasAdjoints: UnsafeMutablePointer<Double>
) {
  let cs = K.count
  for c in 0..<m {
    var r = 0
    while r < span {
      inputAdjointRows(
        K.self, adjoint: dz, columns: mu, stride: stride, weights: w, width: m, input: c, row: r,
        into: column, componentStride: stride)
      if activation != .identity {
        pullBackRows(
          K.self, activation, column, componentStride: stride, output: h + c * stride,
          outputStride: m * stride, row: r)
      }
      r += 16
    }
    // The layer above: dW_above[c][j] = Σ_r h[r][c]·dZ_above[r][j].
    for j in 0..<mu {
      weightAdjoint(
        K.self, input: h + c * stride, inputComponentStride: m * stride,
        column: dz + j * stride, columnComponentStride: mu * stride, span: span,
        constantInput: false, element: upperWeightsAdjoint + (c * mu + j) * cs)
    }
    biasAdjoint(
      K.self, column: column, componentStride: stride, span: span, bias: biasAdjoints + c * cs)
    if firstLayer {  // its weights now; a higher layer's come in the next pass down
      for k in 0..<n {
        weightAdjoint(
          K.self, input: input + k * stride, inputComponentStride: n * stride, column: column,
          columnComponentStride: stride, span: span, constantInput: constantInput,
          element: weightsAdjoint + (k * m + c) * cs)
      }
    }
    if let lower {
      for d in 0..<cs {
        (lower + (d * m + c) * stride).update(from: column + d * stride, count: span)
      }
    }
  }
}

/// dZ = dH ⊙ f′ in place, as the dual product a·g with g = f′ from the
/// output h (``DenseActivation/slope(lanes:)``) and its tangent
/// (``DenseActivation/slopeTangent(lanes:tangent:)``), over `columns` planes.
@inline(__always)
func activationPullBack<K: ComponentCount>(
  _: K.Type, _ activation: DenseActivation, _ adjoint: UnsafeMutablePointer<Double>,
  output h: UnsafePointer<Double>, columns m: Int, stride: Int, span: Int
) {
  for c in 0..<m {
    var r = 0
    while r < span {
      pullBackRows(
        K.self, activation, adjoint + c * stride, componentStride: m * stride,
        output: h + c * stride, outputStride: m * stride, row: r)
      r += 16
    }
  }
}

/// ``activationPullBack`` on sixteen rows from `r` of one column: the
/// adjoint's components `componentStride` apart, the output's
/// `outputStride` apart.
@inline(__always)
func pullBackRows<K: ComponentCount>(
  _: K.Type, _ activation: DenseActivation, _ adjoint: UnsafeMutablePointer<Double>,
  componentStride: Int, output h: UnsafePointer<Double>, outputStride: Int, row r: Int
) {
  let (h0, a0) = (load(h + r), load(adjoint + r))
  let g = activation.slope(lanes: h0)
  store(a0 * g, adjoint + r)
  for d in 1..<K.count {
    let (hd, ad) = (load(h + d * outputStride + r), load(adjoint + d * componentStride + r))
    store(
      ad * g + a0 * activation.slopeTangent(lanes: h0, tangent: hd),
      adjoint + d * componentStride + r)
  }
}

/// db[c] += Σ_r dZ[r][c] for one column (components `componentStride`
/// apart), added to the tape's interleaved adjoint at `bias`.
@inline(__always)
func biasAdjoint<K: ComponentCount>(
  _: K.Type, column z: UnsafePointer<Double>, componentStride: Int, span: Int,
  bias: UnsafeMutablePointer<Double>
) {
  for d in 0..<K.count {
    let plane = z + d * componentStride
    bias[d] += batchSum(span: span) { $0 + load(plane + $1) }
  }
}

/// One weight's adjoint, dW[k][c] += Σ_r A[r][k]·dZ[r][c] (tangent
/// a′·dz + a·dz′), from input column k and output column c as planes,
/// added to the tape's interleaved adjoint at `element`.
@inline(__always)
func weightAdjoint<K: ComponentCount>(
  _: K.Type, input a0: UnsafePointer<Double>, inputComponentStride: Int,
  column z0: UnsafePointer<Double>, columnComponentStride: Int, span: Int, constantInput: Bool,
  element: UnsafeMutablePointer<Double>
) {
  element[0] += batchSum(span: span) { multiplyAdd($0, load(a0 + $1), load(z0 + $1)) }
  for d in 1..<K.count {
    let (ad, zd) = (a0 + d * inputComponentStride, z0 + d * columnComponentStride)
    element[d] +=
      constantInput
      ? batchSum(span: span) { multiplyAdd($0, load(a0 + $1), load(zd + $1)) }
      : batchSum(span: span) {
        multiplyAdd(multiplyAdd($0, load(ad + $1), load(z0 + $1)), load(a0 + $1), load(zd + $1))
      }
  }
}

/// Every weight adjoint of a layer whose dZ is `adjoint` (planes).
@inline(__always)
func columnsWeightAdjoints<K: ComponentCount>(
  _: K.Type, input: UnsafePointer<Double>, width n: Int, stride: Int, span: Int,
  adjoint dz: UnsafePointer<Double>, columns m: Int, constantInput: Bool,
  weights: UnsafeMutablePointer<Double>
) {
  for k in 0..<n {
    for c in 0..<m {
      weightAdjoint(
        K.self, input: input + k * stride, inputComponentStride: n * stride,
        column: dz + c * stride, columnComponentStride: m * stride, span: span,
        constantInput: constantInput, element: weights + (k * m + c) * K.count)
    }
  }
}

/// dA[r][k] = Σ_c dZ[r][c]·W[k][c] (tangent dz′·w + dz·w′), summed over c
/// in order, into planes at `into`.
@inline(__always)
func layerInputAdjoint<K: ComponentCount>(
  _: K.Type, adjoint dz: UnsafePointer<Double>, columns m: Int, stride: Int, span: Int,
  weights: UnsafePointer<Double>, width n: Int, into da: UnsafeMutablePointer<Double>
) {
  for k in 0..<n {
    var r = 0
    while r < span {
      inputAdjointRows(
        K.self, adjoint: dz, columns: m, stride: stride, weights: weights, width: n, input: k,
        row: r, into: da + k * stride, componentStride: n * stride)
      r += 16
    }
  }
}

/// ``layerInputAdjoint`` on sixteen rows from `r` of input column `k`,
/// stored at `into` with the components `componentStride` apart.
@inline(__always)
func inputAdjointRows<K: ComponentCount>(
  _: K.Type, adjoint dz: UnsafePointer<Double>, columns m: Int, stride: Int,
  weights: UnsafePointer<Double>, width n: Int, input k: Int, row r: Int,
  into da: UnsafeMutablePointer<Double>, componentStride: Int
) {
  typealias V = Lanes
  var total = V()
  for c in 0..<m {
    total = multiplyAdd(total, load(dz + c * stride + r), V(repeating: weights[k * m + c]))
  }
  store(total, da + r)
  for d in 1..<K.count {
    let (zd, wd) = (dz + d * m * stride, weights + d * n * m)
    var tangent = V()
    for c in 0..<m {
      tangent = multiplyAdd(
        multiplyAdd(tangent, load(zd + c * stride + r), V(repeating: weights[k * m + c])),
        load(dz + c * stride + r), V(repeating: wd[k * m + c]))
    }
    store(tangent, da + d * componentStride + r)
  }
}
