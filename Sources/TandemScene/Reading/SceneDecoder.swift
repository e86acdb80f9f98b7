import Foundation
import TandemRender
import TandemTuning
import Yams

/// Turns a composed YAML document into a ``SceneDescription``: the keys every
/// scene shares (`kind`, `name`, `description`, `parameters`, `tune`,
/// `render`), then the physics or training keys.
struct SceneDecoder {
  static let sharedKeys = ["kind", "name", "description", "parameters", "tune", "render"]
  static let physicsKeys = [
    "world", "particles", "springs", "potentials", "grids", "chains", "simulation", "objective",
  ]
  static let trainingKeys = [
    "model", "data", "loss", "optimizer", "training", "objective", "problem",
  ]

  let context: DecodingContext
  /// The file name without its extension, the default `name`.
  let defaultName: String
  /// The folder paths in the scene are relative to.
  let directory: URL

  /// The scene `root` describes, with `overrides` replacing parameter values.
  ///
  /// Reads every key first, then applies `overrides`, then checks the value
  /// rules at the resulting values, then places the particles (or builds the
  /// training problem): the order of errors ``SceneFile`` documents.
  func decode(_ root: Node, setting overrides: [String: Double]) throws -> SceneDescription {
    let rootNode = SceneNode(root, path: ScenePath(), context: context)
    guard case .mapping(let rootMapping) = root else {
      throw rootNode.error(
        "a scene is a mapping of keys such as `name`, `parameters` and `simulation`, found \(rootNode.found)"
      )
    }
    let kindNode = rootMapping["kind"].map { SceneNode($0, path: "kind", context: context) }
    let isTraining =
      try kindNode?.choice(names: ["physics", "training"], noun: "kind") { $0 == "training" }
      ?? false
    let ownKeys = isTraining ? Self.trainingKeys : Self.physicsKeys
    let otherKeys = isTraining ? Self.physicsKeys : Self.trainingKeys
    var misplaced: [String: String] = [:]
    for key in otherKeys where !ownKeys.contains(key) {
      misplaced[key] =
        isTraining
        ? "`\(key)` belongs to physics scenes; remove `kind: training`"
        : "`\(key)` belongs to training scenes; add `kind: training`"
    }
    let top = try rootNode.mapping(allowing: Self.sharedKeys + ownKeys, misplaced: misplaced)

    let name = try top.optional("name") { try $0.string() } ?? defaultName
    let description = try top.optional("description") { try $0.string() }
    var parameters = try top.optional("parameters") { try decodeParameters($0) } ?? []
    context.parameters = parameters
    let build: (FixedNumbers) throws -> SceneProcess
    var dataFiles: [DataFile] = []
    if isTraining {
      let training = try TrainingDecoder(directory: directory).decode(top)
      build = { .training(try training.build($0)) }
      dataFiles = training.dataFile.map { [$0] } ?? []
    } else {
      let physics = try PhysicsDecoder(directory: directory).decode(top)
      build = { try physics.build($0.values) }
      dataFiles = physics.dataFiles
    }
    let tune = try top.optional("tune") { try decodeTune($0) }
    let render = try top.optional("render") { try decodeRender($0) } ?? RenderSettings()

    parameters = try setting(overrides, in: parameters)
    let values = parameters.flatMap(\.values)
    let names = context.entryNames
    let process: SceneProcess
    do {
      for rule in context.rules { try rule.check(values, names) }
      var tuned = Set<Int>()
      for parameter in parameters where parameter.tune {
        let offset = context.offsets[parameter.name]!
        tuned.formUnion(offset..<(offset + parameter.count))
      }
      process = try build(FixedNumbers(values: values, names: names, tuned: tuned))
    } catch let error as SceneError {
      throw context.sourceMap.locating(error)
    }
    return SceneDescription(
      name: name, description: description, parameters: parameters, process: process,
      tune: tune, render: render, dataFiles: dataFiles, limits: context.limits,
      sourceMap: context.sourceMap)
  }

