/// What a training run minimises.
public enum TrainingProblem: Sendable, Equatable {
  /// A diagonal quadratic; the weights are its point w.
  case quadratic(QuadraticProblem)
  /// A model fitted to data; the weights are the model's.
  case supervised(SupervisedProblem)

  /// The number of weights the inner optimizer moves.
  public var weightCount: Int {
    switch self {
    case .quadratic(let problem): problem.start.count
    case .supervised(let problem): problem.model.parameterCount
    }
  }

  /// The weights a run starts from.
  public func initialWeights() -> [Double] {
    switch self {
    case .quadratic(let problem): problem.start
    case .supervised(let problem): problem.model.initialWeights()
    }
  }
}
