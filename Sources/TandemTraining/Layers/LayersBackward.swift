import TandemAD

// The backward pass (vector-Jacobian product) of the fused layer node on `Double` components, on the
// planes described in LayerPlanes.swift.

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
  Kernel(
    v: v, adjoints: adjoints, x: x, rows: rows, layout: layout, layers: layers, output: output,
    flags: LayerFlags(rawValue: flags), saved: saved, scratch: scratch
  ).run(components: components)
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
  output h: UnsafePointer<Double>, columns m: Int, activation: Activation,
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
/// output h (``Activation/slope(lanes:)``) and its tangent
/// (``Activation/slopeTangent(lanes:tangent:)``), over `columns` planes.
@inline(__always)
func activationPullBack<K: ComponentCount>(
  _: K.Type, _ activation: Activation, _ adjoint: UnsafeMutablePointer<Double>,
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
  _: K.Type, _ activation: Activation, _ adjoint: UnsafeMutablePointer<Double>,
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