  /// `parameters:`: a mapping from names to plain numbers or
  /// `{ value, count, tune, min, max, scale }` (`value` a number, or a list
  /// for a vector parameter).
  func decodeParameters(_ node: SceneNode) throws -> [SceneParameter] {
    guard case .mapping(let mapping) = node.node else {
      throw node.error("expected a mapping from parameter names to values, found \(node.found)")
    }
    var parameters: [SceneParameter] = []
    for (key, value) in mapping {
      let name = key.string ?? ""
      let keyNode = SceneNode(key, path: node.path.appending(name), context: context)
      guard SceneParameter.isValidName(name) else {
        throw keyNode.error(
          "malformed parameter name `\(name)`",
          suggestion: "start with a letter or `_`, then letters, digits or `_`")
      }
      let valueNode = SceneNode(value, path: node.path.appending(name), context: context)
      var parameter = SceneParameter(name: name, value: 0)
      if case .mapping = value {
        let fields = try valueNode.mapping(allowing: [
          "value", "count", "tune", "min", "max", "scale",
        ])
        (parameter.values, parameter.isVector) = try decodeValues(fields)
        parameter.tune = try fields.optional("tune") { try $0.bool() } ?? false
        parameter.min = try fields.optional("min") { try $0.plainNumber() }
        parameter.max = try fields.optional("max") { try $0.plainNumber() }
        parameter.scale =
          try fields.optional("scale") { try $0.choice(SceneParameter.Scale.self, noun: "scale") }
          ?? .linear
      } else {
        parameter.value = try valueNode.plainNumber(
          expecting: "a number or `{ value: …, tune: true }`")
      }
      if let problem = parameter.problem { throw valueNode.error(problem) }
      parameters.append(parameter)
    }
    return parameters
  }

  /// A parameter's `value` and `count`: one number (a scalar parameter, or
  /// with `count` the same value for every entry of a vector), or a list
  /// (a vector, whose `count`, when given, must match).
  private func decodeValues(_ fields: SceneMapping) throws -> (values: [Double], isVector: Bool) {
    let valueNode = try fields.required("value")
    let countNode = fields["count"]
    let count = try countNode.map {
      try $0.integer(minimum: 1, meaning: "the number of entries")
    }
    if let count {
      try context.add(count, toLimit: "parameters", counting: "parameter entries", at: countNode!)
    }
    guard case .sequence = valueNode.node else {
      let value = try valueNode.plainNumber(expecting: "a number, or a list of `count` numbers")
      return (Array(repeating: value, count: count ?? 1), count != nil)
    }
    let items = try valueNode.list()
    guard !items.isEmpty else {
      throw valueNode.error(
        "a vector parameter needs at least one value",
        suggestion: "write `value: [400, 410]`, or `value: 400, count: 2`")
    }
    if let count, count != items.count {
      throw valueNode.error(
        "`value` lists \(items.count) numbers, but `count` is \(count)",
        suggestion: "give \(count) numbers, one per entry, or one number for all of them")
    }
    if count == nil {
      try context.add(
        items.count, toLimit: "parameters", counting: "parameter entries", at: valueNode)
    }
    return (try items.map { try $0.plainNumber() }, true)
  }

  /// `tune: { method, iterations, rate, horizon, every, gradient-tolerance, step-tolerance }`.
  func decodeTune(_ node: SceneNode) throws -> TuneSettings {
    let fields = try node.mapping(allowing: [
      "method", "iterations", "rate", "horizon", "every", "gradient-tolerance", "step-tolerance",
      "mode",
    ])
    var settings = TuneSettings()
    settings.mode =
      try fields.optional("mode") { try $0.choice(GradientModeRequest.self, noun: "mode") } ?? .auto
    settings.method =
      try fields.optional("method") { try $0.choice(TuningMethod.self, noun: "method") }
      ?? .adam
    settings.iterations =
      try fields.optional("iterations") { try $0.integer(minimum: 1) } ?? settings.iterations
    if let rate = fields["rate"] {
      settings.rate = try rate.plainNumber()
      guard settings.rate > 0 else {
        throw rate.error(
          "the outer step size must be positive, not \(SceneNumberFormat.string(settings.rate))")
      }
    }
    for (key, path) in [
      ("gradient-tolerance", \TuneSettings.gradientTolerance),
      ("step-tolerance", \TuneSettings.stepTolerance),
    ] {
      guard let field = fields[key] else { continue }
      let tolerance = try field.plainNumber()
      guard TuneSettings.tolerances.contains(tolerance) else {
        throw field.error(
          "a tolerance is a fraction, at least 0 and below 1, not \(SceneNumberFormat.string(tolerance))",
          suggestion: "such as 1.0e-8")
      }
      settings[keyPath: path] = tolerance
    }
    let horizon =
      try fields.optional("horizon") {
        try $0.choice(names: Horizon.names, noun: "horizon") { $0 }
      } ?? "full"
    switch horizon {
    case "online":
      let every = try fields.required(
        "every", meaning: "the number of inner steps between updates, for `horizon: online`")
      settings.horizon = .online(every: try every.integer(minimum: 1))
    default:
      if let every = fields["every"] {
        throw every.error(
          "`every` only applies to `horizon: online`",
          suggestion: "remove it, or set `horizon: online`")
      }
      settings.horizon = horizon == "greedy" ? .greedy : .full
    }
    return settings
  }

