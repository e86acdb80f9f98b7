import Foundation
import TandemAD
import TandemPhysics
import Testing
import TandemTestSupport

/// The fused spring-energy node, `Tape.springEnergy`, against independent
/// references: the generic chain of bulk nodes it replaces (gathers, hypot,
/// products, a sum), finite differences, and the `Double` tape for the
/// values of its kernel on dual components.
@Suite struct SpringEnergyNodeTests {
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

  /// The spring kernel on Dual<3, Double> (components 4): the energy and
  /// the adjoints' tangents equal the generic chain's, and the values equal
  /// the Double tape's bit for bit when the tangents are zero.
  @Test func springKernelOnDualsMatchesTheChainAndDouble() {
    typealias D = Dual<3, Double>
    var random = SplitMix64(seed: 41)
    let points = 6
    let first = [0, 1, 2, 3, 4, 0, 1, 5]
    let second = [1, 2, 3, 4, 5, 2, 4, 5]  // the last has zero length
    func lift(_ v: Double) -> D {
      D(v, tangents: [random.uniform(0...1) - 0.5, 0, random.uniform(0...1)])
    }
    let xs = (0..<points).map { _ in lift(random.uniform(0...1) * 2) }
    let ys = (0..<points).map { _ in lift(random.uniform(0...1) * 2) }
    let k = first.indices.map { _ in D(50 + random.uniform(0...1) * 100, tangents: [1, 0, 0]) }
    let rest = first.indices.map { _ in D(0.2 + random.uniform(0...1)) }
    func run(fused: Bool) -> [D] {
      springEnergyAndGradient(
        xs: xs, ys: ys, first: first, second: second, stiffness: k, restLength: rest, fused: fused)
    }
    for (a, b) in zip(run(fused: true), run(fused: false)) {
      #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)))
      for d in 0..<3 {
        #expect(abs(a.tangents[d] - b.tangents[d]) <= 1e-12 * max(1, abs(b.tangents[d])))
      }
    }
    let constant = springEnergyAndGradient(
      xs: xs.map { D($0.value) }, ys: ys.map { D($0.value) }, first: first, second: second,
      stiffness: k.map { D($0.value) }, restLength: rest, fused: true)
    let plain = springEnergyAndGradient(
      xs: xs.map(\.value), ys: ys.map(\.value), first: first, second: second,
      stiffness: k.map(\.value), restLength: rest.map(\.value), fused: true)
    #expect(constant.map(\.value.bitPattern) == plain.map(\.bitPattern))
  }
}
