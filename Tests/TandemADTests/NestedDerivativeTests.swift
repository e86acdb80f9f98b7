import RealModule
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// Nested derivatives: Hessian-vector products by reverse over forward, and
/// the classic perturbation-confusion case. (Second derivatives of every
/// primitive from `Dual<1, Dual<1, Double>>` are in PrimitiveForwardTests.)
@Suite struct NestedDerivativeTests {
  /// A test energy mixing bulk and scalar nodes: a chain of Rosenbrock-like
  /// couplings plus elementwise terms, written once for every scalar type.
  static func energy<T>(_ x: TracedVector<T>) -> Traced<T> {
    var total = TracedVector.square(x).sum() * T(0.1) + TracedVector.tanh(x).dot(x)
    for i in 0..<(x.count - 1) {
      let coupling = x[i + 1] - Traced.square(x[i])
      total = total + Traced.square(coupling) * T(3) + Traced.sin(x[i] * x[i + 1])
    }
    return total + Traced.log(onePlus: Traced.square(x[0] - x[x.count - 1]))
  }

  @Test func hessianVectorProductMatchesFiniteDifferencesOfTheGradient() {
    var random = SplitMix64(seed: 0x4E5)
    for _ in 0..<20 {
      let x = random.uniform(-1.5...1.5, count: 6)
      let v = random.uniform(-1...1, count: 6)
      let product = hessianVectorProduct(at: x, along: v, of: Self.energy)
      let expected = FiniteDifference.derivativeOfVector(at: 0) { t in
        gradient(at: x.indices.map { x[$0] + t * v[$0] }, of: Self.energy)
      }
      for i in x.indices {
        #expect(isClose(product[i], expected[i]), "(H·v)[\(i)] = \(product[i]), FD \(expected[i])")
      }
    }
  }

  @Test func hessianVectorProductIsLinearInTheDirection() {
    let x = [0.3, -0.7, 1.1, 0.2]
    let (u, v) = ([1.0, 0, -2, 0.5], [0.0, 3, 1, -1])
    let hu = hessianVectorProduct(at: x, along: u, of: Self.energy)
    let hv = hessianVectorProduct(at: x, along: v, of: Self.energy)
    let combined = hessianVectorProduct(
      at: x, along: zip(u, v).map { 2 * $0 - $1 }, of: Self.energy)
    for i in x.indices { #expect(isClose(combined[i], 2 * hu[i] - hv[i], relative: 1e-12)) }
  }

  @Test(arguments: [-2.0, -0.5, 0.0, 0.75, 3.0])
  func perturbationsOfNestedDerivativesDoNotMix(at x0: Double) {
    // d/dx [x · (d/dy (x + y))] = d/dx [x · 1] = 1. Confusing the two
    // perturbations would give d/dy (x + y) = 2 inside, and 2 overall.
    let result = derivative(at: x0) { (x: Dual<1, Double>) in
      x * derivative(at: Dual<1, Double>(constant: 0.25)) { y in Dual(constant: x) + y }
    }
    #expect(result == 1)
    // d/dx [x · (d/dy (x·y))] = d/dx [x²] = 2x.
    let product = derivative(at: x0) { (x: Dual<1, Double>) in
      x * derivative(at: Dual<1, Double>(constant: 1.5)) { y in Dual(constant: x) * y }
    }
    #expect(product == 2 * x0)
  }

  @Test func dualOfDualGivesMixedPartials() {
    // f(x, y) = x²·sin y: ∂²f/∂x∂y = 2x·cos y from forward over forward, with
    // x seeded at the outer level and y at the inner.
    for (x0, y0) in [(0.5, 1.0), (-1.2, 0.3), (2.0, -2.5)] {
      let mixed = derivative(at: x0) { (x: Dual<1, Double>) in
        derivative(at: Dual<1, Double>(constant: y0)) { y in
          let lifted = Dual<1, Dual<1, Double>>(constant: x)
          return lifted * lifted * Dual.sin(y)
        }
      }
      #expect(isClose(mixed, 2 * x0 * Double.cos(y0), relative: 1e-14))
    }
  }
}
