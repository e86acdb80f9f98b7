import RealModule
import TandemAD
import Testing

/// The documented guards: where a derivative is undefined or infinite at a
/// point that physical code reaches (a zero-length spring, coincident
/// particles, a zero base), every mode gives a finite, zero derivative
/// instead of NaN; and the two stop primitives stop exactly what they say.
@Suite struct GuardTests {
  /// Every tangent and nested tangent of a `Dual<2, Dual<1, Double>>`.
  static func allParts(_ x: Dual<2, Dual<1, Double>>) -> [Double] {
    [x.value.value, x.value.tangents[0]]
      + (0..<2).flatMap { [x.tangents[$0].value, x.tangents[$0].tangents[0]] }
  }

  @Test func sqrtAtZeroHasZeroDerivativeInEveryMode() {
    #expect(derivative(at: 0.0) { Dual.sqrt($0) } == 0)
    #expect(derivative(at: 0.0) { x in derivative(at: x) { Dual.sqrt($0) } } == 0)
    #expect(derivative(at: 0.0) { Dual.root($0, 3) } == 0)
    #expect(gradient(at: [0.0]) { Traced.sqrt($0[0]) } == [0])
    #expect(gradient(at: [0.0]) { Traced.root($0[0], 3) } == [0])
    #expect(gradient(at: [0.0]) { TracedVector.sqrt($0).sum() } == [0])
    let dual = gradient(at: [Dual<2, Double>(0, 1, -1)]) { Traced.sqrt($0[0]) }[0]
    #expect(dual.value == 0 && dual.tangents[0] == 0 && dual.tangents[1] == 0)
    let recorded = RecordedTape.valueWithDerivative(at: 0) { Recorded.sqrt($0) }
    #expect(recorded.derivative == 0)
    // A zero-length vector's length, through every level of a nested dual.
    let nested = Dual<2, Dual<1, Double>>(
      Dual(0, tangents: [1]), tangents: [Dual(1, tangents: [1]), Dual(0, tangents: [1])])
    #expect(Self.allParts(Dual.sqrt(nested * nested)).allSatisfy { $0.isFinite })
  }

  @Test func hypotAndAtan2AtTheOriginHaveZeroDerivativesInEveryMode() {
    let forward = [
      Dual.hypot(Dual<2, Double>(0, seed: 0), Dual(0, seed: 1)),
      Dual.atan2(y: Dual<2, Double>(0, seed: 0), x: Dual(0, seed: 1)),
    ]
    for y in forward { #expect(y.tangents[0] == 0 && y.tangents[1] == 0) }
    #expect(gradient(at: [0.0, 0.0]) { Traced.hypot($0[0], $0[1]) } == [0, 0])
    #expect(gradient(at: [0.0, 0.0]) { Traced.atan2(y: $0[0], x: $0[1]) } == [0, 0])
    #expect(
      gradient(at: [0.0, 0.0, 0.0, 0.0]) { TracedVector.hypot($0, $0).sum() } == [0, 0, 0, 0])
    for hessianRow in gradient(
      at: Dual<2, Double>.seeding([0, 0]), of: { Traced.hypot($0[0], $0[1]) })
    {
      #expect(hessianRow.value == 0 && hessianRow.tangents[0] == 0 && hessianRow.tangents[1] == 0)
    }
    for hessianRow in gradient(
      at: Dual<2, Double>.seeding([0, 0]), of: { Traced.atan2(y: $0[0], x: $0[1]) })
    {
      #expect(hessianRow.value == 0 && hessianRow.tangents[0] == 0 && hessianRow.tangents[1] == 0)
    }
    let recordedHypot = RecordedTape.valueWithGradient(at: [0, 0]) { Recorded.hypot($0[0], $0[1]) }
    let recordedAtan2 = RecordedTape.valueWithGradient(at: [0, 0]) {
      Recorded.atan2(y: $0[0], x: $0[1])
    }
    #expect(recordedHypot.gradient == [0, 0] && recordedAtan2.gradient == [0, 0])
    // A nested dual at the origin: finite at every level.
    let zero = Dual<2, Dual<1, Double>>(
      Dual(0, tangents: [1]), tangents: [Dual(1, tangents: [0]), Dual(0, tangents: [1])])
    #expect(Self.allParts(Dual.hypot(zero, zero)).allSatisfy { $0.isFinite })
    #expect(Self.allParts(Dual.atan2(y: zero, x: zero)).allSatisfy { $0.isFinite })
  }

