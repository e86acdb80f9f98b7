import Foundation
import TandemAD
import TandemPhysics
import TandemProcess
import Testing
import TandemTestSupport

/// The fused spring-energy node, `Tape.springEnergy`, against independent
/// references: the generic chain of bulk nodes it replaces (gathers, hypot,
/// products, a sum), finite differences, and the `Double` tape for the
/// values of its kernel on dual components.
@Suite struct SpringEnergyNodeTests {
  /// The fused spring energy equals the chain of gathers, hypot and
  /// products, and its gradient equals that chain's and finite differences,
  /// in 2-D and in 3-D.
  @Test(arguments: [2, 3]) func springEnergyMatchesTheGenericChainAndFiniteDifferences(
    dimension: Int
  ) {
    var random = SplitMix64(seed: 11)
    let points = 7
    let coordinates = (0..<dimension).map { _ in
      (0..<points).map { _ in random.uniform(0...1) * 2 }
    }
    let first = [0, 1, 2, 3, 4, 5, 0, 2, 6]
    let second = [1, 2, 3, 4, 5, 6, 3, 6, 6]  // the last spring has zero length
    let k = first.indices.map { _ in 50 + random.uniform(0...1) * 100 }
    let rest = first.indices.map { _ in 0.2 + random.uniform(0...1) }
    func run(_ coordinates: [[Double]], fused: Bool) -> [Double] {
      springEnergyAndGradient(
        coordinates: coordinates, first: first, second: second, stiffness: k, restLength: rest,
        fused: fused)
    }
    let fused = run(coordinates, fused: true)
    let chain = run(coordinates, fused: false)
    #expect(abs(fused[0] - chain[0]) <= 1e-13 * abs(chain[0]))
    for (a, b) in zip(fused.dropFirst(), chain.dropFirst()) {
      #expect(abs(a - b) <= 1e-12 * max(1, abs(b)))
    }
    let flat = coordinates.flatMap { $0 }
    let differences = FiniteDifference.gradient(at: flat) { flat in
      run((0..<dimension).map { Array(flat[($0 * points)..<(($0 + 1) * points)]) }, fused: true)[0]
    }
    for (a, b) in zip(fused.dropFirst(), differences) {
      #expect(abs(a - b) <= 1e-6 * max(1, abs(b)))
    }
  }

