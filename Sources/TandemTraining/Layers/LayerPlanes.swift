import RealModule
import TandemAD

// The plane layout and the lane helpers of the kernels (LayersForward.swift,
// LayersBackward.swift) of the fused layer node
// (``TandemAD/Tape/perceptron(_:parameters:widths:activation:inputGradient:)`` and the real
// path of ``TandemAD/Tape/dense(_:weights:bias:activation:inputGradient:)``) on the `Double`
// components of `Double` and `Dual<N, Double>`.
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
  @inlinable init(hidden: Activation, output: Activation) {
    rawValue = hidden.code | output.code << 2
  }
  /// The backward pass accumulates the input's adjoint.
  @usableFromInline static let inputGradient = LayerFlags(rawValue: 16)
  /// Every tangent of the input is zero (set by the forward pass).
  @usableFromInline static let constantInput = LayerFlags(rawValue: 32)
  /// The activation after every layer but the last.
  @inlinable var hidden: Activation { Activation(code: rawValue) }
  /// The activation after the last layer.
  @inlinable var output: Activation { Activation(code: rawValue >> 2) }
  /// The activation after layer `l` of `layers`.
  @inlinable func activation(layer l: Int, of layers: Int) -> Activation {
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

extension Activation {
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
