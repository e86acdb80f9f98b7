/// The checks that need the parameters' values: positive masses and step
/// sizes, non-negative stiffnesses, fractions in range; and, for physics, that
/// the scene expands (ids, selectors, springs).
extension SceneDescription {
  /// Checks what decoding cannot: values against their ranges at the current
  /// parameter values, every `$name` against the parameters, and, for a
  /// physics scene, its expansion.
  ///
  /// ``SceneFile`` and ``settingParameters(_:)`` call this; call it yourself
  /// for a scene built in code.
  ///
  /// - Throws: The first ``SceneError`` found, located in the file when the
  ///   scene came from one.
  public func validate() throws {
    do {
      var check = RangeCheck(parameters: parameters)
      for parameter in parameters {
        if let problem = parameter.problem {
          throw SceneError(
            path: ScenePath("parameters").appending(parameter.name), message: problem)
        }
      }
      switch kind {
      case .physics(let physics): try check.physics(physics)
      case .training(let training): try check.training(training)
      }
    } catch let error as SceneError {
      throw sourceMap.locating(error)
    }
  }
}

/// Checks numbers against the range their meaning allows.
struct RangeCheck {
  enum Range {
    case positive, nonNegative, openUnit, halfOpenUnit, decayFactor

    func contains(_ value: Double) -> Bool {
      switch self {
      case .positive: return value > 0
      case .nonNegative: return value >= 0
      case .openUnit: return value > 0 && value < 1
      case .halfOpenUnit: return value >= 0 && value < 1
      case .decayFactor: return value > 0 && value <= 1
      }
    }

    var phrase: String {
      switch self {
      case .positive: return "must be positive"
      case .nonNegative: return "must not be negative"
      case .openUnit: return "must lie strictly between 0 and 1"
      case .halfOpenUnit: return "must lie in [0, 1)"
      case .decayFactor: return "must lie in (0, 1] (1 is no decay)"
      }
    }
  }

  let values: [String: Double]
  let names: [String]

