import TandemAD

// The forward pass of the fused layer node on `Double` components, on the
// planes described in LayerPlanes.swift.

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
    Kernel(
      v: v, x: x, rows: rows, layout: layout, layers: layers, output: output, flags: flags,
      saved: saved, scratch: scratch
    ).run(components: components)
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
  activation: Activation, constantInput: Bool, output: UnsafeMutablePointer<Double>
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
