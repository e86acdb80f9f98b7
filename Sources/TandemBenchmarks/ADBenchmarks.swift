import RealModule
import TandemAD

/// The large-generated-expression benchmark: a seeded random straight-line
/// program of `instructions` scalar operations (one tape node each), timed
/// as a plain evaluation, as steps on `Tape<Double>` and `Tape<Dual<3,
/// Double>>`, and as steps on `Recorded`.
///
/// Run it from a release build; debug builds are ~150× slower on this code.
public func benchmarkGeneratedExpression(
  instructions: Int = 100_000, repetitions: Int = 15, seed: UInt64 = 0x7A4D_E3
) -> ADBenchmarkResult {
  let program = GeneratedProgram(instructionCount: instructions, seed: seed)
  var random = BenchmarkRandom(seed: seed ^ 0xD0A1)
  let dualInputs = program.inputs.map { x in
    Dual<3, Double>(
      x, tangents: [random.uniform(-1...1), random.uniform(-1...1), random.uniform(-1...1)])
  }

  var plainValues: [Double] = []
  var plainResult = 0.0
  let plain = measure(repetitions: repetitions) {
    plainResult = program.evaluate(program.inputs, into: &plainValues)
    blackHole(plainResult)
  }

  let doubleTape = Tape<Double>()
  var doubleHandles: [Traced<Double>] = []
  var tapeResult = 0.0
  let recordDouble = measure(repetitions: repetitions) {
    doubleTape.reset()
    tapeResult = program.record(program.inputs, on: doubleTape, handles: &doubleHandles).value
  }
  let stepDouble = {
    doubleTape.reset()
    let output = program.record(program.inputs, on: doubleTape, handles: &doubleHandles)
    doubleTape.backward(from: output)
    blackHole(doubleTape.adjoint(of: doubleHandles[0]))
  }
  let stepOnDouble = measure(repetitions: repetitions, stepDouble)

  let dualTape = Tape<Dual<3, Double>>()
  var dualHandles: [Traced<Dual<3, Double>>] = []
  let recordDual = measure(repetitions: repetitions) {
    dualTape.reset()
    blackHole(program.record(dualInputs, on: dualTape, handles: &dualHandles).value)
  }
  let stepDual = {
    dualTape.reset()
    let output = program.record(dualInputs, on: dualTape, handles: &dualHandles)
    dualTape.backward(from: output)
    blackHole(dualTape.adjoint(of: dualHandles[0]))
  }
  let stepOnDual = measure(repetitions: repetitions, stepDual)

  var recordedInputs = [Recorded](repeating: 0, count: program.inputs.count)
  var recordedValues: [Recorded] = []
  let stepRecorded = {
    RecordedTape.record {
      for i in recordedInputs.indices { recordedInputs[i] = Recorded.variable(program.inputs[i]) }
      let output = program.evaluate(recordedInputs, into: &recordedValues)
      RecordedTape.backward(from: output)
      blackHole(RecordedTape.adjoint(of: recordedInputs[0]))
    }
  }
  let stepOnRecorded = measure(repetitions: repetitions, stepRecorded)

  let steps = 5
  let allocations =
    AllocationCounting.isActive
    ? (
      double: Double(AllocationCounting.allocations { for _ in 0..<steps { stepDouble() } }!)
        / Double(steps),
      dual3: Double(AllocationCounting.allocations { for _ in 0..<steps { stepDual() } }!)
        / Double(steps),
      recorded: Double(AllocationCounting.allocations { for _ in 0..<steps { stepRecorded() } }!)
        / Double(steps)
    ) : nil

  stepDouble()
  return ADBenchmarkResult(
    name: "generated expression (\(instructions) scalar operations, seed \(seed))",
    nodesPerStep: doubleTape.operationCount,
    valuesPerStep: doubleTape.valueCount,
    plainEvaluation: plain,
    recordOnDouble: recordDouble,
    stepOnDouble: stepOnDouble,
    recordOnDual3: recordDual,
    stepOnDual3: stepOnDual,
    stepOnRecorded: stepOnRecorded,
    allocationsPerStep: allocations,
    valuesMatchPlainEvaluation: tapeResult.bitPattern == plainResult.bitPattern
      && plainResult.isFinite)
}

