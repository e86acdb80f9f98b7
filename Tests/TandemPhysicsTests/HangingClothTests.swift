import TandemAD
import TandemPhysics
import Testing

/// Benchmark B1 against the JAX reference implementation
/// (`shared/peers/run-jax --problem b1`, jax 0.10.2, float64), which printed:
/// loss 1.33222906720655e+01, dloss/dk −1.15568521426236e-01,
/// dloss/dc −4.85470284693036e+00, dloss/ddt −2.19247741738164e+04.
@Suite struct HangingClothTests {
  static let reference = (
    loss: 1.33222906720655e+01,
    gradient: [-1.15568521426236e-01, -4.85470284693036e+00, -2.19247741738164e+04]
  )

  @Test func primalLossMatchesJAX() throws {
    var simulation = Simulation(HangingCloth.description(), parameters: HangingCloth.defaults)
    try simulation.run()
    #expect(relativeError(simulation.loss(), Self.reference.loss) < 1e-10)
  }

  @Test func forwardHypergradientMatchesJAX() throws {
    var simulation = Simulation(
      HangingCloth.description(), parameters: Dual<3, Double>.seeding(HangingCloth.defaults))
    try simulation.run()
    let loss = simulation.loss()
    #expect(relativeError(loss.value, Self.reference.loss) < 1e-10)
    for i in 0..<3 {
      // JAX prints 15 significant digits; agreement is to its last digit.
      #expect(relativeError(loss.tangents[i], Self.reference.gradient[i]) < 1e-10, "parameter \(i)")
    }
  }

  /// Zero tangents leave the primal computation bit for bit as on Double.
  @Test func zeroTangentsGiveBitIdenticalPrimal() throws {
    var plain = Simulation(
      HangingCloth.description(n: 6, steps: 200), parameters: HangingCloth.defaults)
    var dual = Simulation(
      HangingCloth.description(n: 6, steps: 200),
      parameters: HangingCloth.defaults.map { Dual<2, Double>(constant: $0) })
    try plain.run()
    try dual.run()
    #expect(plain.state.positions.map(\.bitPattern) == dual.state.positions.map(\.value.bitPattern))
    #expect(plain.loss().bitPattern == dual.loss().value.bitPattern)
  }
}

func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-300) }