  /// On the trajectory tape (`Recorded`, reverse over reverse), the fused
  /// spring energy is one operation with a hand-written pull-back: the
  /// derivatives of a weighted sum of its energy and gradient with respect to
  /// the positions, stiffnesses and rest lengths equal those of the generic
  /// chain recorded operation by operation, and central differences, in 2-D
  /// and 3-D, with a spring of zero length among them.
  @Test(arguments: [2, 3]) func springEnergyOnTheTrajectoryTapeMatchesTheChain(dimension: Int) {
    var random = SplitMix64(seed: 5)
    let points = 7
    let first = [0, 1, 2, 3, 4, 5, 0, 2, 6]
    let second = [1, 2, 3, 4, 5, 6, 3, 6, 6]  // the last spring has zero length
    let inputs =
      (0..<(dimension * points)).map { _ in random.uniform(0...1) * 2 }
      + first.indices.map { _ in 50 + random.uniform(0...1) * 100 }
      + first.indices.map { _ in 0.2 + random.uniform(0...1) }
    let weights = (0...(dimension * points)).map { _ in random.uniform(-1...1) }
    func split<T>(_ x: [T]) -> (coordinates: [[T]], k: [T], rest: [T]) {
      let n = dimension * points
      return (
        (0..<dimension).map { Array(x[($0 * points)..<(($0 + 1) * points)]) },
        Array(x[n..<(n + first.count)]), Array(x[(n + first.count)...])
      )
    }
    // φ = w · (E, ∇E), on any scalar.
    func phi<T: Scalar>(_ x: [T], fused: Bool) -> T {
      let (coordinates, k, rest) = split(x)
      let values = springEnergyAndGradient(
        coordinates: coordinates, first: first, second: second, stiffness: k, restLength: rest,
        fused: fused)
      return zip(values, weights).reduce(T.zero) { $0 + $1.0 * T($1.1) }
    }
    func reverse(fused: Bool) -> [Double] {
      RecordedTape.valueWithGradient(at: inputs) { phi($0, fused: fused) }.gradient
    }
    let operation = reverse(fused: true)
    let chain = reverse(fused: false)
    let differences = FiniteDifference.gradient(at: inputs) { phi($0, fused: true) }
    for (index, (a, b)) in zip(operation, chain).enumerated() {
      #expect(abs(a - b) <= 1e-11 * max(1, abs(b)), "input \(index): chain")
      #expect(abs(a - differences[index]) <= 1e-6 * max(1, abs(b)), "input \(index): differences")
    }
    // The zero-length spring's stiffness and rest length have derivatives
    // through its energy ½·k·L² only.
    #expect(operation[dimension * points + 8] != 0)
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
        coordinates: [xs, ys], first: first, second: second, stiffness: k, restLength: rest,
        fused: fused)
    }
    for (a, b) in zip(run(fused: true), run(fused: false)) {
      #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)))
      #expect(abs(a.tangents[0] - b.tangents[0]) <= 1e-12 * max(1, abs(b.tangents[0])))
    }
  }

  /// The spring kernel on duals of 1 to 8 tangents (its scalar loop, and its
  /// SIMD lanes for 2, 4 and 8): the energy and the adjoints' tangents equal
  /// the generic chain's, and the values equal the Double tape's bit for
  /// bit when the tangents are zero; in 2-D and 3-D.
  @Test(arguments: [2, 3]) func springKernelOnDualsMatchesTheChainAndDouble(dimension: Int) {
    check(Dual<1, Double>.self, dimension: dimension)
    check(Dual<2, Double>.self, dimension: dimension)
    check(Dual<3, Double>.self, dimension: dimension)
    check(Dual<4, Double>.self, dimension: dimension)
    check(Dual<8, Double>.self, dimension: dimension)
  }

  func check<let N: Int>(_: Dual<N, Double>.Type, dimension: Int) {
    typealias D = Dual<N, Double>
    var random = SplitMix64(seed: 41)
    let points = 6
    let first = [0, 1, 2, 3, 4, 0, 1, 5]
    let second = [1, 2, 3, 4, 5, 2, 4, 5]  // the last has zero length
    func lift(_ v: Double) -> D {
      D(v, tangents: InlineArray<N, Double> { d in d % 3 == 1 ? 0 : random.uniform(0...1) - 0.5 })
    }
    let coordinates = (0..<dimension).map { _ in
      (0..<points).map { _ in lift(random.uniform(0...1) * 2) }
    }
    let k = first.indices.map { _ in
      D(50 + random.uniform(0...1) * 100, tangents: InlineArray<N, Double> { $0 == 0 ? 1 : 0 })
    }
    let rest = first.indices.map { _ in D(0.2 + random.uniform(0...1)) }
    func run(fused: Bool) -> [D] {
      springEnergyAndGradient(
        coordinates: coordinates, first: first, second: second, stiffness: k, restLength: rest,
        fused: fused)
    }
    for (a, b) in zip(run(fused: true), run(fused: false)) {
      #expect(abs(a.value - b.value) <= 1e-12 * max(1, abs(b.value)))
      for d in 0..<N {
        #expect(
          abs(a.tangents[d] - b.tangents[d]) <= 1e-12 * max(1, abs(b.tangents[d])),
          "\(N) tangents, tangent \(d)")
      }
    }
    let constant = springEnergyAndGradient(
      coordinates: coordinates.map { $0.map { D($0.value) } }, first: first, second: second,
      stiffness: k.map { D($0.value) }, restLength: rest, fused: true)
    let plain = springEnergyAndGradient(
      coordinates: coordinates.map { $0.map(\.value) }, first: first, second: second,
      stiffness: k.map(\.value), restLength: rest.map(\.value), fused: true)
    #expect(constant.map(\.value.bitPattern) == plain.map(\.bitPattern), "\(N) tangents")
  }
}
