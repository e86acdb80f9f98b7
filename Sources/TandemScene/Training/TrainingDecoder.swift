import Foundation
import TandemAD
import TandemProcess
import TandemTraining

/// Reads the training keys of a scene (`model`, `data`, `loss` or `problem`,
/// then `optimizer`, `training` and `objective`) straight into the engine's
/// `TrainingDescription`.
///
/// As for physics, reading comes first and building second: ``decode(_:)``
/// reads every key and records the value rules; the closure it returns
/// evaluates the fixed numbers, generates or loads the data and checks that
/// they fit the model, once the values have been checked.
struct TrainingDecoder {
  /// A part of the description built once the values are checked.
  typealias Built<Part> = (FixedNumbers) throws -> Part

  /// The folder CSV paths are relative to.
  let directory: URL

  /// The builder of the description, and the CSV file it reads, if any.
  func decode(_ top: SceneMapping) throws -> (
    build: Built<TrainingDescription>, dataFile: DataFile?
  ) {
    let problem: Built<TrainingProblem>
    var dataFile: DataFile? = nil
    let isQuadratic: Bool
    if let problemNode = top["problem"] {
      for key in ["model", "data", "loss"] {
        if let clash = top[key] {
          throw clash.error(
            "`\(key)` has no effect with `problem:`",
            suggestion: "remove `\(key)`, or remove `problem`")
        }
      }
      problem = try decodeQuadratic(problemNode)
      isQuadratic = true
    } else {
      guard top.has("model") else {
        throw top.node.error("missing required key `model` (or `problem` for a quadratic)")
      }
      let model = try decodeModel(try top.required("model"))
      let data = try decodeData(try top.required("data", meaning: "`synthetic:` or `csv:`"))
      let loss = try top.required("loss").choice(LossFunction.self, noun: "loss")
      dataFile = data.file
      problem = { fixed in
        let examples = try data.load(loss, fixed)
        try Self.check(model, fitting: examples)
        return .supervised(SupervisedProblem(model: model, data: examples, loss: loss))
      }
      isQuadratic = false
    }
    let optimizer = try decodeOptimizer(try top.required("optimizer", meaning: "method and rate"))
    let (steps, batch) = try decodeTraining(
      try top.required("training", meaning: "the number of steps"))
    let objective = try decodeObjective(top["objective"], isQuadratic: isQuadratic)
    let limits = top.node.context.limits
    let build: Built<TrainingDescription> = { fixed in
      let description = TrainingDescription(
        problem: try problem(fixed), optimizer: optimizer, steps: steps, batch: batch,
        objective: objective)
      try Self.checkWork(of: description, against: limits)
      return description
    }
    return (build, dataFile)
  }

  /// `objective:`: `validation-loss` (the default with a model), `training-loss`,
  /// or `function-value` (the only objective of a quadratic problem).
  func decodeObjective(_ node: SceneNode?, isQuadratic: Bool) throws -> TrainingObjective {
    guard let node else { return .validationLoss }
    let names = TrainingObjective.allCases.map(\.rawValue) + ["function-value"]
    let name = try node.choice(names: names, noun: "objective") { $0 }
    if isQuadratic != (name == "function-value") {
      throw node.error(
        isQuadratic
          ? "a quadratic problem has no data: its objective is `function-value`"
          : "`function-value` is the objective of a quadratic problem",
        suggestion: isQuadratic
          ? "remove `objective`" : "use `validation-loss` or `training-loss`")
    }
    return TrainingObjective(rawValue: name) ?? .validationLoss
  }

  /// `problem: { quadratic: { diagonal, start } }`: f(w) = ½·Σ aᵢ·wᵢ² from `start`.
  func decodeQuadratic(_ node: SceneNode) throws -> Built<TrainingProblem> {
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
    let (diagonalPath, startPath) = (diagonalNode.path, startNode.path)
    return { fixed in
      let a = try diagonal.enumerated().map { i, number in
        try fixed.value(of: number, at: diagonalPath.appending(i), what: "the curvatures")
      }
      if let i = a.firstIndex(where: { !($0 > 0) }) {
        throw SceneError(
          path: diagonalPath.appending(i),
          message: "the curvatures must be positive, not \(SceneNumberFormat.string(a[i]))")
      }
      let w = try start.enumerated().map { i, number in
        try fixed.value(of: number, at: startPath.appending(i), what: "the start point")
      }
      return .quadratic(QuadraticProblem(diagonal: a, start: w))
    }
  }

