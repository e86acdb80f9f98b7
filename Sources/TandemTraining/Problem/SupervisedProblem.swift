import TandemAD

/// A model fitted to data: what is trained, on what, against which loss.
public struct SupervisedProblem: Sendable, Equatable {
  /// The model.
  public var model: ModelDescription
  /// The training and validation examples.
  public var data: TrainingData
  /// The loss.
  public var loss: LossFunction

  /// Creates the problem; the data's feature and target counts must match
  /// the model's input and output widths.
  public init(model: ModelDescription, data: TrainingData, loss: LossFunction) {
    precondition(
      data.training.featureCount == model.inputCount,
      "\(data.training.featureCount) features for a model of \(model.inputCount) inputs")
    precondition(
      data.training.targetCount == model.outputCount,
      "\(data.training.targetCount) targets for a model of \(model.outputCount) outputs")
    precondition(data.training.count > 0, "no training examples")
    self.model = model
    self.data = data
    self.loss = loss
  }
}
