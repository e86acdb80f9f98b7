import RealModule
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// Forward mode: every primitive's tangent on `Dual` against central finite
/// differences at seeded random points in its domain.
@Suite struct PrimitiveForwardTests {
  static let pointsPerPrimitive = 25

  @Test(arguments: UnaryPrimitive.allCases)
  func unaryTangentMatchesFiniteDifferences(_ f: UnaryPrimitive) {
    var random = SplitMix64(seed: 0xF0 &+ UInt64(UnaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<Self.pointsPerPrimitive {
      let x = random.uniform(f.domain)
      let expected = FiniteDifference.derivative(at: x) { f($0) }
      let y = f(Dual<1, Double>(x, seed: 0))
      #expect(y.value.bitPattern == f(x).bitPattern, "\(f)(\(x)) value")
      #expect(isClose(y.tangents[0], expected), "\(f)′(\(x)) = \(y.tangents[0]), FD \(expected)")
      // Two directions at once carry the same derivative, scaled.
      let scaled = f(Dual<2, Double>(x, 2, -0.5))
      #expect(isClose(scaled.tangents[0], 2 * expected))
      #expect(isClose(scaled.tangents[1], -0.5 * expected))
    }
  }

  @Test(arguments: BinaryPrimitive.allCases)
  func binaryTangentsMatchFiniteDifferences(_ f: BinaryPrimitive) {
    var random = SplitMix64(seed: 0xB0 &+ UInt64(BinaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<Self.pointsPerPrimitive {
      let (a, b) = f.samplePoint(using: &random)
      let expected = FiniteDifference.gradient(at: [a, b]) { f($0[0], $0[1]) }
      let y = f(Dual<2, Double>(a, seed: 0), Dual<2, Double>(b, seed: 1))
      #expect(y.value.bitPattern == f(a, b).bitPattern, "\(f)(\(a), \(b)) value")
      #expect(
        isClose(y.tangents[0], expected[0]),
        "∂\(f)/∂a at (\(a), \(b)) = \(y.tangents[0]), FD \(expected[0])")
      #expect(
        isClose(y.tangents[1], expected[1]),
        "∂\(f)/∂b at (\(a), \(b)) = \(y.tangents[1]), FD \(expected[1])")
    }
  }

  @Test(arguments: UnaryPrimitive.allCases)
  func secondDerivativeFromNestedDualsMatchesClosedForm(_ f: UnaryPrimitive) {
    var random = SplitMix64(seed: 0x2D0 &+ UInt64(UnaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<Self.pointsPerPrimitive {
      let x = random.uniform(f.domain)
      let second = derivative(at: x) { (x: Dual<1, Double>) in derivative(at: x) { f($0) } }
      let exact = f.secondDerivative(at: x)
      #expect(isClose(second, exact, relative: 1e-12), "\(f)″(\(x)) = \(second), exact \(exact)")
      // And against finite differences of the forward first derivative.
      let fd = FiniteDifference.derivative(at: x) { x in derivative(at: x) { f($0) } }
      #expect(isClose(second, fd), "\(f)″(\(x)) = \(second), FD \(fd)")
    }
  }
}
