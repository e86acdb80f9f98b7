import Foundation
import TandemAD
import TandemProcess
import TandemTraining
import Testing
import TandemTestSupport

/// The struct-of-arrays kernels behind `Tape.dense` and `Tape.perceptron`
/// on `Double` and `Dual<N, Double>`, and the generic dense node on other
/// scalars: every activation,
/// layer shapes narrow and wide, batches that are not whole vectors, with
/// and without the input's gradient, zero and nonzero input tangents,
/// against the generic chain of bulk nodes, finite differences and the C
/// library.
@Suite struct DenseKernelTests {
  /// The layer kernels' tanh (a 1×1 identity layer) is ``Double/vectorTanh(_:)``,
  /// bit for bit (that kernel's accuracy is checked in TandemADTests' VectorTanhTests).
  @Test func denseTanhIsTheVectorTanh() {
    var xs: [Double] = [0, -0.0, 1e-300, -1e-10, 0.3, 0.625, -0.9, 22, 30, -700, 1e300, .nan]
    var random = SplitMix64(seed: 23)
    for _ in 0..<1_000 { xs.append((random.uniform(0...1) * 2 - 1) * 12.5) }
    var expected = xs.map { (0 + $0 * 1) + 0 }
    expected.withUnsafeMutableBufferPointer { Double.vectorTanh($0) }
    for (value, reference) in zip(identityLayer(.tanh, at: xs), expected) {
      #expect(value.bitPattern == reference.bitPattern || (value.isNaN && reference.isNaN))
    }
  }

  /// The layer kernels' logistic function is within a few ulp of
  /// 1/(1 + e⁻ˣ) from the C library, stays in [0, 1] without overflow, and
  /// passes NaN through.
  @Test func denseSigmoidMatchesTheCLibrary() {
    var xs: [Double] = [
      0, -0.0, 1e-300, -1e-10, 0.5, -0.5, 1, -1, 20, -20, 40, -40, 700, -700, 800, -800, .nan,
    ]
    var random = SplitMix64(seed: 29)
    for _ in 0..<20_000 { xs.append((random.uniform(0...1) * 2 - 1) * 40) }
    let values = identityLayer(.sigmoid, at: xs)
    #expect(values.allSatisfy { $0.isNaN || (0...1).contains($0) })
    let references = xs.map { x in
      x < 0 ? Foundation.exp(x) / (1 + Foundation.exp(x)) : 1 / (1 + Foundation.exp(-x))
    }
    let worst = worstUlpError(values, references)
    #expect(worst <= 8, "worst error \(worst) ulp")
  }

  /// Dense layers of every shape class equal the chain product, bias row,
  /// tanh map, in value and in the adjoints of input, weights and bias.
  @Test(arguments: [(23, 64, 1), (19, 5, 3), (4, 3, 9), (2, 2, 70)])
  func denseLayersMatchTheChain(shape: (Int, Int, Int)) {
    check(Double.self, shape: shape) { $0 }
    check(Dual<1, Double>.self, shape: shape) { Dual($0, tangents: [0.3 * $0 - 0.1]) }
    check(Dual<3, Double>.self, shape: shape) { Dual($0, tangents: [$0 * $0, 0.5 - $0, 0.2]) }
    check(Dual<2, Double>.self, shape: shape, dataInput: true) { Dual($0, tangents: [$0, -$0]) }
  }

