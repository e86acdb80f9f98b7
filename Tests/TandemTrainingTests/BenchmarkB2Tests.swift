import TandemAD
import TandemTraining
import TandemTuning
import Testing

/// Benchmark B2 of `bench/SPEC.md`: SGD with heavy-ball momentum on the
/// sine-product regression, against the JAX reference.
@Suite struct BenchmarkB2Tests {
  @Test func reproducesTheJAXReference() throws {
    let process = benchmarkB2()
    let clock = ContinuousClock()
    var result: (loss: Double, gradient: [Double]) = (0, [])
    let elapsed = try clock.measure {
      result = try process.lossWithGradient(parameters: [0.05, 0.9], tuned: [0, 1])
    }
    print(
      "B2: loss \(result.loss), ∂/∂η \(result.gradient[0]), ∂/∂μ \(result.gradient[1]) in \(elapsed)"
    )
    #expect(relativeError(result.loss, 1.38048303083503e-02) < 1e-8)
    #expect(relativeError(result.gradient[0], -6.35554839429287e-01) < 1e-8)
    #expect(relativeError(result.gradient[1], -2.89078764388147e-01) < 1e-8)
  }

  @Test func smallerSizeMatchesFiniteDifferences() throws {
    let process = benchmarkB2(examples: 64, hidden: 8, steps: 60)
    let (_, forward) = try process.lossWithGradient(parameters: [0.05, 0.9], tuned: [0, 1])
    let (differences, _) = try process.finiteDifferenceGradient(
      parameters: [0.05, 0.9], tuned: [0, 1])
    #expect(relativeError(forward[0], differences[0]) < 1e-6)
    #expect(relativeError(forward[1], differences[1]) < 1e-6)
  }

  @Test func timePerStep() throws {
    // Not an assertion (timings belong in a benchmark): printed for the
    // record. Forward mode, Dual<2, Double>, both seeded.
    var training = Training(benchmarkB2(), parameters: Dual<2, Double>.seeding([0.05, 0.9]))
    try training.advance()  // sizes the tape
    let clock = ContinuousClock()
    let elapsed = try clock.measure { try training.run() }
    let perStep = elapsed / 499
    print("B2 Dual<2, Double>: \(perStep) per step over 499 steps; loss \(training.loss())")
    var plain = Training(benchmarkB2(), parameters: [0.05, 0.9])
    try plain.advance()
    let plainElapsed = try clock.measure { try plain.run() }
    print("B2 Double: \(plainElapsed / 499) per step")
  }

  @Test func plainRunGivesTheReferenceLoss() throws {
    var training = Training(benchmarkB2(), parameters: [0.05, 0.9])
    try training.run()
    #expect(relativeError(training.loss(), 1.38048303083503e-02) < 1e-8)
    #expect(training.stepsTaken == 500)
  }
}
