import RealModule
import TandemAD
import Testing

/// Tangents never feed back into values: running a process on dual numbers
/// whose tangents are all zero (or on `Recorded`) gives, bit for bit, the
/// values of running it on `Double`.
@Suite struct ZeroTangentTests {
  /// A made-up process mixing scalar and bulk operations, with an inner
  /// gradient on a tape at every step (as a simulation or a training loop).
  static func trajectory<T: Scalar>(from start: [T], steps: Int, tape: Tape<T>) -> [Double] {
    var state = start
    var history: [Double] = []
    let rate = T(0.05)
    for step in 0..<steps {
      tape.reset()
      let x = tape.variables(state)
      let matrix = TracedMatrix(
        tape.variables(count: 4 * state.count) { i in T(Double.sin(Double(i + step))) }, rows: 4,
        columns: state.count)
      let hidden = TracedVector.tanh(matrix.multiplied(by: x) + T(0.1))
      var energy =
        hidden.dot(hidden) / T(2) + TracedVector.sqrt(TracedVector.square(x) + T(1)).mean()
      energy =
        energy + Traced.hypot(x[0], x[1]) * Traced.exp(x[1] * T(0.1))
        - Traced.atan2(y: x[0], x: x[1] + T(3))
      energy =
        energy + Traced.pow(Traced.square(x[2]) + T(0.5), x[0] * T(0.3)) / (T(2) + Traced.cos(x[1]))
      tape.backward(from: energy)
      for i in state.indices {
        let force = tape.adjoint(of: x, at: i)
        state[i] = state[i] - rate * force + T.sin(state[i]) * 0.01 / (1 + T.square(state[i]))
        state[i] = state[i] * T.exp(-0.001 * T.log(onePlus: T.square(state[i])))
      }
      history.append(energy.value.doubleValue)
      history.append(contentsOf: state.map(\.doubleValue))
    }
    return history
  }

  static let start = [0.4, -1.1, 0.7, 1.9]

  @Test func dualsWithZeroTangentsMatchDoubleBitForBit() {
    let plain = Self.trajectory(from: Self.start, steps: 60, tape: Tape<Double>())
    let dual = Self.trajectory(
      from: Self.start.map { Dual<2, Double>(constant: $0) }, steps: 60, tape: Tape())
    let nested = Self.trajectory(
      from: Self.start.map { Dual<1, Dual<1, Double>>(constant: Dual(constant: $0)) }, steps: 60,
      tape: Tape())
    #expect(plain.count == 60 * 5)
    #expect(plain.allSatisfy { $0.isFinite })
    #expect(dual == plain)
    #expect(dual.map(\.bitPattern) == plain.map(\.bitPattern))
    #expect(nested.map(\.bitPattern) == plain.map(\.bitPattern))
  }

  @Test func valuesDoNotDependOnTangentsOrRecording() {
    let plain = Self.trajectory(from: Self.start, steps: 30, tape: Tape<Double>())
    // Nonzero tangents change no value either.
    let seeded = Self.trajectory(
      from: Dual<3, Double>.seeding(Array(Self.start.prefix(3))) + [Dual(constant: Self.start[3])],
      steps: 30, tape: Tape())
    #expect(seeded.map(\.bitPattern) == plain.map(\.bitPattern))
    let recorded = RecordedTape.record {
      Self.trajectory(from: Self.start.map(Recorded.variable), steps: 30, tape: Tape())
    }
    #expect(recorded.map(\.bitPattern) == plain.map(\.bitPattern))
  }

  @Test func recordedQuotientsMatchPlainEvaluation() {
    // The tape divides as plain code does (a / b, not a · (1/b), which gives
    // 3 · (1/10) = 0.30000000000000004 and 20 · (1/3) = 6.666666666666666).
    let quotient = valueWithGradient(at: [3.0, 10.0]) { x in x[0] / x[1] }.value
    let byConstant = valueWithGradient(at: [3.0]) { x in x[0] / 10.0 }.value
    let elementwise = valueWithGradient(at: [3.0, 10.0]) { x in (x / (x * 0 + 10.0)).sum() }.value
    let mean = valueWithGradient(at: [3.0, 10.0, 7.0]) { x in x.mean() }.value
    #expect(quotient == 0.3 && byConstant == 0.3 && elementwise == 0.3 + 1.0)
    #expect(mean.bitPattern == (20.0 / 3.0).bitPattern)
  }
}
