import Foundation
import TandemTraining

/// Reads the training keys of a scene: `model`, `data`, `loss` or `problem`,
/// then `optimizer`, `training` and `objective`.
struct TrainingDecoder {
  /// The folder CSV paths are relative to.
  let directory: URL

  func decode(_ top: SceneMapping) throws -> TrainingSceneDescription {
    let problem: SceneTrainingProblem
    if let problemNode = top["problem"] {
      for key in ["model", "data", "loss"] {
        if let clash = top[key] {
          throw clash.error(
            "`\(key)` has no effect with `problem:`",
            suggestion: "remove `\(key)`, or remove `problem`")
        }
      }
      problem = try decodeQuadratic(problemNode)
    } else {
      guard top.has("model") else {
        throw top.node.error("missing required key `model` (or `problem` for a quadratic)")
      }
      let model = try decodeModel(try top.required("model"))
      let data = try decodeData(try top.required("data", meaning: "`synthetic:` or `csv:`"))
      let loss = try top.required("loss").choice(LossFunction.self, noun: "loss")
      problem = .model(model, data: data, loss: loss)
    }
    let optimizer = try decodeOptimizer(try top.required("optimizer", meaning: "method and rate"))
    let training = try decodeTraining(try top.required("training", meaning: "the number of steps"))
    let objective: SceneTrainingObjective
    if let node = top["objective"] {
      objective = try node.choice(SceneTrainingObjective.self, noun: "objective")
      let isQuadratic = if case .quadratic = problem { true } else { false }
      if isQuadratic != (objective == .functionValue) {
        throw node.error(
          isQuadratic
            ? "a quadratic problem has no data: its objective is `function-value`"
            : "`function-value` is the objective of a quadratic problem",
          suggestion: isQuadratic
            ? "remove `objective`" : "use `validation-loss` or `training-loss`")
      }
    } else {
      objective = if case .quadratic = problem { .functionValue } else { .validationLoss }
    }
    return TrainingSceneDescription(
      problem: problem, optimizer: optimizer, training: training, objective: objective)
  }

  func decodeQuadratic(_ node: SceneNode) throws -> SceneTrainingProblem {
    let quadratic = try node.mapping(allowing: ["quadratic"]).required(
      "quadratic", meaning: "`{ diagonal, start }`")
    let fields = try quadratic.mapping(allowing: ["diagonal", "start"])
    let diagonalNode = try fields.required("diagonal", meaning: "the curvatures aᵢ")
    let diagonal = try diagonalNode.list().map { try $0.number() }
    let startNode = try fields.required("start", meaning: "the initial point")
    let start = try startNode.list().map { try $0.number() }
    guard !diagonal.isEmpty else { throw diagonalNode.error("expected at least one curvature") }
    guard start.count == diagonal.count else {
      throw startNode.error(
        "`start` has \(start.count) numbers but `diagonal` has \(diagonal.count)")
    }
    return .quadratic(diagonal: diagonal, start: start)
  }

  func decodeModel(_ node: SceneNode) throws -> SceneModel {
    let fields = try node.mapping(allowing: ["layers", "activation", "seed", "init"])
    let layersNode = try fields.required(
      "layers", meaning: "widths from input to output, such as `[2, 64, 1]`")
    let layers = try layersNode.list().map { try $0.integer(minimum: 1, meaning: "a layer width") }
    guard layers.count >= 2 else {
      throw layersNode.error(
        "expected at least two widths (input and output), found \(layers.count)")
    }
    let initialisation =
      try fields.optional("init") {
        try $0.choice(SceneModel.Initialisation.self, noun: "initialisation")
      }
      ?? .glorot
    if initialisation == .benchmarkB2, layers.count != 3 || layers[2] != 1 {
      throw fields["init"]!.error(
        "`benchmark-b2` needs layers `[inputs, hidden, 1]`, not \(layers)",
        suggestion: "use `init: glorot`")
    }
    return SceneModel(
      layers: layers,
      activation: try fields.optional("activation") {
        try $0.choice(TandemTraining.Activation.self, noun: "activation")
      }
        ?? .tanh,
      seed: try fields.optional("seed") { try $0.integer() } ?? 0, initialisation: initialisation)
  }