/// The tanh-layer benchmark: Y = tanh(X·W + b) for a `batch × units` input
/// and a `units × units` weight matrix, loss = mean(Y²), recorded with the
/// tape's bulk nodes (one matrix product, one row broadcast, two maps, one
/// sum, one division), timed as in ``benchmarkGeneratedExpression(instructions:repetitions:seed:)``.
public func benchmarkTanhLayer(
  units: Int = 256, batch: Int = 32, repetitions: Int = 15, seed: UInt64 = 0x1A7E
) -> ADBenchmarkResult {
  let layer = TanhLayer(units: units, batch: batch, seed: seed)
  var random = BenchmarkRandom(seed: seed ^ 0xD0A1)
  func seeded(_ values: [Double]) -> [Dual<3, Double>] {
    values.map {
      Dual($0, tangents: [random.uniform(-1...1), random.uniform(-1...1), random.uniform(-1...1)])
    }
  }
  let (dualX, dualW, dualB) = (seeded(layer.input), seeded(layer.weights), seeded(layer.bias))

  var scratch: [Double] = []
  var plainResult = 0.0
  let plain = measure(repetitions: repetitions) {
    plainResult = layer.loss(x: layer.input, w: layer.weights, b: layer.bias, scratch: &scratch)
    blackHole(plainResult)
  }

  let doubleTape = Tape<Double>()
  var tapeResult = 0.0
  let recordDouble = measure(repetitions: repetitions) {
    doubleTape.reset()
    tapeResult =
      layer.record(x: layer.input, w: layer.weights, b: layer.bias, on: doubleTape).loss.value
  }
  let stepDouble = {
    doubleTape.reset()
    let (loss, weights) = layer.record(
      x: layer.input, w: layer.weights, b: layer.bias, on: doubleTape)
    doubleTape.backward(from: loss)
    blackHole(doubleTape.adjoint(of: weights, at: 0))
  }
  let stepOnDouble = measure(repetitions: repetitions, stepDouble)

  let dualTape = Tape<Dual<3, Double>>()
  let recordDual = measure(repetitions: repetitions) {
    dualTape.reset()
    blackHole(layer.record(x: dualX, w: dualW, b: dualB, on: dualTape).loss.value)
  }
  let stepDual = {
    dualTape.reset()
    let (loss, weights) = layer.record(x: dualX, w: dualW, b: dualB, on: dualTape)
    dualTape.backward(from: loss)
    blackHole(dualTape.adjoint(of: weights, at: 0))
  }
  let stepOnDual = measure(repetitions: repetitions, stepDual)

  let steps = 5
  let allocations =
    AllocationCounting.isActive
    ? (
      double: Double(AllocationCounting.allocations { for _ in 0..<steps { stepDouble() } }!)
        / Double(steps),
      dual3: Double(AllocationCounting.allocations { for _ in 0..<steps { stepDual() } }!)
        / Double(steps),
      recorded: Double?.none
    ) : nil

  stepDouble()
  return ADBenchmarkResult(
    name: "tanh layer (\(units) units, batch \(batch): tanh(X·W + b), loss mean(Y²))",
    nodesPerStep: doubleTape.operationCount,
    valuesPerStep: doubleTape.valueCount,
    plainEvaluation: plain,
    recordOnDouble: recordDouble,
    stepOnDouble: stepOnDouble,
    recordOnDual3: recordDual,
    stepOnDual3: stepOnDual,
    stepOnRecorded: nil,
    allocationsPerStep: allocations,
    valuesMatchPlainEvaluation: tapeResult.bitPattern == plainResult.bitPattern
      && plainResult.isFinite)
}

/// Both AD benchmarks at their standard sizes (what `tandem bench` runs), or
/// at small sizes for a quick check when `quick` is true.
public func runADBenchmarks(quick: Bool = false) -> [ADBenchmarkResult] {
  quick
    ? [
      benchmarkGeneratedExpression(instructions: 2_000, repetitions: 3),
      benchmarkTanhLayer(units: 16, batch: 4, repetitions: 3),
    ]
    : [benchmarkGeneratedExpression(), benchmarkTanhLayer()]
}