  /// One comparison; `dataInput` makes the input constants (zero tangents),
  /// the path a network's first layer takes.
  func check<T: Scalar>(
    _: T.Type, shape: (Int, Int, Int), dataInput: Bool = false, lift: (Double) -> T
  ) {
    let (rows, inner, columns) = shape
    var random = SplitMix64(seed: UInt64(rows * 1000 + inner * 10 + columns))
    func values(_ n: Int, constant: Bool = false) -> [T] {
      (0..<n).map { _ in
        let v = random.uniform(0...1) * 2 - 1
        return constant ? T(v) : lift(v)
      }
    }
    let (xv, wv, bv, seeds) = (
      values(rows * inner, constant: dataInput), values(inner * columns), values(columns),
      values(rows * columns)
    )
    for activation in Activation.allCases {
      for inputGradient in [true, false] {
        func run(fused: Bool) -> [T] {
          let tape = Tape<T>()
          let x = tape.variables(xv, rows: rows, columns: inner)
          let w = tape.variables(wv, rows: inner, columns: columns)
          let b = tape.variables(bv)
          let y: TracedMatrix<T>
          if fused {
            y = x.dense(weights: w, bias: b, activation: activation, inputGradient: inputGradient)
          } else {
            y = referenceActivation(activation, x.multiplied(by: w).addingToEachRow(b))
          }
          let loss = y.elements.dot(tape.variables(seeds))
          tape.backward(from: loss)
          let inputAdjoints = inputGradient ? Array(tape.adjoints(of: x.elements)) : []
          return [loss.value] + inputAdjoints + Array(tape.adjoints(of: w.elements))
            + Array(tape.adjoints(of: b))
        }
        let (fused, chain) = (run(fused: true), run(fused: false))
        #expect(fused.count == chain.count)
        for (a, b) in zip(fused, chain) {
          let (da, db) = (Self.components(a), Self.components(b))
          for (p, q) in zip(da, db) {
            #expect(
              abs(p - q) <= 1e-12 * max(1, abs(q)),
              "\(T.self) \(shape) \(activation) \(inputGradient)")
          }
        }
      }
    }
  }

  /// A whole perceptron as one node equals its layers as chains of product,
  /// bias row and tanh map, in the output and in the adjoints of the
  /// parameters and the input; on Double the values are those of the dual
  /// runs bit for bit.
  @Test(arguments: [[3, 17, 9, 2], [2, 64, 1], [5, 4]], Activation.allCases)
  func perceptronMatchesTheChain(widths: [Int], activation: Activation) {
    let rows = 21  // not a whole number of vectors
    var random = SplitMix64(seed: UInt64(widths.reduce(7, { $0 * 31 + $1 })))
    let parameterCount = (1..<widths.count).reduce(0) {
      $0 + widths[$1 - 1] * widths[$1] + widths[$1]
    }
    let xs = (0..<(rows * widths[0])).map { _ in random.uniform(0...1) * 2 - 1 }
    let ps = (0..<parameterCount).map { _ in random.uniform(0...1) - 0.5 }
    let pt = (0..<parameterCount).map { _ in random.uniform(0...1) - 0.5 }
    let seeds = (0..<(rows * widths.last!)).map { _ in random.uniform(0...1) * 2 - 1 }
    func run<T: Scalar>(_ lift: (Double, Double) -> T, fused: Bool, dataInput: Bool) -> [T] {
      let tape = Tape<T>()
      let x = tape.variables(
        xs.map { dataInput ? T($0) : lift($0, 0.3 * $0) }, rows: rows, columns: widths[0])
      let p = tape.variables(zip(ps, pt).map { lift($0, $1) })
      var y = x
      if fused {
        y = x.perceptron(
          parameters: p, widths: widths, activation: activation, inputGradient: !dataInput)
      } else {
        var offset = 0
        for l in 1..<widths.count {
          let (n, m) = (widths[l - 1], widths[l])
          let affine = y.multiplied(by: p[offset..<(offset + n * m)].reshaped(rows: n, columns: m))
            .addingToEachRow(p[(offset + n * m)..<(offset + n * m + m)])
          offset += n * m + m
          y = l == widths.count - 1 ? affine : referenceActivation(activation, affine)
        }
      }
      let loss = y.elements.dot(tape.variables(seeds.map { T($0) }))
      tape.backward(from: loss)
      return [loss.value] + Array(tape.adjoints(of: p))
        + (dataInput ? [] : Array(tape.adjoints(of: x.elements)))
    }
    for dataInput in [false, true] {
      let dual = { (v: Double, t: Double) in Dual<2, Double>(v, tangents: [t, v * t]) }
      let (fused, chain) = (
        run(dual, fused: true, dataInput: dataInput), run(dual, fused: false, dataInput: dataInput)
      )
      #expect(fused.count == chain.count)
      for (a, b) in zip(fused, chain) {
        #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)), "\(widths)")
        for d in 0..<2 {
          #expect(
            abs(a.tangents[d] - b.tangents[d]) <= 1e-12 * max(1, abs(b.tangents[d])), "\(widths)")
        }
      }
      let plain = run({ v, _ in v }, fused: true, dataInput: dataInput)
      #expect(plain.map(\.bitPattern) == fused.map(\.value.bitPattern), "\(widths)")
      let nested = run(
        { v, t in Dual<1, Dual<1, Double>>(Dual(v, tangents: [t]), tangents: [Dual(t)]) },
        fused: true, dataInput: dataInput)
      for (a, b) in zip(nested, plain) {
        #expect(abs(a.value.value - b) <= 1e-12 * max(1, abs(b)), "generic path \(widths)")
      }
    }
  }

  /// A scalar's value and first-level tangents as Doubles.
  static func components<T: Scalar>(_ x: T) -> [Double] {
    if let d = x as? Dual<1, Double> { return [d.value, d.tangents[0]] }
    if let d = x as? Dual<2, Double> { return [d.value, d.tangents[0], d.tangents[1]] }
    if let d = x as? Dual<3, Double> {
      return [d.value, d.tangents[0], d.tangents[1], d.tangents[2]]
    }
    return [x.doubleValue]
  }

  /// The weights' gradient from a narrow (one output) tanh-fed layer's
  /// backward kernel equals finite differences of its forward kernel, and
  /// forward-mode tangents through the dual kernels equal both.
  @Test func denseGradientMatchesFiniteDifferencesAndForwardMode() {
    let (rows, hidden) = (9, 6)
    var random = SplitMix64(seed: 31)
    let xs = (0..<(rows * 2)).map { _ in random.uniform(0...1) * 2 - 1 }
    let weights = (0..<(2 * hidden + hidden + hidden + 1)).map { _ in random.uniform(0...1) - 0.5 }
    let targets = (0..<rows).map { _ in random.uniform(0...1) }
    func loss<T: Scalar>(_ w: [T], tape: Tape<T>) -> (Traced<T>, TracedVector<T>) {
      let wv = tape.variables(w)
      let x = tape.variables(xs.map { T($0) }, rows: rows, columns: 2)
      let h = x.dense(
        weights: wv[0..<(2 * hidden)].reshaped(rows: 2, columns: hidden),
        bias: wv[(2 * hidden)..<(3 * hidden)],
        activation: .tanh, inputGradient: false)
      let out = h.dense(
        weights: wv[(3 * hidden)..<(4 * hidden)].reshaped(rows: hidden, columns: 1),
        bias: wv[(4 * hidden)..<(4 * hidden + 1)])
      let difference = out.elements - tape.variables(targets.map { T($0) })
      return (difference.dot(difference), wv)
    }
    let tape = Tape<Double>()
    let (value, w) = loss(weights, tape: tape)
    tape.backward(from: value)
    let gradient = Array(tape.adjoints(of: w))
    // (A handle does not keep its tape alive: read values while it is.)
    let fd = FiniteDifference.gradient(at: weights) { point in
      let tape = Tape<Double>()
      return withExtendedLifetime(tape) { loss(point, tape: tape).0.value }
    }
    for i in weights.indices {
      #expect(abs(gradient[i] - fd[i]) <= 1e-6 * max(1, abs(fd[i])), "weight \(i)")
    }
    // Forward mode: the directional derivative along a random direction.
    let direction = weights.map { _ in random.uniform(0...1) - 0.5 }
    let dualWeights = zip(weights, direction).map { Dual<1, Double>($0, tangents: [$1]) }
    let dualTape = Tape<Dual<1, Double>>()
    let dual = withExtendedLifetime(dualTape) { loss(dualWeights, tape: dualTape).0.value }
    let expected = zip(gradient, direction).reduce(0) { $0 + $1.0 * $1.1 }
    #expect(abs(dual.value - value.value) <= 1e-15 * max(1, abs(value.value)))
    #expect(abs(dual.tangents[0] - expected) <= 1e-12 * max(1, abs(expected)))
  }

  /// The fused dense layer equals product, bias and tanh map as three
  /// nodes, in value and in every adjoint (weights, bias and input), on
  /// Double and on duals.
  @Test(arguments: Activation.allCases)
  func denseLayerMatchesTheGenericChain(activation: Activation) {
    typealias D = Dual<2, Double>
    var random = SplitMix64(seed: 17)
    let (rows, inner, columns) = (5, 3, 70)  // wider than one scratch block
    func values(_ n: Int) -> [D] {
      (0..<n).map { _ in
        D(
          random.uniform(0...1) * 2 - 1,
          tangents: [random.uniform(0...1) - 0.5, random.uniform(0...1) - 0.5])
      }
    }
    let (xv, wv, bv, seeds) = (
      values(rows * inner), values(inner * columns), values(columns), values(rows * columns)
    )
    func run(fused: Bool) -> [D] {
      let tape = Tape<D>()
      let x = tape.variables(xv, rows: rows, columns: inner)
      let w = tape.variables(wv, rows: inner, columns: columns)
      let b = tape.variables(bv)
      let y: TracedMatrix<D>
      if fused {
        y = x.dense(weights: w, bias: b, activation: activation)
      } else {
        y = referenceActivation(activation, x.multiplied(by: w).addingToEachRow(b))
      }
      let loss = y.elements.dot(tape.variables(seeds))
      tape.backward(from: loss)
      return [loss.value] + Array(tape.adjoints(of: x.elements))
        + Array(tape.adjoints(of: w.elements))
        + Array(tape.adjoints(of: b))
    }
    for (a, b) in zip(run(fused: true), run(fused: false)) {
      #expect(abs(a.value - b.value) <= 1e-13 * max(1, abs(b.value)))
      for d in 0..<2 {
        #expect(abs(a.tangents[d] - b.tangents[d]) <= 1e-13 * max(1, abs(b.tangents[d])))
      }
    }
  }
}
