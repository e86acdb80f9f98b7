import RealModule
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// Property: on randomly composed programs, forward mode (`Dual`), reverse
/// mode on the tape and reverse mode on the trajectory tape (`Recorded`)
/// compute the same value bit for bit and the same gradient to ~1e-10.
@Suite struct RandomProgramTests {
  static let programCount = 400
  static let inputCount = 3

  @Test func forwardAndReverseAgreeOnRandomPrograms() {
    var random = SplitMix64(seed: 0x5EED)
    let tape = Tape<Double>()
    var largest = 0
    for case_ in 0..<Self.programCount {
      let program = RandomProgram.random(inputs: Self.inputCount, depth: 6, using: &random)
      let point = random.uniform(-1.5...1.5, count: Self.inputCount)
      largest = max(largest, program.size)

      let forward = program.evaluate(Dual<3, Double>.seeding(point))
      let reverse = tape.valueWithGradient(at: point) { x in program.evaluate(x, on: tape) }
      let recorded = RecordedTape.valueWithGradient(at: point) { x in program.evaluate(x) }
      let plain = program.evaluate(point)

      #expect(plain.isFinite, "case \(case_): \(program) is not finite at \(point)")
      #expect(forward.value.bitPattern == plain.bitPattern, "case \(case_): forward value")
      #expect(reverse.value.bitPattern == plain.bitPattern, "case \(case_): tape value")
      #expect(recorded.value.bitPattern == plain.bitPattern, "case \(case_): recorded value")
      let scale = max(forward.tangentArray.map(abs).max()!, 1e-300)
      for i in 0..<Self.inputCount {
        let f = forward.tangents[i]
        #expect(
          abs(f - reverse.gradient[i]) <= 1e-10 * scale,
          "case \(case_): ∂/∂x\(i) of \(program) at \(point): forward \(f), tape \(reverse.gradient[i])"
        )
        #expect(
          abs(f - recorded.gradient[i]) <= 1e-10 * scale,
          "case \(case_): ∂/∂x\(i) of \(program) at \(point): forward \(f), recorded \(recorded.gradient[i])"
        )
      }
    }
    #expect(largest > 50, "the generator should produce sizeable programs")
  }

  @Test func dualTapeGivesTheHessianOfRandomPrograms() {
    // Reverse over forward on the tape against forward over forward:
    // Tape<Dual<3, Double>> adjoint tangents are Hessian rows, and so are the
    // nested tangents of Dual<3, Dual<3, Double>>.
    var random = SplitMix64(seed: 0x4E55)
    let tape = Tape<Dual<3, Double>>()
    for case_ in 0..<(Self.programCount / 4) {
      let program = RandomProgram.random(inputs: Self.inputCount, depth: 5, using: &random)
      let point = random.uniform(-1.5...1.5, count: Self.inputCount)

      let seeded = Dual<3, Double>.seeding(point)
      let reverse = tape.valueWithGradient(at: seeded) { x in program.evaluate(x, on: tape) }
        .gradient
      let nestedInput = (0..<Self.inputCount).map { i in
        Dual<3, Dual<3, Double>>(seeded[i], seed: i)
      }
      let forward = program.evaluate(nestedInput)
      var scale = 1e-300
      for i in 0..<Self.inputCount {
        for j in 0..<Self.inputCount { scale = max(scale, abs(forward.tangents[i].tangents[j])) }
      }
      for i in 0..<Self.inputCount {
        #expect(abs(reverse[i].value - forward.tangents[i].value) <= 1e-10 * max(scale, 1))
        for j in 0..<Self.inputCount {
          let (r, f) = (reverse[i].tangents[j], forward.tangents[i].tangents[j])
          #expect(
            abs(r - f) <= 1e-10 * scale,
            "case \(case_): H[\(i)][\(j)] of \(program): tape \(r), nested duals \(f)")
        }
      }
    }
  }
}