  init(parameters: [SceneParameter]) {
    values = Dictionary(parameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
    names = parameters.map(\.name)
  }

  /// Fails unless every reference is defined and the value lies in `range`.
  func require(_ number: SceneNumber, _ range: Range, _ what: String, at path: ScenePath) throws {
    for name in number.parameterNames where values[name] == nil {
      throw SceneError(
        path: path, message: "undefined parameter `$\(name)`",
        suggestion: NearestName.suggestion(
          for: name, among: names, prefix: "$", listing: "defined parameters"))
    }
    let value = number.value(in: values)
    guard range.contains(value) else {
      let shown = SceneNumberFormat.string(value)
      let message =
        if number.constantValue != nil { "\(what) \(range.phrase), not \(shown)" } else {
          "\(what) \(range.phrase), but `\(number)` is \(shown)"
        }
      var suggestion: String? = nil
      if case .parameter(let name) = number {
        suggestion = "change the value of `\(name)` under `parameters:`"
      }
      throw SceneError(path: path, message: message, suggestion: suggestion)
    }
  }

  /// Fails unless every reference in `number` is defined (any value allowed).
  func defined(_ number: SceneNumber, at path: ScenePath) throws {
    for name in number.parameterNames where values[name] == nil {
      throw SceneError(
        path: path, message: "undefined parameter `$\(name)`",
        suggestion: NearestName.suggestion(
          for: name, among: names, prefix: "$", listing: "defined parameters"))
    }
  }

  func defined(_ vector: SceneVector, at path: ScenePath) throws {
    try defined(vector.x, at: path.appending(0))
    try defined(vector.y, at: path.appending(1))
  }

  mutating func physics(_ scene: PhysicsSceneDescription) throws {
    let world = ScenePath("world")
    try defined(scene.world.gravity, at: world.appending("gravity"))
    try require(scene.world.drag, .nonNegative, "the drag", at: world.appending("drag"))
    if let ground = scene.world.ground {
      let path = world.appending("ground")
      try defined(ground.height, at: path.appending("height"))
      try require(ground.stiffness, .nonNegative, "the stiffness", at: path.appending("stiffness"))
      try require(ground.damping, .nonNegative, "the damping", at: path.appending("damping"))
    }
    for (i, particle) in scene.particles.enumerated() {
      let path = ScenePath("particles").appending(i)
      try defined(particle.position, at: path.appending("position"))
      try defined(particle.velocity, at: path.appending("velocity"))
      try require(particle.mass, .positive, "the mass", at: path.appending("mass"))
    }
    for (i, spring) in scene.springs.enumerated() {
      let path = ScenePath("springs").appending(i)
      try require(spring.stiffness, .nonNegative, "the stiffness", at: path.appending("stiffness"))
      if let rest = spring.rest {
        try require(rest, .nonNegative, "the rest length", at: path.appending("rest"))
      }
      try require(spring.damping, .nonNegative, "the damping", at: path.appending("damping"))
    }
    for (i, potential) in scene.potentials.enumerated() {
      try defined(
        potential.strength, at: ScenePath("potentials").appending(i).appending("strength"))
    }
    for (i, grid) in scene.grids.enumerated() {
      let path = ScenePath("grids").appending(i)
      try defined(grid.origin, at: path.appending("origin"))
      try require(grid.spacing, .positive, "the spacing", at: path.appending("spacing"))
      try require(grid.mass, .positive, "the mass", at: path.appending("mass"))
      try require(grid.stiffness, .nonNegative, "the stiffness", at: path.appending("stiffness"))
      try require(grid.damping, .nonNegative, "the damping", at: path.appending("damping"))
    }
    for (i, chain) in scene.chains.enumerated() {
      let path = ScenePath("chains").appending(i)
      try defined(chain.from, at: path.appending("from"))
      try defined(chain.to, at: path.appending("to"))
      let (from, to) = (chain.from.value(in: values), chain.to.value(in: values))
      if from == to {
        throw SceneError(
          path: path.appending("to"),
          message: "`from` and `to` are the same point, so every spring would have length 0",
          suggestion: "place the chain's ends apart")
      }
      try require(chain.mass, .positive, "the mass", at: path.appending("mass"))
      try require(chain.stiffness, .nonNegative, "the stiffness", at: path.appending("stiffness"))
      try require(chain.damping, .nonNegative, "the damping", at: path.appending("damping"))
    }
    let simulation = ScenePath("simulation")
    try require(scene.simulation.dt, .positive, "the time step", at: simulation.appending("dt"))
    if let stop = scene.simulation.stop {
      try defined(stop.value, at: simulation.appending("stop").appending(stop.crossing.rawValue))
    }
    for (i, term) in scene.objective.enumerated() {
      try defined(term.weight, at: ScenePath("objective").appending(i).appending("weight"))
    }
    _ = try scene.expanded()
  }

  func training(_ scene: TrainingSceneDescription) throws {
    switch scene.problem {
    case .quadratic(let diagonal, let start):
      let path = ScenePath("problem.quadratic")
      for (i, a) in diagonal.enumerated() {
        try defined(a, at: path.appending("diagonal").appending(i))
      }
      for (i, w) in start.enumerated() { try defined(w, at: path.appending("start").appending(i)) }
    case .model(_, let data, _):
      switch data {
      case .synthetic(let synthetic):
        if let noise = synthetic.noise {
          try require(noise, .nonNegative, "the noise", at: "data.noise")
        }
      case .csv(let csv):
        try require(csv.validation, .openUnit, "the validation fraction", at: "data.validation")
      }
    }
    let optimizer = scene.optimizer
    try require(optimizer.rate, .positive, "the learning rate", at: "optimizer.rate")
    try require(optimizer.momentum, .halfOpenUnit, "the momentum", at: "optimizer.momentum")
    try require(optimizer.beta1, .halfOpenUnit, "β₁", at: "optimizer.beta1")
    try require(optimizer.beta2, .halfOpenUnit, "β₂", at: "optimizer.beta2")
    try require(optimizer.epsilon, .positive, "ε", at: "optimizer.epsilon")
    try require(
      optimizer.weightDecay, .nonNegative, "the weight decay", at: "optimizer.weight-decay")
    try require(optimizer.decay, .decayFactor, "the decay factor", at: "optimizer.decay")
  }
}
