import TandemTraining

extension DataDescription {
  /// The training and validation examples: generated, or read from the CSV
  /// file and split. A cross-entropy loss reads the CSV target column as
  /// class names, a squared error as numbers.
  ///
  /// - Throws: ``SceneError`` at `data.csv` when the file cannot be read or
  ///   parsed (the message keeps the CSV file's own line and column), at
  ///   `loss` when regression data meet a cross-entropy loss, at
  ///   `data.noise` for a generator without noise, and when the split leaves
  ///   no training examples.
  func trainingData(for loss: LossFunction, fixed: FixedNumbers) throws -> TrainingData {
    switch self {
    case .synthetic(let synthetic):
      let dataset = try synthetic.dataset(fixed: fixed)
      if dataset.classCount == nil && loss == .softmaxCrossEntropy {
        throw SceneError(
          path: "loss",
          message:
            "`cross-entropy` needs classes, but `\(synthetic.generator.rawValue)` data are a regression",
          suggestion: "use `loss: mse`, or a classification generator (two-moons, spirals, blobs)")
      }
      return dataset.generate(
        training: synthetic.train, validation: synthetic.validation,
        seed: UInt64(bitPattern: Int64(synthetic.seed)))
    case .csv(let csv):
      let fraction = try fixed.value(
        of: csv.validation, at: "data.validation", what: "the validation fraction")
      let task: LearningTask = loss == .softmaxCrossEntropy ? .classification : .regression
      let table: Dataset
      do {
        table = try CSVLoader.dataset(contentsOf: csv.url.path, target: csv.target, task: task)
      } catch let error as CSVError {
        throw SceneError(
          path: "data.csv", message: "cannot load `\(csv.path)`: \(error)",
          suggestion: csv.suggestion(for: error, task: task))
      }
      let data = TrainingData(
        splitting: table, validationFraction: fraction, seed: UInt64(bitPattern: Int64(csv.seed)))
      guard data.training.count > 0 else {
        throw SceneError(
          path: "data.validation",
          message:
            "holding out \(SceneNumberFormat.string(fraction)) of \(table.count) rows leaves no training examples",
          suggestion: "hold out a smaller fraction")
      }
      return data
    }
  }
}

extension SyntheticData {
  /// The generator with the scene's noise, if any.
  func dataset(fixed: FixedNumbers) throws -> SyntheticDataset {
    let noise = try self.noise.map { try fixed.value(of: $0, at: "data.noise", what: "the data") }
    switch generator {
    case .sineProduct:
      if noise != nil {
        throw SceneError(
          path: "data.noise",
          message: "`sine-product` data have no noise (they are B2's exact regression)",
          suggestion: "remove `noise`")
      }
      return .sineProduct
    case .twoMoons: return noise.map { .twoMoons(noise: $0) } ?? .twoMoons()
    case .spirals: return noise.map { .spirals(noise: $0) } ?? .spirals()
    case .blobs: return noise.map { .blobs(spread: $0) } ?? .blobs()
    }
  }
}

extension CSVData {
  /// What to do about a CSV problem, when the scene can say more than the file.
  func suggestion(for error: CSVError, task: LearningTask) -> String? {
    switch error {
    case .unreadable:
      return "the path is relative to the scene file's folder"
    case .notANumber(_, _, _, let name, _) where task == .regression && name == target:
      return "the target `\(target)` holds class names: use `loss: cross-entropy`"
    case .notANumber:
      return "every column but the target must hold numbers"
    default:
      return nil
    }
  }
}

extension SceneModel {
  /// The model for the trainer.
  var trainingModel: TandemTraining.ModelDescription {
    let start: TandemTraining.Initialisation =
      switch initialisation {
      case .glorot: .seeded(UInt64(bitPattern: Int64(seed)))
      case .benchmarkB2: .benchmarkB2
      }
    return TandemTraining.ModelDescription(
      widths: layers, activation: activation, initialisation: start)
  }

  /// Fails unless the first width is the number of features and the last the
  /// number of targets (of classes, for a cross-entropy loss).
  func check(fitting data: TrainingData) throws {
    let features = data.training.featureCount
    if layers[0] != features {
      throw SceneError(
        path: "model.layers[0]",
        message: "the data have \(features) features, but the model takes \(layers[0]) inputs",
        suggestion: "make the first width \(features)")
    }
    let targets = data.training.targetCount
    let last = layers.count - 1
    if layers[last] != targets {
      let what =
        data.training.labels != nil
        ? "\(targets) classes" : "\(targets) target\(targets == 1 ? "" : "s")"
      throw SceneError(
        path: ScenePath("model.layers").appending(last),
        message:
          "the data have \(what), but the model has \(layers[last]) output\(layers[last] == 1 ? "" : "s")",
        suggestion: "make the last width \(targets)")
    }
  }
}
