import Foundation
import TandemAD
import TandemFiles
import TandemTraining

/// Reading `data:`: a seeded synthetic data set or a CSV file with a header row.
extension TrainingDecoder {
  /// The `data:` block as read: how to produce the examples once the values are checked.
  struct DataSource {
    /// The CSV file, for CSV data.
    var file: DataFile?
    /// The training and validation examples, for the given loss.
    var load: (_ loss: LossFunction, _ fixed: FixedNumbers) throws -> TrainingData
  }

  /// The synthetic generators, by the name a scene gives them.
  static let generatorNames = ["sine-product", "two-moons", "spirals", "blobs"]

  /// `data: { synthetic, train, validation, seed, noise }` or
  /// `data: { csv, target, validation, seed }`.
  func decodeData(_ node: SceneNode) throws -> DataSource {
    let fields = try node.mapping(allowing: [
      "synthetic", "csv", "train", "validation", "seed", "noise", "target",
    ])
    switch (fields["synthetic"], fields["csv"]) {
    case (let generatorNode?, nil):
      if let target = fields["target"] {
        throw target.error("`target` applies to `csv:` data", suggestion: "remove it")
      }
      let generator = try generatorNode.choice(names: Self.generatorNames, noun: "generator") {
        $0
      }
      let trainNode = try fields.required("train", meaning: "the number of training examples")
      let train = try trainNode.integer(minimum: 1)
      let validation = try fields.required(
        "validation", meaning: "the number of validation examples"
      ).integer(minimum: 1)
      try node.context.check(
        SceneLimits.sum(train, validation), againstLimit: "examples", counting: "examples",
        at: trainNode)
      let seed = try fields.optional("seed") { try $0.integer() } ?? 0
      let noise = try fields.optional("noise") { try $0.number(.nonNegative, "the noise") }
      return DataSource(file: nil) { loss, fixed in
        let dataset = try Self.dataset(
          generator,
          noise: try noise.map {
            try fixed.value(of: $0, at: "data.noise", what: "the data")
          })
        if dataset.classCount == nil && loss == .softmaxCrossEntropy {
          throw SceneError(
            path: "loss",
            message: "`cross-entropy` needs classes, but `\(generator)` data are a regression",
            suggestion:
              "use `loss: mse`, or a classification generator (two-moons, spirals, blobs)")
        }
        return dataset.generate(
          training: train, validation: validation, seed: UInt64(bitPattern: Int64(seed)))
      }
    case (nil, let csv?):
      for key in ["train", "noise"] {
        if let extra = fields[key] {
          throw extra.error("`\(key)` applies to `synthetic:` data", suggestion: "remove it")
        }
      }
      let path = try csv.string()
      let file = DataFile(path: path, in: directory, key: csv.path)
      let url = file.url
      let target = try fields.required("target", meaning: "the name of the target column")
        .string()
      let validation =
        try fields.optional("validation") {
          try $0.number(.openUnit, "the validation fraction")
        } ?? 0.2
      let seed = try fields.optional("seed") { try $0.integer() } ?? 0
      let limits = node.context.limits
      return DataSource(file: file) { loss, fixed in
        let fraction = try fixed.value(
          of: validation, at: "data.validation", what: "the validation fraction")
        let task: LearningTask = loss == .softmaxCrossEntropy ? .classification : .regression
        let table: Dataset
        let text: String
        do {
          text = try TextFile.read(url)
        } catch let error as TextFile.Unreadable {
          let place = error.location.map { ":\($0.line):\($0.column)" } ?? ""
          throw SceneError(
            path: "data.csv",
            message: "cannot load `\(path)`: \(url.path)\(place): \(error.reason)",
            suggestion: error.location == nil
              ? "the path is relative to the scene file's folder" : nil)
        }
        do {
          table = try CSVLoader.dataset(parsing: text, file: url.path, target: target, task: task)
        } catch let error as CSVError {
          throw SceneError(
            path: "data.csv", message: "cannot load `\(path)`: \(error)",
            suggestion: Self.suggestion(for: error, target: target, task: task))
        }
        if table.count > limits.examples {
          var error = limits.exceeded("examples", "examples", count: table.count)
          error.path = "data.csv"
          throw error
        }
        let data = TrainingData(
          splitting: table, validationFraction: fraction, seed: UInt64(bitPattern: Int64(seed)))
        // Neither half may be empty: an empty validation set would make the
        // validation loss 0, silently.
        for (count, half, fix) in [
          (data.training.count, "training", "hold out a smaller fraction"),
          (data.validation.count, "validation", "hold out a larger fraction, or add rows"),
        ] where count == 0 {
          throw SceneError(
            path: "data.validation",
            message:
              "holding out \(SceneNumberFormat.string(fraction)) of \(table.count) rows leaves no \(half) examples",
            suggestion: fix)
        }
        return data
      }
    default:
      throw node.error("give exactly one of `synthetic:` and `csv:`")
    }
  }

  /// The generator called `name`, with the scene's noise, if any.
  static func dataset(_ name: String, noise: Double?) throws -> SyntheticDataset {
    switch name {
    case "sine-product":
      if noise != nil {
        throw SceneError(
          path: "data.noise",
          message: "`sine-product` data have no noise (they are B2's exact regression)",
          suggestion: "remove `noise`")
      }
      return .sineProduct
    case "two-moons": return noise.map { .twoMoons(noise: $0) } ?? .twoMoons()
    case "spirals": return noise.map { .spirals(noise: $0) } ?? .spirals()
    default: return noise.map { .blobs(spread: $0) } ?? .blobs()
    }
  }

  /// What to do about a CSV problem, when the scene can say more than the file.
  static func suggestion(for error: CSVError, target: String, task: LearningTask) -> String? {
    switch error {
    case .notANumber(_, _, _, let name, _) where task == .regression && name == target:
      return "the target `\(target)` holds class names: use `loss: cross-entropy`"
    case .notANumber:
      return "every column but the target must hold numbers"
    default:
      return nil
    }
  }
}
