import Foundation
import TandemTraining

/// The training part of a scene (`kind: training`): what is trained, by which
/// inner optimizer, for how long, and the objective its hyperparameters are tuned on.
public struct TrainingSceneDescription: Hashable, Sendable {
  /// What is minimised by the inner loop.
  public var problem: SceneTrainingProblem
  /// The `optimizer:` block.
  public var optimizer: OptimizerSettings
  /// The `training:` block.
  public var training: TrainingSettings
  /// The `objective:` key: the number the hyperparameters are tuned on.
  public var objective: SceneTrainingObjective

  /// A description from its parts.
  public init(
    problem: SceneTrainingProblem, optimizer: OptimizerSettings, training: TrainingSettings,
    objective: SceneTrainingObjective
  ) {
    self.problem = problem
    self.optimizer = optimizer
    self.training = training
    self.objective = objective
  }
}

/// What the inner loop minimises.
public enum SceneTrainingProblem: Hashable, Sendable {
  /// A model fitted to data: the `model:`, `data:` and `loss:` keys.
  case model(SceneModel, data: DataDescription, loss: LossFunction)
  /// `problem: { quadratic: { diagonal, start } }`: f(w) = ½·Σ aᵢ·wᵢ² from `start`.
  case quadratic(diagonal: [SceneNumber], start: [SceneNumber])
}

/// The `model:` block: a multilayer perceptron.
public struct SceneModel: Hashable, Sendable {
  /// How the weights start (the `init:` key).
  public enum Initialisation: String, Hashable, Sendable, CaseIterable {
    /// Glorot-uniform weights drawn with `seed`, zero biases (the default).
    case glorot
    /// The fixed initial weights of benchmark B2 (`shared/bench/SPEC.md`),
    /// for layers `[d, H, 1]`; `seed` is not used.
    case benchmarkB2 = "benchmark-b2"
  }

  /// Layer widths from input to output, at least two (`[2, 64, 1]`; `[2, 1]` is linear).
  public var layers: [Int]
  /// The hidden layers' activation; default `tanh`.
  public var activation: TandemTraining.Activation
  /// The seed of the initial weights; default 0.
  public var seed: Int
  /// How the weights start; default `glorot`.
  public var initialisation: Initialisation

  /// A model from its fields.
  public init(
    layers: [Int], activation: TandemTraining.Activation = .tanh, seed: Int = 0,
    initialisation: Initialisation = .glorot
  ) {
    self.layers = layers
    self.activation = activation
    self.seed = seed
    self.initialisation = initialisation
  }
}

/// The `data:` block.
public enum DataDescription: Hashable, Sendable {
  /// A seeded synthetic data set.
  case synthetic(SyntheticData)
  /// A CSV file with a header row.
  case csv(CSVData)
}

/// `data: { synthetic: …, train, validation, seed, noise }`.
public struct SyntheticData: Hashable, Sendable {
  /// A generator.
  public enum Generator: String, Hashable, Sendable, CaseIterable {
    /// The B2 regression of the benchmark spec: y = sin(3·x₁)·cos(2·x₂).
    case sineProduct = "sine-product"
    /// Two interleaved half circles (two classes).
    case twoMoons = "two-moons"
    /// Interleaved spirals.
    case spirals
    /// Gaussian blobs.
    case blobs
  }

  /// The generator.
  public var generator: Generator
  /// The number of training examples (required).
  public var train: Int
  /// The number of validation examples (required).
  public var validation: Int
  /// The generator's seed; default 0.
  public var seed: Int
  /// The noise level, or `nil` for the generator's own default.
  public var noise: SceneNumber?

  /// Synthetic data from its fields.
  public init(
    generator: Generator, train: Int, validation: Int, seed: Int = 0, noise: SceneNumber? = nil
  ) {
    self.generator = generator
    self.train = train
    self.validation = validation
    self.seed = seed
    self.noise = noise
  }
}

/// `data: { csv: file.csv, target: label, validation: 0.2 }`.
public struct CSVData: Hashable, Sendable {
  /// The path as written, relative to the scene file.
  public var path: String
  /// The path resolved against the scene file's folder (or the current
  /// folder when the scene was parsed from text without one).
  public var url: URL
  /// The name of the target column (required).
  public var target: String
  /// The fraction of rows held out for validation, in (0, 1); default 0.2.
  public var validation: SceneNumber
  /// The seed of the shuffle that picks the validation rows; default 0.
  public var seed: Int

  /// CSV data from its fields.
  public init(path: String, url: URL, target: String, validation: SceneNumber = 0.2, seed: Int = 0)
  {
    self.path = path
    self.url = url
    self.target = target
    self.validation = validation
    self.seed = seed
  }
}

/// The `loss:` key.

/// The `objective:` key of a training scene.
public enum SceneTrainingObjective: String, Hashable, Sendable, CaseIterable {
  /// The loss on the validation set after the last step (default with a model).
  case validationLoss = "validation-loss"
  /// The loss on the training set after the last step.
  case trainingLoss = "training-loss"
  /// The function value after the last step (the only objective of a quadratic problem).
  case functionValue = "function-value"
}
