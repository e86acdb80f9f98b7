import Tandem
import Testing

/// `import Tandem` alone is enough for generic code over ``Scalar``: the
/// umbrella re-exports RealModule, whose protocols give `Scalar` its
/// operators (`/` comes from `AlgebraicField`). This file imports nothing
/// else, so it compiles only while that holds.
@Suite struct UmbrellaTests {
  static func midpoint<T: Scalar>(_ a: T, _ b: T) -> T { (a + b) / T(2) }

  static func softplus<T: Scalar>(_ x: T) -> T { T.log(1 + T.exp(x)) / 1 }

  @Test func genericScalarCodeThatDividesRunsOnDoublesAndDuals() {
    #expect(Self.midpoint(1.0, 2.0) == 1.5)
    // d/dx ((x + x²)/2) = (1 + 2x)/2.
    #expect(abs(derivative(at: 0.3) { x in Self.midpoint(x, x * x) } - 0.8) < 1e-15)
    // d/dx log(1 + eˣ) = 1/(1 + e⁻ˣ).
    let slope = derivative(at: 0.7) { x in Self.softplus(x) }
    #expect(abs(slope - 1 / (1 + Double.exp(-0.7))) < 1e-15)
  }
}
