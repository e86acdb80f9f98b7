import TandemAD
import TandemTraining
import TandemTuning

extension SceneDescription {
  /// The training run a training scene describes: its problem (the data
  /// generated or read from the CSV file), the inner optimizer with every
  /// hyperparameter a ``Quantity`` indexing into ``parameterVector``, the
  /// steps, batches and objective.
  ///
  /// Hyperparameters (`rate`, `momentum`, `beta1`, …) may refer to tuned
  /// parameters: they are what the tuner differentiates. Numbers that shape
  /// the problem before training starts (a quadratic's `diagonal` and
  /// `start`, `data.noise`, `data.validation`) take their parameters'
  /// current values and may not refer to a tuned parameter.
  ///
  /// - Throws: ``SceneError``, located in the scene file, when the scene is
  ///   a physics scene, a problem number refers to a tuned parameter, the
  ///   CSV file cannot be read or parsed (at `data.csv`), or the data do not
  ///   fit the model (at `model.layers`) or the loss (at `loss`).
  public func trainingDescription() throws -> TrainingDescription {
    guard let training else {
      throw SceneError(
        file: sourceMap.file, message: "this is a physics scene, not a training scene",
        suggestion: "`tandem run` simulates it")
    }
    do {
      let problem = try training.trainingProblem(
        values: parameterValues, tuned: Set(tunedParameters.map(\.name)))
      return TrainingDescription(
        problem: problem, optimizer: training.optimizer.description(parameterIndices),
        steps: training.training.steps, batch: training.training.schedule,
        objective: training.objective == .trainingLoss ? .trainingLoss : .validationLoss)
    } catch let error as SceneError {
      throw sourceMap.locating(error)
    }
  }
}

extension TrainingSceneDescription {
  /// The problem, with its fixed numbers evaluated at `values`.
  func trainingProblem(values: [String: Double], tuned: Set<String>) throws
    -> TandemTraining.TrainingProblem
  {
    let fixed = FixedNumbers(values: values, tuned: tuned)
    switch problem {
    case let .quadratic(diagonal, start):
      let path = ScenePath("problem.quadratic")
      let a = try diagonal.enumerated().map { i, number in
        try fixed.value(
          of: number, at: path.appending("diagonal").appending(i), what: "the curvatures")
      }
      if let i = a.firstIndex(where: { !($0 > 0) }) {
        throw SceneError(
          path: path.appending("diagonal").appending(i),
          message: "the curvatures must be positive, not \(SceneNumberFormat.string(a[i]))")
      }
      let w = try start.enumerated().map { i, number in
        try fixed.value(
          of: number, at: path.appending("start").appending(i), what: "the start point")
      }
      return .quadratic(QuadraticProblem(diagonal: a, start: w))
    case let .model(model, data, function):
      let examples = try data.trainingData(for: function, fixed: fixed)
      try model.check(fitting: examples)
      return .supervised(
        SupervisedProblem(model: model.trainingModel, data: examples, loss: function))
    }
  }
}

/// Evaluates the numbers fixed before training starts, refusing tuned
/// parameters (their derivative would silently be zero).
struct FixedNumbers {
  /// Every parameter's value.
  let values: [String: Double]
  /// The names of the tuned parameters.
  let tuned: Set<String>

  /// The value of `number`, or an error at `path` if it refers to a tuned parameter.
  func value(of number: SceneNumber, at path: ScenePath, what: String) throws -> Double {
    if let name = number.parameterNames.first(where: tuned.contains) {
      throw SceneError(
        path: path,
        message: "\(what) are fixed before training starts, so `$\(name)` cannot be tuned here",
        suggestion: "write a number, or remove `tune: true` from `\(name)`")
    }
    return number.value(in: values)
  }
}

extension OptimizerSettings {
  /// The inner optimizer, every hyperparameter a quantity over the parameter vector.
  func description(_ indices: [String: Int]) -> OptimizerDescription {
    OptimizerDescription(
      method: method, rate: rate.quantity(indices), momentum: momentum.quantity(indices),
      beta1: beta1.quantity(indices), beta2: beta2.quantity(indices),
      epsilon: epsilon.quantity(indices),
      weightDecay: weightDecay.quantity(indices), decay: decay.quantity(indices))
  }
}

extension TrainingSettings {
  /// Which examples each step sees.
  var schedule: BatchSchedule {
    switch batch {
    case .full: .full
    case .size(let size): .size(size, seed: UInt64(bitPattern: Int64(seed)))
    }
  }
}
