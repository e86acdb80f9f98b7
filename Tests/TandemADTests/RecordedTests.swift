import RealModule
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// `Recorded`: reverse mode through a whole process on the global
/// trajectory tape, and reverse over reverse through a `Tape<Recorded>`.
@Suite struct RecordedTests {
  @Test(arguments: UnaryPrimitive.allCases)
  func unaryDerivativeMatchesFiniteDifferences(_ f: UnaryPrimitive) {
    var random = SplitMix64(seed: 0x3C0 &+ UInt64(UnaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<20 {
      let x = random.uniform(f.domain)
      let (value, derivative) = RecordedTape.valueWithDerivative(at: x) { f($0) }
      let expected = FiniteDifference.derivative(at: x) { f($0) }
      #expect(value.bitPattern == f(x).bitPattern)
      #expect(isClose(derivative, expected), "\(f)′(\(x)) = \(derivative), FD \(expected)")
    }
  }

  @Test(arguments: BinaryPrimitive.allCases)
  func binaryGradientMatchesFiniteDifferences(_ f: BinaryPrimitive) {
    var random = SplitMix64(seed: 0x3C1 &+ UInt64(BinaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<20 {
      let (a, b) = f.samplePoint(using: &random)
      let (value, gradient) = RecordedTape.valueWithGradient(at: [a, b]) { f($0[0], $0[1]) }
      let expected = FiniteDifference.gradient(at: [a, b]) { f($0[0], $0[1]) }
      #expect(value.bitPattern == f(a, b).bitPattern)
      #expect(
        isClose(gradient[0], expected[0]) && isClose(gradient[1], expected[1]), "∇\(f)(\(a), \(b))")
      // A constant operand records no edge and gets no adjoint.
      let (_, partial) = RecordedTape.valueWithDerivative(at: a) { f($0, Recorded(b)) }
      #expect(isClose(partial, expected[0]))
    }
  }

  @Test(arguments: UnaryPrimitive.allCases)
  func reverseOverReverseGivesSecondDerivatives(_ f: UnaryPrimitive) {
    // The inner Tape<Recorded> records its backward pass on the trajectory
    // tape, so differentiating its adjoint gives f″.
    var random = SplitMix64(seed: 0x3C2 &+ UInt64(UnaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<10 {
      let x = random.uniform(f.domain)
      let (first, second) = RecordedTape.valueWithDerivative(at: x) { x in
        let tape = Tape<Recorded>()
        let v = tape.variable(x)
        tape.backward(from: f.traced(v))
        return tape.adjoint(of: v)
      }
      #expect(isClose(first, FiniteDifference.derivative(at: x) { f($0) }))
      #expect(
        isClose(second, f.secondDerivative(at: x), relative: 1e-12), "\(f)″(\(x)) = \(second)")
    }
  }

  /// T steps of gradient descent on f(w) = ½·Σ hᵢ·wᵢ² with step size α,
  /// each step's gradient taken on `tape`; returns f(w_T). The same shape as
  /// the Tandem module's QuadraticDescent, written here against TandemAD.
  static func descentLoss<T: Scalar>(
    stepSize: T, curvatures: [Double], start: [Double], steps: Int, tape: Tape<T>
  ) -> T {
    var w = start.map { T($0) }
    for _ in 0..<steps {
      tape.reset()
      let x = tape.variables(w)
      let h = tape.variables(curvatures.lazy.map { T($0) })
      tape.backward(from: (h * x * x).sum() * T(0.5))
      for i in w.indices { w[i] -= stepSize * tape.adjoint(of: x, at: i) }
    }
    var total = T.zero
    for i in w.indices { total += T(0.5 * curvatures[i]) * w[i] * w[i] }
    return total
  }

  @Test(arguments: [
    (2.0, 1.5, 10, 0.1), (1.0, -0.7, 40, 0.3), (10.0, 2.0, 25, 0.05), (0.5, 1.0, 100, 1.1),
  ])
  func backpropagationThroughDescentMatchesForwardAndClosedForm(
    h: Double, w0: Double, steps: Int, alpha: Double
  ) {
    // L(α) = ½·h·w0²·(1−αh)^(2T), dL/dα = −T·h²·w0²·(1−αh)^(2T−1).
    let contraction = 1 - alpha * h
    let exactLoss = 0.5 * h * w0 * w0 * Double.pow(contraction, 2 * steps)
    let exactDerivative = -Double(steps) * h * h * w0 * w0 * Double.pow(contraction, 2 * steps - 1)
    let forward = valueWithDerivative(at: alpha) { a in
      Self.descentLoss(stepSize: a, curvatures: [h], start: [w0], steps: steps, tape: Tape())
    }
    let reverse = RecordedTape.valueWithDerivative(at: alpha) { a in
      Self.descentLoss(
        stepSize: a, curvatures: [h], start: [w0], steps: steps, tape: Tape<Recorded>())
    }
    #expect(reverse.value.bitPattern == forward.value.bitPattern)
    #expect(isClose(reverse.value, exactLoss, relative: 1e-12 * max(1, abs(exactLoss))))
    #expect(abs(reverse.derivative - forward.derivative) <= 1e-12 * abs(forward.derivative))
    #expect(abs(reverse.derivative - exactDerivative) <= 1e-10 * abs(exactDerivative))
  }

  @Test func trajectoryMemoryGrowsLinearlyWithTheHorizon() {
    func nodes(steps: Int) -> (count: Int, bytes: Int) {
      RecordedTape.record {
        _ = Self.descentLoss(
          stepSize: Recorded.variable(0.1), curvatures: [1, 3], start: [1, 1], steps: steps,
          tape: Tape())
        return (RecordedTape.recordedNodeCount, RecordedTape.recordedByteCount)
      }
    }
    let (n10, n20, n30) = (nodes(steps: 10), nodes(steps: 20), nodes(steps: 30))
    #expect(n20.count - n10.count == n30.count - n20.count)
    #expect(n20.count > n10.count)
    #expect(n30.bytes == 32 * n30.count)
    #expect(RecordedTape.reservedByteCount >= n30.bytes)
  }

  @Test func constantsRecordNothing() {
    RecordedTape.record {
      let c = Recorded(2.5) * 3 + Recorded.sin(1.0) - 4.0
      #expect(c.isConstant && RecordedTape.recordedNodeCount == 0)
      let x = Recorded.variable(1.5)
      #expect(RecordedTape.recordedNodeCount == 1 && !x.isConstant)
      let y = x * c + 2  // two nodes: one per operation with a variable operand
      #expect(RecordedTape.recordedNodeCount == 3)
      let later = x * x
      RecordedTape.backward(from: y)
      #expect(RecordedTape.adjoint(of: x) == c.value && x.adjoint == c.value)
      #expect(RecordedTape.adjoint(of: c) == 0)
      #expect(RecordedTape.adjoint(of: later) == 0, "recorded after the output")
      #expect(RecordedTape.gradient(of: later, withRespectTo: [x, y]) == [3, 0])
      RecordedTape.reset()
      #expect(RecordedTape.recordedNodeCount == 0)
    }
  }

  @Test func stopTangentIsAConstantForRecorded() {
    // So that a truncated horizon means the same in both modes.
    for x0 in [-1.0, 0.5, 2.0] {
      let (_, derivative) = RecordedTape.valueWithDerivative(at: x0) { x in x * stopTangent(x) }
      #expect(derivative == x0)
    }
  }

  @Test func concurrentRecordingsWaitForEachOther() async {
    let results = await withTaskGroup(of: [Double].self) { group in
      for task in 0..<4 {
        group.addTask {
          (0..<50).map { i in
            let x = Double(task) + Double(i) / 50
            let derivative = RecordedTape.valueWithDerivative(at: x) { x in x * x * x }.derivative
            return abs(derivative - 3 * x * x) / max(1, 3 * x * x)
          }
        }
      }
      return await group.reduce(into: []) { $0 += $1 }
    }
    #expect(results.count == 200 && results.allSatisfy { $0 < 1e-15 })
  }
}