  /// `render: { size: [w, h], every, view: [xmin, ymin, xmax, ymax], trails, camera }`;
  /// `view` only in 2-D and `camera` only in 3-D (read after the physics
  /// keys, so the dimension is known).
  func decodeRender(_ node: SceneNode) throws -> RenderSettings {
    let fields = try node.mapping(allowing: ["size", "every", "view", "trails", "camera"])
    var settings = RenderSettings()
    if let size = fields["size"] {
      let items = try size.list(count: 2, meaning: "a size `[width, height]` in pixels")
      settings.width = try items[0].integer(minimum: 1, meaning: "a width in pixels")
      settings.height = try items[1].integer(minimum: 1, meaning: "a height in pixels")
      try context.check(
        SceneLimits.product(settings.width, settings.height), againstLimit: "pixels",
        counting: "pixels per frame", at: size)
    }
    settings.every = try fields.optional("every") { try $0.integer(minimum: 1) } ?? settings.every
    let threeD = context.dimension == 3
    if let view = fields["view"] {
      guard !threeD else {
        throw view.error(
          "`view` sets the rectangle of 2-D frames, but this scene is 3-D",
          suggestion: "use `camera: { azimuth, elevation, distance, target, fov, orbit }`")
      }
      let edges = try view.list(count: 4, meaning: "a view `[xmin, ymin, xmax, ymax]`").map {
        try $0.plainNumber()
      }
      guard edges[0] < edges[2], edges[1] < edges[3] else {
        throw view.error("the view's `xmin` and `ymin` must be less than its `xmax` and `ymax`")
      }
      settings.view = WorldRect(minX: edges[0], minY: edges[1], maxX: edges[2], maxY: edges[3])
    }
    settings.trails = try fields.optional("trails") { try $0.bool() } ?? false
    if let camera = fields["camera"] {
      guard threeD else {
        throw camera.error(
          "`camera` sets the view of 3-D frames, but this scene is 2-D",
          suggestion: "use `view: [xmin, ymin, xmax, ymax]`")
      }
      settings.camera = try decodeCamera(camera)
    }
    return settings
  }

  /// `camera: { azimuth, elevation, distance, target, fov, orbit }`, plain numbers.
  func decodeCamera(_ node: SceneNode) throws -> CameraSettings {
    let fields = try node.mapping(allowing: [
      "azimuth", "elevation", "distance", "target", "fov", "orbit",
    ])
    func number(_ key: String, _ check: (Double) -> Bool, _ range: String) throws -> Double? {
      try fields.optional(key) { value in
        let number = try value.plainNumber()
        guard number.isFinite, check(number) else {
          throw value.error("`\(key)` must be \(range), not \(SceneNumberFormat.string(number))")
        }
        return number
      }
    }
    var camera = CameraSettings()
    camera.azimuth = try number("azimuth", { _ in true }, "a number of degrees") ?? camera.azimuth
    camera.elevation =
      try number("elevation", { abs($0) <= 89 }, "between -89 and 89 degrees") ?? camera.elevation
    camera.distance = try number("distance", { $0 > 0 }, "positive")
    camera.fieldOfView =
      try number("fov", { $0 > 0 && $0 < 180 }, "between 0 and 180 degrees") ?? camera.fieldOfView
    camera.orbit = try number("orbit", { _ in true }, "a number of degrees") ?? camera.orbit
    camera.target = try fields.optional("target") { target in
      try target.list(count: 3, meaning: "a point `[x, y, z]`").map { try $0.plainNumber() }
    }
    return camera
  }
}
