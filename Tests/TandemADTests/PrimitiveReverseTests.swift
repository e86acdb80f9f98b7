import RealModule
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// Reverse mode: every primitive's adjoint on a `Tape<Double>` against
/// finite differences, and on a `Tape<Dual<2, Double>>`, whose adjoints'
/// tangents are second derivatives, against finite differences of the
/// `Double` tape's gradient.
@Suite struct PrimitiveReverseTests {
  static let pointsPerPrimitive = 25

  /// f′(x) on a `Double` tape.
  static func tapeDerivative(_ f: UnaryPrimitive, at x: Double) -> Double {
    let tape = Tape<Double>()
    let v = tape.variable(x)
    tape.backward(from: f.traced(v))
    return tape.adjoint(of: v)
  }

  /// ∇f(a, b) on a `Double` tape.
  static func tapeGradient(_ f: BinaryPrimitive, at point: [Double]) -> [Double] {
    gradient(at: point) { x in f.traced(x[0], x[1]) }
  }

  @Test(arguments: UnaryPrimitive.allCases)
  func unaryAdjointOnDoubleTape(_ f: UnaryPrimitive) {
    var random = SplitMix64(seed: 0x70 &+ UInt64(UnaryPrimitive.allCases.firstIndex(of: f)!))
    let tape = Tape<Double>()
    for _ in 0..<Self.pointsPerPrimitive {
      let x = random.uniform(f.domain)
      tape.reset()
      let v = tape.variable(x)
      let y = f.traced(v)
      tape.backward(from: y)
      let expected = FiniteDifference.derivative(at: x) { f($0) }
      #expect(y.value.bitPattern == f(x).bitPattern, "\(f)(\(x)) value")
      #expect(
        isClose(tape.adjoint(of: v), expected),
        "\(f)′(\(x)) = \(tape.adjoint(of: v)), FD \(expected)")
    }
  }

  @Test(arguments: UnaryPrimitive.allCases)
  func unaryAdjointTangentsOnDualTape(_ f: UnaryPrimitive) {
    var random = SplitMix64(seed: 0x71 &+ UInt64(UnaryPrimitive.allCases.firstIndex(of: f)!))
    let tape = Tape<Dual<2, Double>>()
    for _ in 0..<Self.pointsPerPrimitive {
      let x = random.uniform(f.domain)
      let (t0, t1) = (random.uniform(-2...2), random.uniform(-2...2))
      tape.reset()
      let v = tape.variable(Dual(x, t0, t1))
      let y = f.traced(v)
      tape.backward(from: y)
      let adjoint = tape.adjoint(of: v)
      let first = FiniteDifference.derivative(at: x) { f($0) }
      let second = FiniteDifference.derivative(at: x) { Self.tapeDerivative(f, at: $0) }
      // Forward through the tape: the output's tangents are f′(x)·t.
      #expect(isClose(y.value.tangents[0], first * t0) && isClose(y.value.tangents[1], first * t1))
      // Reverse: the adjoint is f′(x); its tangents are f″(x)·t.
      #expect(isClose(adjoint.value, first), "\(f)′(\(x)) = \(adjoint.value), FD \(first)")
      #expect(
        isClose(adjoint.tangents[0], second * t0),
        "\(f)″(\(x))·\(t0) = \(adjoint.tangents[0]), FD \(second * t0)")
      #expect(
        isClose(adjoint.tangents[1], second * t1),
        "\(f)″(\(x))·\(t1) = \(adjoint.tangents[1]), FD \(second * t1)")
    }
  }

  @Test(arguments: BinaryPrimitive.allCases)
  func binaryAdjointsOnDoubleTape(_ f: BinaryPrimitive) {
    var random = SplitMix64(seed: 0x72 &+ UInt64(BinaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<Self.pointsPerPrimitive {
      let (a, b) = f.samplePoint(using: &random)
      let (value, gradient) = valueWithGradient(at: [a, b]) { x in f.traced(x[0], x[1]) }
      let expected = FiniteDifference.gradient(at: [a, b]) { f($0[0], $0[1]) }
      #expect(value.bitPattern == f(a, b).bitPattern, "\(f)(\(a), \(b)) value")
      #expect(
        isClose(gradient[0], expected[0]),
        "∂\(f)/∂a at (\(a), \(b)): \(gradient[0]), FD \(expected[0])")
      #expect(
        isClose(gradient[1], expected[1]),
        "∂\(f)/∂b at (\(a), \(b)): \(gradient[1]), FD \(expected[1])")
    }
  }

  @Test(arguments: BinaryPrimitive.allCases)
  func binaryMixedSecondDerivativesOnDualTape(_ f: BinaryPrimitive) {
    var random = SplitMix64(seed: 0x73 &+ UInt64(BinaryPrimitive.allCases.firstIndex(of: f)!))
    for _ in 0..<Self.pointsPerPrimitive {
      let (a, b) = f.samplePoint(using: &random)
      // Seeding a along direction 0 and b along direction 1 makes the
      // adjoints' tangents the rows of the Hessian.
      let gradient = TandemAD.gradient(at: Dual<2, Double>.seeding([a, b])) { x in
        f.traced(x[0], x[1])
      }
      let hessian = FiniteDifference.jacobian(at: [a, b]) { Self.tapeGradient(f, at: $0) }
      for i in 0..<2 {
        for j in 0..<2 {
          #expect(
            isClose(gradient[i].tangents[j], hessian[i][j]),
            "∂²\(f)/∂\(i)∂\(j) at (\(a), \(b)): \(gradient[i].tangents[j]), FD \(hessian[i][j])")
        }
      }
    }
  }

  /// The operations of a recorded value with a constant, each with its
  /// plain counterpart.
  static let constantOperations:
    [(
      String, @Sendable (Traced<Double>, Double) -> Traced<Double>,
      @Sendable (Double, Double) -> Double
    )] = [
      ("x + c", { $0 + $1 }, { $0 + $1 }),
      ("c + x", { $1 + $0 }, { $1 + $0 }),
      ("x - c", { $0 - $1 }, { $0 - $1 }),
      ("c - x", { $1 - $0 }, { $1 - $0 }),
      ("x * c", { $0 * $1 }, { $0 * $1 }),
      ("c * x", { $1 * $0 }, { $1 * $0 }),
      ("x / c", { $0 / $1 }, { $0 / $1 }),
      ("c / x", { $1 / $0 }, { $1 / $0 }),
      (
        "x += x·c",
        { x, c in
          var y = x; y += x * c; return y
        }, { x, c in x + x * c }
      ),
      (
        "x -= x·c",
        { x, c in
          var y = x; y -= x * c; return y
        }, { x, c in x - x * c }
      ),
      (
        "x *= x + c",
        { x, c in
          var y = x; y *= x + c; return y
        }, { x, c in x * (x + c) }
      ),
    ]

  @Test func operationsWithConstantsOnDoubleTape() {
    var random = SplitMix64(seed: 0x74)
    for (name, traced, plain) in Self.constantOperations {
      for _ in 0..<Self.pointsPerPrimitive {
        let x = random.uniform(0.5...3) * (random.next() % 2 == 0 ? 1 : -1)
        let c = random.uniform(-3...3)
        let tape = Tape<Double>()
        let v = tape.variable(x)
        let y = traced(v, c)
        tape.backward(from: y)
        let expected = FiniteDifference.derivative(at: x) { plain($0, c) }
        #expect(y.value.bitPattern == plain(x, c).bitPattern, "\(name) value at x = \(x), c = \(c)")
        #expect(isClose(tape.adjoint(of: v), expected), "d(\(name))/dx at x = \(x), c = \(c)")
      }
    }
  }
}
