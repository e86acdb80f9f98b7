import TandemTraining

/// The losses of one training run, sampled as it goes: what `tandem run`
/// plots for a training scene, and one curve of the overlay `tandem tune`
/// draws.
///
/// A sample is taken before the first step and after every `every` steps
/// (and always after the last). Each sample evaluates the loss on every
/// training example and on every validation example, not just on the last
/// batch, so mini-batch runs give smooth curves. For a quadratic problem
/// the one curve is the function value f(w).
public struct TrainingCurve: Sendable, Equatable {
  /// The step after which each sample was taken; 0 is the start.
  public var steps: [Int]
  /// The loss over all training examples at each sample (f(w) for a quadratic).
  public var trainingLoss: [Double]
  /// The loss over the validation examples at each sample, or `nil` for a
  /// quadratic or data without validation examples.
  public var validationLoss: [Double]?
  /// The curve the objective reads: the validation or training loss, or f(w).
  public var objectiveCurve: [Double]
  /// The run's objective after the last step (``TandemTraining/Training/loss()``).
  public var objective: Double
  /// The fraction of training examples classified right at the end, for classification.
  public var trainingAccuracy: Double?
  /// The fraction of validation examples classified right at the end, for classification.
  public var validationAccuracy: Double?
  /// Whether the run minimised a quadratic (whose only curve is f(w)).
  public var isQuadratic: Bool

  /// The training loss after the last step (f(w) for a quadratic).
  public var finalTrainingLoss: Double { trainingLoss.last ?? .nan }

  /// The validation loss after the last step, if there is one.
  public var finalValidationLoss: Double? { validationLoss?.last }

  /// Trains `description` once on `Double` with `parameters` (one value per
  /// process parameter), sampling the losses.
  ///
  /// - Parameters:
  ///   - every: Steps between samples; by default about 400 samples in all.
  ///   - progress: Called with the number of steps taken after each step.
  /// - Throws: ``TandemTraining/TrainingError`` when the run stops being finite.
  public static func record(
    _ description: TrainingDescription, parameters: [Double], every: Int? = nil,
    progress: (Int) -> Void = { _ in }
  ) throws -> TrainingCurve {
    let every = max(every ?? description.steps / 400, 1)
    var run = Training<Double>(description, parameters: parameters)
    var validationSet: Dataset?
    var isQuadratic = true
    if case .supervised(let problem) = description.problem {
      isQuadratic = false
      if problem.data.validation.count > 0 { validationSet = problem.data.validation }
    }
    var curve = TrainingCurve(
      steps: [], trainingLoss: [], validationLoss: validationSet == nil ? nil : [],
      objectiveCurve: [], objective: .nan,
      trainingAccuracy: nil, validationAccuracy: nil, isQuadratic: isQuadratic)
    func sample() {
      curve.steps.append(run.stepsTaken)
      curve.trainingLoss.append(run.trainingLoss())
      if validationSet != nil { curve.validationLoss!.append(run.validationLoss()) }
    }
    sample()
    while !run.isFinished {
      try run.advance()
      if run.stepsTaken % every == 0 || run.isFinished { sample() }
      progress(run.stepsTaken)
    }
    curve.objective = run.loss()
    let readsValidation = !isQuadratic && description.objective == .validationLoss
    curve.objectiveCurve =
      readsValidation
      ? (curve.validationLoss ?? curve.trainingLoss.map { _ in 0 }) : curve.trainingLoss
    if case .supervised(let problem) = description.problem {
      curve.trainingAccuracy = run.accuracy(on: problem.data.training)
      curve.validationAccuracy = validationSet.flatMap { run.accuracy(on: $0) }
    }
    return curve
  }
}