  func decodeData(_ node: SceneNode) throws -> DataDescription {
    let fields = try node.mapping(allowing: [
      "synthetic", "csv", "train", "validation", "seed", "noise", "target",
    ])
    switch (fields["synthetic"], fields["csv"]) {
    case (let generator?, nil):
      if let target = fields["target"] {
        throw target.error("`target` applies to `csv:` data", suggestion: "remove it")
      }
      return .synthetic(
        SyntheticData(
          generator: try generator.choice(SyntheticData.Generator.self, noun: "generator"),
          train: try fields.required("train", meaning: "the number of training examples").integer(
            minimum: 1),
          validation: try fields.required(
            "validation", meaning: "the number of validation examples"
          )
          .integer(minimum: 1),
          seed: try fields.optional("seed") { try $0.integer() } ?? 0,
          noise: try fields.optional("noise") { try $0.number() }))
    case (nil, let csv?):
      for key in ["train", "noise"] {
        if let extra = fields[key] {
          throw extra.error("`\(key)` applies to `synthetic:` data", suggestion: "remove it")
        }
      }
      let path = try csv.string()
      return .csv(
        CSVData(
          path: path,
          url: (path.hasPrefix("/")
            ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path))
            .standardizedFileURL,
          target: try fields.required("target", meaning: "the name of the target column").string(),
          validation: try fields.optional("validation") { try $0.number() } ?? 0.2,
          seed: try fields.optional("seed") { try $0.integer() } ?? 0))
    default:
      throw node.error("give exactly one of `synthetic:` and `csv:`")
    }
  }

  func decodeOptimizer(_ node: SceneNode) throws -> OptimizerSettings {
    let fields = try node.mapping(allowing: [
      "method", "rate", "momentum", "beta1", "beta2", "epsilon", "weight-decay", "decay",
    ])
    let method = try fields.required("method").choice(OptimizerMethod.self, noun: "method")
    var settings = OptimizerSettings(
      method: method, rate: try fields.required("rate", meaning: "the learning rate").number())
    let owners: [(String, [OptimizerMethod], WritableKeyPath<OptimizerSettings, SceneNumber>)] = [
      ("momentum", [.momentum, .nesterov], \.momentum), ("beta1", [.adam], \.beta1),
      ("beta2", [.adam], \.beta2),
      ("epsilon", [.adam], \.epsilon),
      ("weight-decay", OptimizerMethod.allCases, \.weightDecay),
      ("decay", OptimizerMethod.allCases, \.decay),
    ]
    for (key, methods, field) in owners {
      guard let value = fields[key] else { continue }
      guard methods.contains(method) else {
        throw value.error(
          "`\(key)` has no effect with method `\(method.rawValue)`",
          suggestion: "it applies to "
            + methods.map { "`\($0.rawValue)`" }.joined(separator: " and "))
      }
      settings[keyPath: field] = try value.number()
    }
    return settings
  }

  func decodeTraining(_ node: SceneNode) throws -> TrainingSettings {
    let fields = try node.mapping(allowing: ["steps", "batch", "seed"])
    var batch = TrainingSettings.Batch.full
    if let batchNode = fields["batch"] {
      if batchNode.isPlainScalar, (try? batchNode.string()) == "full" {
        batch = .full
      } else {
        batch = .size(try batchNode.integer(minimum: 1, meaning: "`full` or a batch size"))
      }
    }
    return TrainingSettings(
      steps: try fields.required("steps").integer(minimum: 1), batch: batch,
      seed: try fields.optional("seed") { try $0.integer() } ?? 0)
  }
}