  @Test(arguments: [0.5, 1.0, 2.0, 3.5])
  func powWithZeroBaseHasFiniteDerivatives(exponent y: Double) {
    // ∂/∂y of 0^y is 0 (the limit from x > 0); ∂/∂x is y·0^(y−1): 1 at y = 1,
    // 0 for y > 1, and taken as 0 (like sqrt) for 0 < y < 1.
    let dx: Double = y == 1 ? 1 : 0
    let forward = Dual.pow(Dual<2, Double>(0, seed: 0), Dual(y, seed: 1))
    #expect(forward.value == 0 && forward.tangents[0] == dx && forward.tangents[1] == 0)
    // Differentiating with respect to the exponent alone, the base a constant.
    #expect(derivative(at: y) { Dual.pow(Dual(0.0), $0) } == 0)
    #expect(gradient(at: [0, y]) { Traced.pow($0[0], $0[1]) } == [dx, 0])
    #expect(
      RecordedTape.valueWithGradient(at: [0, y]) { Recorded.pow($0[0], $0[1]) }.gradient == [dx, 0])
    let hessian = gradient(at: Dual<2, Double>.seeding([0, y])) { Traced.pow($0[0], $0[1]) }
    #expect(
      hessian.allSatisfy { $0.value.isFinite && $0.tangents[0].isFinite && $0.tangents[1].isFinite }
    )
  }

  @Test func powWithNegativeBaseHasZeroExponentAdjoint() {
    // swift-numerics defines xʸ as NaN for x < 0; reverse mode still keeps
    // the exponent's adjoint finite (zero), so a NaN cannot leak into ∂/∂y.
    for x in [-0.5, -2.0] {
      #expect(gradient(at: [x, 2.0]) { Traced.pow($0[0], $0[1]) }[1] == 0)
      #expect(
        RecordedTape.valueWithGradient(at: [x, 2.0]) { Recorded.pow($0[0], $0[1]) }.gradient[1] == 0
      )
    }
  }

  @Test func stopTangentZeroesTangentsAtEveryLevel() {
    let x = Dual<2, Dual<1, Double>>(
      Dual(1.5, tangents: [2]), tangents: [Dual(3, tangents: [4]), Dual(-5, tangents: [6])])
    let stopped = stopTangent(x)
    #expect(Self.allParts(stopped) == [1.5, 0, 0, 0, 0, 0])
    // Inside a derivative: d/dx [x · stop(x)] = stop(x) = x, not 2x.
    for x0 in [-1.0, 0.5, 2.0] {
      #expect(derivative(at: x0) { x in x * stopTangent(x) } == x0)
      // Through two levels: d²/dx² [x² · stop(x)] = 2·x, not 6·x.
      #expect(
        derivative(at: x0) { x in derivative(at: x) { x in x * x * stopTangent(x) } } == 2 * x0)
    }
  }

  @Test func stopGradientBlocksAdjointsButNotTangents() {
    let tape = Tape<Dual<1, Double>>()
    let x = tape.variable(Dual(3, seed: 0))
    let y = tape.stopGradient(x)
    let z = x * y
    tape.backward(from: z)
    // Forward: z = x² carries its tangent 2x = 6 through the stopped copy.
    #expect(z.value.value == 9 && z.value.tangents[0] == 6)
    // Reverse: only the unstopped factor is differentiated: ∂z/∂x = y = 3,
    // whose own tangent dy/dα = 1 still flows.
    let adjoint = tape.adjoint(of: x)
    #expect(adjoint.value == 3 && adjoint.tangents[0] == 1)
    #expect(tape.adjoint(of: y).value == 3)
  }
}
