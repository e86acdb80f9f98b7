import RealModule
import TandemAD

extension Training {
  /// The objective at the current weights: the validation or the training
  /// loss, as ``TrainingDescription/objective`` says; for a quadratic, f(w).
  /// On `Dual` numbers its tangents are the hypergradient.
  @inlinable
  public func loss() -> T { evaluate(description.objective) }

  /// The loss over every training example (f(w) for a quadratic).
  @inlinable
  public func trainingLoss() -> T { evaluate(.trainingLoss) }

  /// The loss over the validation examples (f(w) for a quadratic; 0 when
  /// there are none).
  @inlinable
  public func validationLoss() -> T { evaluate(.validationLoss) }

  /// The loss named by `objective`.
  @inlinable
  func evaluate(_ objective: TrainingObjective) -> T {
    switch description.problem {
    case .quadratic(let problem): problem.value(at: currentWeights)
    case .supervised(let problem):
      loss(
        of: problem,
        on: objective == .validationLoss ? problem.data.validation : problem.data.training)
    }
  }

  /// The fraction of `data`'s examples whose largest output is their class
  /// (classification data only; nil otherwise or for a quadratic).
  public func accuracy(on data: Dataset) -> Double? {
    guard case .supervised(let problem) = description.problem, let labels = data.labels,
      data.count > 0
    else {
      return nil
    }
    let outputs = recordOutputs(of: problem, on: data)
    let classes = outputs.columns
    var correct = 0
    for r in 0..<data.count {
      var best = 0
      for c in 1..<classes
      where outputs.value(row: r, column: c) > outputs.value(row: r, column: best) { best = c }
      if best == labels[r] { correct += 1 }
    }
    return Double(correct) / Double(data.count)
  }

  /// The loss of the current weights on every example of `data`, recorded
  /// on the run's tape (which is reset first) without a backward pass.
  @inlinable
  func loss(of problem: SupervisedProblem, on data: Dataset) -> T {
    guard data.count > 0 else { return .zero }
    let outputs = recordOutputs(of: problem, on: data)
    let y = tape.variables(count: data.targets.count) { T(data.targets[$0]) }
    return problem.loss.value(
      outputs: outputs, targets: y.reshaped(rows: data.count, columns: data.targetCount)
    )
    .value
  }

  /// Resets the tape and records the model's outputs on all of `data`.
  @inlinable
  func recordOutputs(of problem: SupervisedProblem, on data: Dataset) -> TracedMatrix<T> {
    tape.reset()
    let w = tape.variables(currentWeights)
    let x = tape.variables(count: data.features.count) { T(data.features[$0]) }
    return problem.model.outputs(
      for: x.reshaped(rows: data.count, columns: data.featureCount), weights: w)
  }
}
