import RealModule
import TandemAD
import TandemProcess

/// A training run in progress on scalar type `T`: the weights, the inner
/// optimizer's state, and the tape every step records its gradient on.
///
/// Each ``advance()`` resets the one tape, records the batch loss with bulk
/// nodes (matrix products, bias rows, activation maps), runs it backward,
/// copies the gradient into a buffer and lets the optimizer update the
/// weights in place. Once the first step has sized the tape and the buffers,
/// a step allocates nothing.
///
/// On `Dual` numbers with tuned hyperparameters seeded, the weights and the
/// optimizer's state carry their derivatives with respect to those
/// hyperparameters, step after step, and ``loss()``'s tangents are the
/// hypergradient: nothing of the trajectory is stored.
public struct Training<T: Scalar> {
  /// What is being trained.
  public let description: TrainingDescription
  /// The parameters' values on `T`.
  @inlinable public var parameters: [T] { currentParameters }
  @usableFromInline var currentParameters: [T]
  /// The current weights (the point w, for a quadratic), in storage order.
  @inlinable public var weights: [T] { currentWeights }
  @usableFromInline var currentWeights: [T]
  /// The inner optimizer, with its state.
  @inlinable public var optimizer: InnerOptimizer<T> { currentOptimizer }
  @usableFromInline var currentOptimizer: InnerOptimizer<T>
  /// Steps taken so far.
  @inlinable public var stepsTaken: Int { stepCount }
  @usableFromInline var stepCount = 0
  /// The loss of the batch the last step trained on, at the weights before
  /// that step (zero before the first step).
  @inlinable public var lastBatchLoss: T { batchLoss }
  @usableFromInline var batchLoss: T = .zero
  /// The gradient of the last step's batch loss.
  @usableFromInline var gradient: [T]
  /// The tape, reset and reused at every step and every evaluation.
  @usableFromInline let tape = Tape<T>()
  /// The order of the training examples in the current epoch.
  @usableFromInline var order: [Int]
  /// The mini-batch shuffler.
  @usableFromInline var random: SplitMix64
  /// Examples per batch.
  @usableFromInline let batchSize: Int

  /// Realises `description` with `parameters` (one value per process
  /// parameter) and prepares the first step.
  public init(_ description: TrainingDescription, parameters: [T]) {
    self.description = description
    currentParameters = parameters
    currentWeights = description.problem.initialWeights().map { T($0) }
    gradient = [T](repeating: .zero, count: currentWeights.count)
    currentOptimizer = InnerOptimizer(
      description.optimizer, parameters: parameters, count: currentWeights.count)
    var examples = 0
    if case .supervised(let problem) = description.problem {
      examples = problem.data.training.count
    }
    order = Array(0..<examples)
    switch description.batch {
    case .full:
      batchSize = examples
      random = SplitMix64(seed: 0)
    case .size(let size, let seed):
      batchSize = min(size, examples)
      random = SplitMix64(seed: seed)
      if batchSize < examples { random.shuffle(&order) }
    }
  }

  /// Whether every step has been taken.
  @inlinable
  public var isFinished: Bool { stepCount >= description.steps }

  /// Takes one inner step: the batch loss's gradient by reverse mode on the
  /// tape, then the optimizer's update.
  ///
  /// - Throws: ``TrainingError/nonFinite(step:quantity:)`` when the batch
  ///   loss or a weight stops being finite.
  ///
  /// Inlinable, like the tuning entry points that drive it, so that the run
  /// is specialised for its scalar wherever the process's type is known.
  @inlinable
  public mutating func advance() throws {
    guard !isFinished else { return }
    tape.reset()
    let w = tape.variables(currentWeights)
    let loss: Traced<T>
    switch description.problem {
    case .quadratic(let problem):
      loss = problem.value(at: w, on: tape)
    case .supervised(let problem):
      loss = recordBatchLoss(problem, weights: w)
    }
    tape.backward(from: loss)
    for i in gradient.indices { gradient[i] = tape.adjoint(of: w, at: i) }
    batchLoss = loss.value
    guard batchLoss.doubleValue.isFinite else {
      throw TrainingError.nonFinite(
        step: stepCount + 1, quantity: "the batch loss (\(batchLoss.doubleValue))")
    }
    currentOptimizer.update(&currentWeights, gradient: gradient)
    stepCount += 1
    if let bad = currentWeights.firstIndex(where: { !$0.doubleValue.isFinite }) {
      throw TrainingError.nonFinite(step: stepCount, quantity: "weight \(bad)")
    }
  }

  /// Records the loss of the next batch; moves to the next epoch (and
  /// reshuffles) when the previous one is used up.
  @inlinable
  mutating func recordBatchLoss(_ problem: SupervisedProblem, weights: TracedVector<T>) -> Traced<T>
  {
    let data = problem.data.training
    let batchesPerEpoch = (data.count + batchSize - 1) / batchSize
    let batch = stepCount % batchesPerEpoch
    if batch == 0 && stepCount > 0 && batchSize < data.count { random.shuffle(&order) }
    let first = batch * batchSize
    let rows = min(batchSize, data.count - first)
    let (n, m) = (data.featureCount, data.targetCount)
    let order = self.order
    let x = tape.variables(count: rows * n) { i in
      T(data.features[order[first + i / n] * n + i % n])
    }
    let y = tape.variables(count: rows * m) { i in T(data.targets[order[first + i / m] * m + i % m])
    }
    let outputs = problem.model.outputs(for: x.reshaped(rows: rows, columns: n), weights: weights)
    return problem.loss.value(outputs: outputs, targets: y.reshaped(rows: rows, columns: m))
  }

  /// Runs every remaining step.
  public mutating func run() throws {
    while !isFinished { try advance() }
  }

  /// Removes every forward-mode tangent from the state — the weights and
  /// the optimizer's velocity and moments — so derivatives taken from here
  /// on ignore how the state was reached (a truncated horizon). The
  /// hyperparameters keep theirs.
  @inlinable
  public mutating func stopTangents() {
    for i in currentWeights.indices { currentWeights[i] = currentWeights[i].tangentStopped }
    currentOptimizer.stopTangents()
  }

  /// The batch order of the current epoch and the shuffler's state: with the
  /// steps taken, what decides which examples the next steps train on.
  @inlinable public var batchOrder: (order: [Int], shuffler: SplitMix64) { (order, random) }

  /// Puts the run back where it was after `steps` steps: the weights, the
  /// optimizer's velocity, second moment and step count, and the batch order
  /// and shuffler (see ``batchOrder``). Checkpointed reverse mode restores
  /// saved states this way; the next ``advance()`` trains on the batch the
  /// saved run trained on next.
  @inlinable
  public mutating func restart(
    weights: [T], velocity: [T], secondMoment: [T], optimizerSteps: Int, afterSteps steps: Int,
    batchOrder: (order: [Int], shuffler: SplitMix64)
  ) {
    precondition(weights.count == currentWeights.count, "weights of another model")
    currentWeights = weights
    currentOptimizer.velocity = velocity
    currentOptimizer.secondMoment = secondMoment
    currentOptimizer.stepsTaken = optimizerSteps
    stepCount = steps
    (order, random) = batchOrder
  }

  /// Replaces the parameters' values for the steps to come, keeping the
  /// weights and the optimizer's state (and their tangents).
  @inlinable
  public mutating func updateParameters(_ parameters: [T]) {
    currentParameters = parameters
    currentOptimizer.updateHyperparameters(parameters)
  }
}
