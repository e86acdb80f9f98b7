import Foundation
import TandemAD
import TandemProcess
import TandemTuning
import Testing

/// A process written here, against TandemProcess's protocols alone: x ← (1 − p)·x
/// for n steps from x₀, with the loss L = x² = x₀²·(1 − p)²ⁿ, so that
/// dL/dp = −2n·x₀²·(1 − p)²ⁿ⁻¹ in closed form.
struct Decay: SteppedProcess {
  let steps: Int
  let start: Double

  var stepCount: Int { steps }
  var snapshotBytes: Int { 16 }
  var reverseStepCost: Double { 100 }
  var residualCount: Int? { nil }

  func start<Driver: RunDriver>(_ driver: inout Driver, parameters: [Driver.Value]) throws {
    var run = Run(steps: steps, x: Driver.Value(start), p: parameters[0])
    try driver.drive(&run)
  }

  /// L(p) in closed form.
  func loss(at p: Double) -> Double { start * start * Foundation.pow(1 - p, Double(2 * steps)) }

  /// dL/dp in closed form.
  func derivative(at p: Double) -> Double {
    -2 * Double(steps) * start * start * Foundation.pow(1 - p, Double(2 * steps - 1))
  }

  struct Run<T: Scalar>: ProcessRun {
    let steps: Int
    var x: T
    var p: T
    var stepsTaken = 0

    var isFinished: Bool { stepsTaken >= steps }
    mutating func advance() throws {
      x = x - p * x
      stepsTaken += 1
    }
    func loss() -> T { x * x }
    mutating func stopTangents() { x = x.tangentStopped }
    mutating func updateParameters(_ parameters: [T]) { p = parameters[0] }
    var stateValues: [T] { [x] }
    func save(into snapshot: inout ProcessSnapshot) {
      snapshot.values = [x.doubleValue]
      snapshot.counters = [stepsTaken]
    }
    mutating func restore(from snapshot: ProcessSnapshot, making make: (Double) -> T) {
      x = make(snapshot.values[0])
      stepsTaken = snapshot.counters[0]
    }
  }
}

/// The outer optimizers through the tuner, on a process whose loss and
/// gradient are known in closed form.
@Suite struct OuterOptimizerTests {
  let process = Decay(steps: 5, start: 2)
  let tuned = [TunedParameter(name: "p", index: 0, minimum: -0.5, maximum: 1.5)]

  /// Forward, checkpointed reverse and the closed form agree, at p = 0 too.
  @Test(arguments: [0.3, 0.0])
  func gradientsAgreeWithTheClosedForm(p: Double) throws {
    let (loss, forward) = try process.lossWithGradient(parameters: [p], tuned: [0])
    let reverse = try process.checkpointedReverseGradient(parameters: [p], tuned: [0], snapshots: 2)
    let exact = process.derivative(at: p)
    #expect(abs(loss - process.loss(at: p)) <= 1e-14 * process.loss(at: p))
    #expect(abs(forward[0] - exact) <= 1e-13 * abs(exact))
    #expect(abs(reverse.gradient[0] - exact) <= 1e-13 * abs(exact))
  }

  /// Every method the full horizon runs lowers the loss; each needs what it
  /// declares.
  @Test(arguments: TuningMethod.allCases)
  func everyMethodLowersTheLossOrSaysWhyNot(method: TuningMethod) throws {
    let tuner = Tuner(
      process: process, initialValues: [0.3], tuned: tuned, method: method, iterations: 8,
      rate: 0.01)
    if method.optimizer.needs == .residualJacobian {
      // The loss is not a sum of residuals the process exposes: refused, not replaced.
      #expect(throws: TuningError.notLeastSquares) { try tuner.run() }
      return
    }
    let history = try tuner.run()
    #expect(history.count > 1)
    #expect(history.last!.loss < history[0].loss * 0.9, "\(method): \(history.map(\.loss))")
  }

  /// With the online horizon, a method that steps during runs takes its own
  /// step (gradient descent: p − rate·dL/dp after the first step; Adam: a step
  /// of the rate's length), and one that cannot is refused, never replaced.
  @Test(arguments: TuningMethod.allCases)
  func inRunStepsAreTheMethodsOwn(method: TuningMethod) throws {
    let (p, rate) = (0.3, 0.01)
    let oneStep = Decay(steps: 1, start: 2)
    guard method.optimizer.stepsDuringRuns else {
      #expect(throws: TuningError.needsFullHorizon(method)) {
        try oneStep.tuneDuringRun(
          parameters: [p], tuned: tuned, horizon: .online(every: 1), method: method, rate: rate)
      }
      var tuner = Tuner(
        process: oneStep, initialValues: [p], tuned: tuned, method: method, iterations: 2,
        rate: rate)
      tuner.horizon = .greedy
      #expect(throws: TuningError.needsFullHorizon(method)) { try tuner.run() }
      return
    }
    let run = try oneStep.tuneDuringRun(
      parameters: [p], tuned: tuned, horizon: .online(every: 1), method: method, rate: rate)
    let gradient = oneStep.derivative(at: p)
    #expect(abs(run.updates[0].gradient[0] - gradient) <= 1e-14 * abs(gradient))
    let expected = method == .adam ? p + rate * (1 - 1e-8 / abs(gradient)) : p - rate * gradient
    #expect(abs(run.updates[0].values[0] - expected) <= 1e-12, "\(method)")
  }

  /// Newton is limited to the widest dual of duals, and says so by name.
  @Test func aMethodsParameterLimitIsChecked() throws {
    let many = (0..<5).map { TunedParameter(name: "p\($0)", index: $0) }
    let wide = Tuner(
      process: process, initialValues: [0.3, 0, 0, 0, 0], tuned: many, method: .newton,
      iterations: 1, rate: 0)
    #expect(throws: TuningError.tooManyParameters(.newton, count: 5, limit: 4)) { try wide.run() }
    #expect(
      TuningError.tooManyParameters(.newton, count: 5, limit: 4).description.hasPrefix(
        "Newton's method"))
  }
}