  /// `model: { layers, activation, seed, init }`: a multilayer perceptron.
  func decodeModel(_ node: SceneNode) throws -> ModelDescription {
    let fields = try node.mapping(allowing: ["layers", "activation", "seed", "init"])
    let layersNode = try fields.required(
      "layers", meaning: "widths from input to output, such as `[2, 64, 1]`")
    let context = node.context
    let layers = try layersNode.list().map { item in
      let width = try item.integer(minimum: 1, meaning: "a layer width")
      try context.check(width, againstLimit: "layer-width", counting: "units in a layer", at: item)
      return width
    }
    var weights: Int? = 0
    for (inputs, outputs) in zip(layers, layers.dropFirst()) {
      weights = SceneLimits.sum(
        weights, SceneLimits.sum(SceneLimits.product(inputs, outputs), outputs))
    }
    try context.check(
      weights, againstLimit: "model-parameters", counting: "model parameters", at: layersNode)
    guard layers.count >= 2 else {
      throw layersNode.error(
        "expected at least two widths (input and output), found \(layers.count)")
    }
    let isBenchmarkB2 =
      try fields.optional("init") {
        try $0.choice(names: ["glorot", "benchmark-b2"], noun: "initialisation") {
          $0 == "benchmark-b2"
        }
      } ?? false
    if isBenchmarkB2, layers.count != 3 || layers[2] != 1 {
      throw fields["init"]!.error(
        "`benchmark-b2` needs layers `[inputs, hidden, 1]`, not \(layers)",
        suggestion: "use `init: glorot`")
    }
    let activation =
      try fields.optional("activation") {
        try $0.choice(names: Activation.hidden.map(\.rawValue), noun: "activation") {
          Activation(rawValue: $0)!
        }
      } ?? .tanh
    let seed = try fields.optional("seed") { try $0.integer() } ?? 0
    return ModelDescription(
      widths: layers, activation: activation,
      initialisation: isBenchmarkB2 ? .benchmarkB2 : .seeded(UInt64(bitPattern: Int64(seed))))
  }

  /// Fails when a supervised run's work, steps × examples per step × model
  /// parameters, passes the limit (known only once the data are loaded).
  static func checkWork(of description: TrainingDescription, against limits: SceneLimits) throws {
    guard case .supervised(let problem) = description.problem else { return }
    let examples = problem.data.training.count
    let perStep: Int
    if case .size(let size, _) = description.batch {
      perStep = min(size, examples)
    } else {
      perStep = examples
    }
    let work = SceneLimits.product(description.steps, perStep).flatMap {
      SceneLimits.product($0, problem.model.parameterCount)
    }
    guard let work, work <= limits.work else {
      var error = limits.exceeded(
        "work", "units of work (steps × examples per step × model parameters)", count: work)
      error.path = "training.steps"
      throw error
    }
  }

  /// Fails unless the first width is the number of features and the last the
  /// number of targets (of classes, for a cross-entropy loss).
  static func check(_ model: ModelDescription, fitting data: TrainingData) throws {
    let layers = model.widths
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

  /// `optimizer: { method, rate, momentum, beta1, beta2, epsilon, weight-decay, decay }`.
  func decodeOptimizer(_ node: SceneNode) throws -> OptimizerDescription {
    let fields = try node.mapping(allowing: [
      "method", "rate", "momentum", "beta1", "beta2", "epsilon", "weight-decay", "decay",
    ])
    let method = try fields.required("method").choice(OptimizerMethod.self, noun: "method")
    var optimizer = OptimizerDescription(
      method: method,
      rate: try fields.required("rate", meaning: "the learning rate")
        .number(.positive, "the learning rate"))
    let owners:
      [(
        String, [OptimizerMethod], WritableKeyPath<OptimizerDescription, Quantity>,
        ValueRule.Range, String
      )] = [
        ("momentum", [.momentum, .nesterov], \.momentum, .halfOpenUnit, "the momentum"),
        ("beta1", [.adam], \.beta1, .halfOpenUnit, "β₁"),
        ("beta2", [.adam], \.beta2, .halfOpenUnit, "β₂"),
        ("epsilon", [.adam], \.epsilon, .positive, "ε"),
        ("weight-decay", OptimizerMethod.allCases, \.weightDecay, .nonNegative, "the weight decay"),
        ("decay", OptimizerMethod.allCases, \.decay, .decayFactor, "the decay factor"),
      ]
    for (key, methods, field, range, what) in owners {
      guard let value = fields[key] else { continue }
      guard methods.contains(method) else {
        throw value.error(
          "`\(key)` has no effect with method `\(method.rawValue)`",
          suggestion: "it applies to "
            + methods.map { "`\($0.rawValue)`" }.joined(separator: " and "))
      }
      optimizer[keyPath: field] = try value.number(range, what)
    }
    return optimizer
  }

  /// `training: { steps, batch, seed }`.
  func decodeTraining(_ node: SceneNode) throws -> (steps: Int, batch: BatchSchedule) {
    let fields = try node.mapping(allowing: ["steps", "batch", "seed"])
    var size: Int? = nil
    if let batchNode = fields["batch"] {
      if !(batchNode.isPlainScalar && (try? batchNode.string()) == "full") {
        size = try batchNode.integer(minimum: 1, meaning: "`full` or a batch size")
      }
    }
    let steps = try fields.required("steps").integer(minimum: 1)
    let seed = try fields.optional("seed") { try $0.integer() } ?? 0
    return (steps, size.map { .size($0, seed: UInt64(bitPattern: Int64(seed))) } ?? .full)
  }
}
