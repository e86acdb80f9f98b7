import RealModule
import TandemAD
import TandemProcess
import Testing
import TandemTestSupport

/// Every bulk node of the tape (elementwise arithmetic and functions, map
/// and zipMap, sum, mean, dot, gather, scatter-add, scaling and shifting by
/// constants and by recorded scalars, matrix products, row broadcasting)
/// against finite differences: the node's outputs are reduced to a scalar
/// with fixed random weights, L = Σ wᵢ·outᵢ, and ∇L is checked on a
/// `Double` tape and ∇²L·u on a `Dual<2, Double>` tape.
@Suite struct BulkOperationTests {
  /// Records `operation` on `tape` at `inputs` and returns L and the input handles.
  static func record<T>(
    _ operation: BulkOperation, at inputs: [[T]], weights: [Double], on tape: Tape<T>
  ) -> (loss: Traced<T>, inputs: [TracedVector<T>], outputs: [Traced<T>]) {
    let variables = inputs.map { tape.variables($0) }
    let outputs = operation.record(variables, on: tape)
    var loss = outputs[0] * T(weights[0])
    for i in 1..<outputs.count { loss = loss + outputs[i] * T(weights[i]) }
    return (loss, variables, outputs)
  }

  /// ∇L on a `Double` tape, as a flat array.
  static func gradient(_ operation: BulkOperation, at flat: [Double], weights: [Double]) -> [Double]
  {
    let tape = Tape<Double>()
    let (loss, inputs, _) = record(operation, at: operation.split(flat), weights: weights, on: tape)
    tape.backward(from: loss)
    return inputs.flatMap { tape.adjoints(of: $0) }
  }

  @Test(arguments: BulkOperation.allCases)
  func gradientMatchesFiniteDifferences(_ operation: BulkOperation) {
    var random = SplitMix64(
      seed: 0xB17 &+ UInt64(BulkOperation.allCases.firstIndex(of: operation)!))
    for _ in 0..<4 {
      let flat = random.uniform(operation.inputRange, count: operation.inputSizes.reduce(0, +))
      let plainOutputs = operation.plain(operation.split(flat))
      let weights = random.uniform(-1...1, count: plainOutputs.count)

      let tape = Tape<Double>()
      let (loss, inputs, outputs) = Self.record(
        operation, at: operation.split(flat), weights: weights, on: tape)
      #expect(
        outputs.map(\.value.bitPattern) == plainOutputs.map(\.bitPattern), "\(operation) values")
      tape.backward(from: loss)
      let adjoints = inputs.flatMap { tape.adjoints(of: $0) }
      let expected = FiniteDifference.gradient(at: flat) { point in
        zip(operation.plain(operation.split(point)), weights).reduce(0) { $0 + $1.0 * $1.1 }
      }
      for i in flat.indices {
        #expect(
          isClose(adjoints[i], expected[i]),
          "\(operation): ∂L/∂x\(i) = \(adjoints[i]), FD \(expected[i])")
      }
    }
  }

  @Test(arguments: BulkOperation.allCases)
  func hessianVectorProductsOnDualTapeMatchFiniteDifferences(_ operation: BulkOperation) {
    var random = SplitMix64(
      seed: 0xB18 &+ UInt64(BulkOperation.allCases.firstIndex(of: operation)!))
    for _ in 0..<3 {
      let flat = random.uniform(operation.inputRange, count: operation.inputSizes.reduce(0, +))
      let weights = random.uniform(-1...1, count: operation.plain(operation.split(flat)).count)
      let u = random.uniform(-1...1, count: flat.count)
      let v = random.uniform(-1...1, count: flat.count)
      let seeded = flat.indices.map { Dual<2, Double>(flat[$0], u[$0], v[$0]) }

      let tape = Tape<Dual<2, Double>>()
      let (loss, inputs, _) = Self.record(
        operation, at: operation.split(seeded), weights: weights, on: tape)
      tape.backward(from: loss)
      let adjoints = inputs.flatMap { tape.adjoints(of: $0) }

      let plainGradient = Self.gradient(operation, at: flat, weights: weights)
      // Forward through the tape: L's tangents are ∇L·u and ∇L·v.
      let slopeU = zip(plainGradient, u).reduce(0) { $0 + $1.0 * $1.1 }
      let slopeV = zip(plainGradient, v).reduce(0) { $0 + $1.0 * $1.1 }
      #expect(isClose(loss.value.tangents[0], slopeU) && isClose(loss.value.tangents[1], slopeV))
      // Reverse: the adjoints are ∇L, their tangents ∇²L·u and ∇²L·v, checked
      // against finite differences of the Double tape's gradient along u, v.
      for (k, direction) in [u, v].enumerated() {
        let expected = FiniteDifference.derivativeOfVector(at: 0) { t in
          Self.gradient(
            operation, at: flat.indices.map { flat[$0] + t * direction[$0] }, weights: weights)
        }
        for i in flat.indices {
          #expect(isClose(adjoints[i].value, plainGradient[i]))
          #expect(
            isClose(adjoints[i].tangents[k], expected[i]),
            "\(operation): (∇²L·d\(k))[\(i)] = \(adjoints[i].tangents[k]), FD \(expected[i])")
        }
      }
    }
  }
}

extension BulkOperation {
  /// Splits a flat point of any scalar into the operation's input vectors.
  func split<T>(_ flat: [T]) -> [[T]] {
    var start = 0
    return inputSizes.map { size in
      defer { start += size }
      return Array(flat[start..<(start + size)])
    }
  }
}
