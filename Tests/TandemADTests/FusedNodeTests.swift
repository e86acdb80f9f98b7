import Foundation
import TandemAD
import Testing

/// The fused tape nodes (spring energy, dense layer) and the vectorised
/// tanh, each against an independent reference: the generic chain of bulk
/// nodes they replace, finite differences, forward mode, the C library.
@Suite struct FusedNodeTests {
  /// The vectorised kernel agrees with the C library's tanh to a few ulps,
  /// keeps the sign, saturates to ±1 and passes NaN through.
  @Test func vectorTanhMatchesTheCLibrary() {
    var xs: [Double] = [
      0, -0.0, 1e-300, -1e-10, 0.3, 0.624, 0.625, 0.626, -0.9, 1, 2.5, -7, 19, 21.9, 22, 30, -700,
      1e300,
    ]
    var random = SplitMix64(seed: 3)
    for _ in 0..<20_000 { xs.append((random.uniform(0...1) * 2 - 1) * 12) }
    for _ in 0..<2_000 { xs.append((random.uniform(0...1) * 2 - 1) * 1e-3) }
    for e in stride(from: -300.0, through: 4, by: 0.5) { xs.append(pow(2, e)) }
    xs.append(.nan)
    #expect(xs.count % 8 != 0)  // the last few go through the zero-padded vector
    var ys = xs
    ys.withUnsafeMutableBufferPointer { Double.vectorTanh($0) }
    let references = xs.map { Foundation.tanh($0) }
    for (y, reference) in zip(ys, references) where !reference.isNaN {
      #expect(y.sign == reference.sign, "sign of \(y)")
    }
    let worst = worstUlpError(ys, references)
    #expect(worst <= 4, "worst error \(worst) ulp")
  }

  /// formTanh on duals: tanh of the value, tangents times 1 − tanh².
  @Test func dualFormTanhCarriesTheDerivative() {
    var random = SplitMix64(seed: 5)
    var xs = (0..<300).map { _ in
      Dual<2, Double>(
        (random.uniform(0...1) * 2 - 1) * 3,
        tangents: [random.uniform(0...1), random.uniform(0...1) - 0.5])
    }
    let original = xs
    xs.withUnsafeMutableBufferPointer { Dual<2, Double>.formTanh($0) }
    for (x, y) in zip(original, xs) {
      let reference = Dual<2, Double>.tanh(x)
      #expect(abs(y.value - reference.value) <= 4 * reference.value.ulp)
      for d in 0..<2 {
        #expect(
          abs(y.tangents[d] - reference.tangents[d]) <= 1e-14 * max(1, abs(reference.tangents[d])))
      }
    }
  }

  /// The fused spring energy equals the chain of gathers, hypot and
  /// products, and its gradient equals that chain's and finite differences.
  @Test func springEnergyMatchesTheGenericChainAndFiniteDifferences() {
    var random = SplitMix64(seed: 11)
    let points = 7
    let xs = (0..<points).map { _ in random.uniform(0...1) * 2 }
    let ys = (0..<points).map { _ in random.uniform(0...1) * 2 }
    let first = [0, 1, 2, 3, 4, 5, 0, 2, 6]
    let second = [1, 2, 3, 4, 5, 6, 3, 6, 6]  // the last spring has zero length
    let k = first.indices.map { _ in 50 + random.uniform(0...1) * 100 }
    let rest = first.indices.map { _ in 0.2 + random.uniform(0...1) }

    func fused(_ xs: [Double], _ ys: [Double]) -> (Double, [Double], [Double]) {
      let tape = Tape<Double>()
      let (i, j) = (tape.register(indices: first), tape.register(indices: second))
      let x = tape.variables(xs)
      let y = tape.variables(ys)
      let energy = tape.springEnergy(
        x: x, y: y, first: i, second: j, stiffness: k, restLength: rest)
      tape.backward(from: energy)
      return (energy.value, Array(tape.adjoints(of: x)), Array(tape.adjoints(of: y)))
    }
    func chain(_ xs: [Double], _ ys: [Double]) -> (Double, [Double], [Double]) {
      let tape = Tape<Double>()
      let (i, j) = (tape.register(indices: first), tape.register(indices: second))
      let x = tape.variables(xs)
      let y = tape.variables(ys)
      let stretch =
        TracedVector.hypot(x.gathering(i) - x.gathering(j), y.gathering(i) - y.gathering(j))
        - tape.variables(rest)
      let energy = (tape.variables(k) * stretch * stretch).sum() * 0.5
      tape.backward(from: energy)
      return (energy.value, Array(tape.adjoints(of: x)), Array(tape.adjoints(of: y)))
    }
    let (e1, gx1, gy1) = fused(xs, ys)
    let (e2, gx2, gy2) = chain(xs, ys)
    #expect(abs(e1 - e2) <= 1e-13 * abs(e2))
    for p in 0..<points {
      #expect(abs(gx1[p] - gx2[p]) <= 1e-12 * max(1, abs(gx2[p])))
      #expect(abs(gy1[p] - gy2[p]) <= 1e-12 * max(1, abs(gy2[p])))
    }
    let fdx = FiniteDifference.gradient(at: xs) { fused($0, ys).0 }
    let fdy = FiniteDifference.gradient(at: ys) { fused(xs, $0).0 }
    for p in 0..<points {
      #expect(abs(gx1[p] - fdx[p]) <= 1e-6 * max(1, abs(fdx[p])))
      #expect(abs(gy1[p] - fdy[p]) <= 1e-6 * max(1, abs(fdy[p])))
    }
  }

  /// On a dual tape (dual over reverse), the fused spring energy's adjoints
  /// carry the same tangents as the generic chain's.
  @Test func springEnergyOnDualsMatchesTheChain() {
    typealias D = Dual<1, Double>
    let xs: [D] = [D(0, seed: 0), D(0.3, tangents: [0.2]), D(1.1, tangents: [-0.4])]
    let ys: [D] = [D(0.1), D(-0.5, tangents: [1]), D(0.2)]
    let first = [0, 1, 0]
    let second = [1, 2, 2]
    let k: [D] = [D(100, seed: 0), 80, 60]
    let rest: [D] = [0.4, 0.5, 1.0]
    func run(fused: Bool) -> [D] {
      springEnergyAndGradient(
        xs: xs, ys: ys, first: first, second: second, stiffness: k, restLength: rest, fused: fused)
    }
    for (a, b) in zip(run(fused: true), run(fused: false)) {
      #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)))
      #expect(abs(a.tangents[0] - b.tangents[0]) <= 1e-12 * max(1, abs(b.tangents[0])))
    }
  }

  /// The fused dense layer equals product, bias and tanh map as three
  /// nodes, in value and in every adjoint (weights, bias and input), on
  /// Double and on duals.
  @Test(arguments: DenseActivation.allCases)
  func denseLayerMatchesTheGenericChain(activation: DenseActivation) {
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
