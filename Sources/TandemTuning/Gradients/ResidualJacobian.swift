import TandemAD
import TandemProcess

/// The residuals of a least-squares loss at one point, and their Jacobian
/// with respect to the tuned parameters.
public struct ResidualJacobian: Sendable {
  /// The residuals: the loss is the sum of their squares.
  public var residuals: [Double]
  /// ∂residual/∂value, row-major: row i (residual i) holds ``columns``
  /// numbers, one per tuned parameter in the tuner's order.
  public var jacobian: [Double]
  /// The number of tuned parameters.
  public var columns: Int

  /// A result from its parts.
  public init(residuals: [Double], jacobian: [Double], columns: Int) {
    precondition(jacobian.count == residuals.count * columns, "a Jacobian of another shape")
    self.residuals = residuals
    self.jacobian = jacobian
    self.columns = columns
  }

  /// The loss: Σ rᵢ².
  public var loss: Double { residuals.reduce(0) { $0 + $1 * $1 } }

  /// dL/dvalue = 2·Jᵀr.
  public var gradient: [Double] {
    var g = [Double](repeating: 0, count: columns)
    for (i, r) in residuals.enumerated() {
      for j in 0..<columns { g[j] += 2 * r * jacobian[i * columns + j] }
    }
    return g
  }

  /// JᵀJ, row by row.
  public var normalMatrix: [[Double]] {
    var a = [[Double]](repeating: [Double](repeating: 0, count: columns), count: columns)
    for i in residuals.indices {
      let row = i * columns
      for j in 0..<columns where jacobian[row + j] != 0 {
        let x = jacobian[row + j]
        for k in j..<columns { a[j][k] += x * jacobian[row + k] }
      }
    }
    for j in 0..<columns { for k in 0..<j { a[j][k] = a[k][j] } }
    return a
  }
}

extension SteppedProcess {
  /// The residuals of the loss and their Jacobian with respect to the
  /// parameters at `tuned`, by forward mode: one run seeds up to
  /// ``TangentWidth/maximum`` parameters, and each residual's tangents are
  /// its row of the Jacobian; more parameters run in chunks, on every core
  /// at once (``TangentChunks``).
  ///
  /// - Throws: ``TuningError/notLeastSquares`` when the process's loss is
  ///   not a sum of squared residuals.
  @inlinable
  public func residualJacobian(parameters: [Double], tuned: [Int]) throws -> ResidualJacobian {
    let results = try TangentChunks.map(tuned) { chunk in
      try TangentWidth.withWidth(
        fitting: max(chunk.count, 1),
        ResidualRun(process: self, parameters: parameters, chunk: chunk))
    }
    let residuals = results.last!.residuals
    let columns = results.map(\.jacobian)
    guard columns.count > 1 else {
      return ResidualJacobian(residuals: residuals, jacobian: columns[0], columns: tuned.count)
    }
    var jacobian = [Double](repeating: 0, count: residuals.count * tuned.count)
    var offset = 0
    for block in columns {
      let width = block.count / max(residuals.count, 1)
      for i in residuals.indices {
        for j in 0..<width { jacobian[i * tuned.count + offset + j] = block[i * width + j] }
      }
      offset += width
    }
    return ResidualJacobian(residuals: residuals, jacobian: jacobian, columns: tuned.count)
  }

  /// The residuals of the loss and their Jacobian by reverse mode through
  /// the whole trajectory: the run is recorded once on ``Recorded`` numbers,
  /// then swept back once from each residual. Cheaper than forward mode
  /// when the residuals are few and the parameters many; memory grows with
  /// the steps, up to `byteLimit`
  /// (``TuningError/recordingTooLarge(projectedBytes:limit:)``).
  @inlinable
  public func reverseResidualJacobian(
    parameters: [Double], tuned: [Int], byteLimit: Int = 8 << 30
  ) throws -> ResidualJacobian {
    try RecordedTape.record {
      var inputs = parameters.map { Recorded(constant: $0) }
      for index in tuned { inputs[index] = Recorded.variable(parameters[index]) }
      var driver = ResidualDriver<Recorded>(byteLimit: byteLimit, plannedSteps: stepCount)
      try start(&driver, parameters: inputs)
      var jacobian: [Double] = []
      jacobian.reserveCapacity(driver.residuals.count * tuned.count)
      for residual in driver.residuals {
        RecordedTape.backward(from: residual)
        for index in tuned { jacobian.append(RecordedTape.adjoint(of: inputs[index])) }
      }
      return ResidualJacobian(
        residuals: driver.residuals.map(\.value), jacobian: jacobian, columns: tuned.count)
    }
  }
}

/// One forward run with the parameters of `chunk` seeded, reading every
/// residual's value and tangents.
@usableFromInline
struct ResidualRun<Process: SteppedProcess>: TangentWidthComputation {
  @usableFromInline let process: Process
  @usableFromInline let parameters: [Double]
  @usableFromInline let chunk: ArraySlice<Int>

  @inlinable
  init(process: Process, parameters: [Double], chunk: ArraySlice<Int>) {
    (self.process, self.parameters, self.chunk) = (process, parameters, chunk)
  }

  @inlinable
  func run<let N: Int>(_: Dual<N, Double>.Type) throws -> (
    residuals: [Double], jacobian: [Double]
  ) {
    var seeded = parameters.map { Dual<N, Double>(constant: $0) }
    for (direction, index) in chunk.enumerated() {
      seeded[index] = Dual(parameters[index], seed: direction)
    }
    var driver = ResidualDriver<Dual<N, Double>>()
    try process.start(&driver, parameters: seeded)
    var jacobian: [Double] = []
    jacobian.reserveCapacity(driver.residuals.count * chunk.count)
    for residual in driver.residuals {
      for direction in 0..<chunk.count { jacobian.append(residual.tangents[direction]) }
    }
    return (driver.residuals.map(\.value), jacobian)
  }
}

/// Runs a process to its end keeping its residuals; on ``Recorded``
/// numbers, refuses a recording on course to outgrow `byteLimit`.
@usableFromInline
struct ResidualDriver<Value: Scalar>: RunDriver {
  @usableFromInline var budget: RecordingBudget?
  @usableFromInline var residuals: [Value] = []

  @inlinable init() {}

  @inlinable
  init(byteLimit: Int, plannedSteps: Int) {
    budget = RecordingBudget(byteLimit: byteLimit, plannedSteps: plannedSteps)
  }

  @inlinable
  mutating func drive<Run: ProcessRun>(_ run: inout Run) throws where Run.Value == Value {
    guard run.keepResiduals() else { throw TuningError.notLeastSquares }
    while !run.isFinished {
      try run.advance()
      try budget?.check(stepsTaken: run.stepsTaken)
    }
    residuals = run.residuals()
  }
}
