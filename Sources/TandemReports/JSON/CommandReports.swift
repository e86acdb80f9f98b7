import TandemPhysics
import TandemScene
import TandemTuning

/// What `tandem run --json` prints for a physics scene.
public struct RunReport: Encodable {
  /// A particle's final state.
  public struct Particle: Encodable {
    /// Its position, one number per axis.
    public var position: [JSONNumber]
    /// Its velocity, one number per axis.
    public var velocity: [JSONNumber]
  }
  /// The scene's name.
  public var scene: String
  /// The steps taken.
  public var steps: Int
  /// The simulated time.
  public var time: JSONNumber
  /// The end-state loss (`null` without an objective).
  public var loss: JSONNumber
  /// The frames written.
  public var frames: Int
  /// The folder written (`null` with `--no-render`).
  public var output: Nullable<String>
  /// The final state of every particle, by id.
  public var particles: [String: Particle]

  /// The report of `simulated`, `frames` of which were written into `output`.
  public init(scene: SceneDescription, simulated: SceneRun.Simulated, frames: Int, output: String?)
  {
    let trajectory = simulated.trajectory
    let state = trajectory.finalState
    self.scene = scene.name
    steps = trajectory.steps
    time = JSONNumber(trajectory.time)
    loss = JSONNumber(simulated.simulation.hasObjective ? trajectory.loss : nil)
    self.frames = frames
    self.output = Nullable(output)
    particles = Dictionary(
      uniqueKeysWithValues: simulated.layout.ids.enumerated().map { i, id in
        (
          id,
          Particle(
            position: state.position(of: i).map(JSONNumber.init),
            velocity: state.velocity(of: i).map(JSONNumber.init))
        )
      })
  }
}

/// What `tandem run --json` prints for a training scene.
public struct TrainingRunReport: Encodable {
  enum CodingKeys: String, CodingKey {
    case scene, steps, loss, accuracy, output
    case trainingLoss = "training_loss", validationLoss = "validation_loss"
  }
  /// The scene's name.
  public var scene: String
  /// The inner steps.
  public var steps: Int
  /// The objective after the last step.
  public var loss: JSONNumber
  /// The loss over the training examples (`null` for a quadratic).
  public var trainingLoss: JSONNumber
  /// The loss over the validation examples (`null` without any).
  public var validationLoss: JSONNumber
  /// The fraction classified right, on the validation examples if any (`null` for regression).
  public var accuracy: JSONNumber
  /// The folder written (`null` with `--no-render`).
  public var output: Nullable<String>

  /// The report of `curve`, a training run of `steps` steps whose plot went to `output`.
  public init(scene: SceneDescription, steps: Int, curve: TrainingCurve, output: String?) {
    self.scene = scene.name
    self.steps = steps
    loss = JSONNumber(curve.objective)
    trainingLoss = JSONNumber(curve.isQuadratic ? nil : curve.finalTrainingLoss)
    validationLoss = JSONNumber(curve.finalValidationLoss)
    accuracy = JSONNumber(curve.validationAccuracy ?? curve.trainingAccuracy)
    self.output = Nullable(output)
  }
}

/// What `tandem tune --json` prints.
public struct TuneReport: Encodable {
  /// One iteration of the history.
  public struct Iteration: Encodable {
    enum CodingKeys: String, CodingKey {
      case iteration, loss, parameters, gradient
      case runLoss = "run_loss"
    }
    /// Its number, from 0 (the start).
    public var iteration: Int
    /// The loss there.
    public var loss: JSONNumber
    /// The tuned parameters' values, by name.
    public var parameters: [String: OneOrMany<JSONNumber>]
    /// dL/dvalue, by name.
    public var gradient: [String: OneOrMany<JSONNumber>]
    /// With an online or greedy horizon, the loss at the end of the run in
    /// which the values changed (left out with the full horizon).
    public var runLoss: JSONNumber?
  }
  /// The best loss.
  public var loss: JSONNumber
  /// The tuned parameters' values at the best loss, by name.
  public var parameters: [String: OneOrMany<JSONNumber>]
  /// Every iteration, the start first.
  public var history: [Iteration]
  /// Why the tuner stopped: `name` (see ``TuningStop/name``) and a sentence.
  public var stop: [String: String]
  /// The gradient mode used and why (left out when not given).
  public var mode: ModeReport?
  /// A least-squares fit's statistics, whose keys (`standard_errors`,
  /// `correlation`, `eigenvalues`, `unidentifiable`, …) sit beside the
  /// others (left out for the other methods).
  public var fit: FitReport?

  /// With `--starts N`, every start: where it began and where it ended
  /// (left out for one start).
  public var starts: [StartReport]?

  enum CodingKeys: String, CodingKey { case loss, parameters, history, stop, mode, starts }

  /// The report's keys, then the fit's beside them.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.container(keyedBy: CodingKeys.self)
    try container.encode(loss, forKey: .loss)
    try container.encode(parameters, forKey: .parameters)
    try container.encode(history, forKey: .history)
    try container.encode(stop, forKey: .stop)
    try container.encodeIfPresent(mode, forKey: .mode)
    try container.encodeIfPresent(starts, forKey: .starts)
    try fit?.encode(to: encoder)
  }

  /// The report of `history`, tuning `tuned`, its hypergradients computed
  /// as `mode` says, with a least-squares fit's `statistics`.
  public init(
    history: [TuningIteration], tuned: [TunedParameter], mode: GradientModeChoice? = nil,
    statistics: FitStatistics? = nil, starts: [TuningStart]? = nil
  ) {
    self.mode = mode.map(ModeReport.init)
    self.starts = starts.map { $0.map { StartReport($0, tuned: tuned) } }
    fit = statistics.map { FitReport($0, tuned: tuned) }
    func values(_ iteration: TuningIteration) -> [String: OneOrMany<JSONNumber>] {
      named(tuned.map { iteration.parameters[$0.index] }, by: tuned)
    }
    let best = SceneTuning.best(of: history)
    loss = JSONNumber(best.loss)
    parameters = values(best)
    self.history = history.map {
      Iteration(
        iteration: $0.iteration, loss: JSONNumber($0.loss), parameters: values($0),
        gradient: named($0.gradient, by: tuned), runLoss: $0.runLoss.map(JSONNumber.init))
    }
    let reason = history.last?.stop
    stop = ["name": reason?.name ?? "unknown", "reason": reason?.description ?? "unknown"]
  }
}

/// One start of `tandem tune --starts N`: `{"start", "initial", "loss",
/// "parameters", "iterations", "stop"}` — where it began, its best loss and
/// values, its iterations and why it stopped — or, for a start that failed,
/// `"failure"` in place of `"stop"`.
public struct StartReport: Encodable {
  /// The start's number (0: the scene's own values).
  public var start: Int
  /// The tuned parameters' values it began from.
  public var initial: [String: OneOrMany<JSONNumber>]
  /// Its best loss (`null` when it failed).
  public var loss: JSONNumber
  /// Its best values (empty when it failed).
  public var parameters: [String: OneOrMany<JSONNumber>]
  /// Its iterations after the start.
  public var iterations: Int
  /// Why it stopped (see ``TuningStop/name``); left out when it failed.
  public var stop: String?
  /// Why it failed; left out when it ran.
  public var failure: String?

  /// The report of `start`, tuning `tuned`.
  public init(_ start: TuningStart, tuned: [TunedParameter]) {
    self.start = start.number
    initial = named(tuned.map { start.initialValues[$0.index] }, by: tuned)
    let best = start.best
    loss = JSONNumber(best?.loss)
    parameters = best.map { b in named(tuned.map { b.parameters[$0.index] }, by: tuned) } ?? [:]
    iterations = max(start.history.count - 1, 0)
    stop = start.history.last?.stop?.name
    failure = start.failure
  }
}

/// The gradient mode a command used, and why: `{"name", "reason",
/// "forward_cost", "reverse_cost", "snapshots", "snapshot_bytes"}`, the
/// costs in plain steps per step (see ``GradientModeChoice``).
public struct ModeReport: Encodable {
  enum CodingKeys: String, CodingKey {
    case name, reason, snapshots
    case forwardCost = "forward_cost", reverseCost = "reverse_cost"
    case snapshotBytes = "snapshot_bytes"
  }
  /// `forward` or `reverse`.
  public var name: String
  /// Why, in a sentence.
  public var reason: String
  /// Forward mode's estimated cost.
  public var forwardCost: JSONNumber
  /// Reverse mode's estimated cost.
  public var reverseCost: JSONNumber
  /// The snapshots reverse mode may hold.
  public var snapshots: Int
  /// The bytes of one snapshot.
  public var snapshotBytes: Int

  /// The report of `choice`.
  public init(_ choice: GradientModeChoice) {
    name = choice.mode.name
    reason = choice.reason
    forwardCost = JSONNumber(choice.forwardCost)
    reverseCost = JSONNumber(choice.reverseCost)
    snapshots = choice.snapshots
    snapshotBytes = choice.snapshotBytes
  }
}

/// What `tandem check --json` prints.
public struct CheckReport: Encodable {
  enum CodingKeys: String, CodingKey {
    case loss, parameters, gradient, reverse, steps, routes, verdict, mode
    case finiteDifference = "finite_difference"
    case finiteDifferenceSteps = "finite_difference_steps"
  }
  /// Whether the routes agree (see ``CheckVerdict``).
  public struct Verdict: Encodable {
    enum CodingKeys: String, CodingKey {
      case passed, reverse
      case finiteDifference = "finite_difference"
    }
    /// Whether every route that ran agrees with forward mode on every parameter.
    public var passed: Bool
    /// Central differences' outcome by parameter: `PASS`, `FAIL` or `skipped`.
    public var finiteDifference: [String: OneOrMany<String>]
    /// Reverse mode's outcome by parameter.
    public var reverse: [String: OneOrMany<String>]
  }
  /// One route's result and cost.
  public struct Route: Encodable {
    enum CodingKeys: String, CodingKey {
      case route, loss, gradient, seconds, steps, failure, snapshots
      case peakResidentBytes = "peak_rss_bytes", recordedBytes = "recorded_bytes"
      case recomputedSteps = "recomputed_steps", snapshotBytes = "snapshot_bytes"
    }
    /// The route's name.
    public var route: String
    /// The loss it computed.
    public var loss: JSONNumber
    /// Its gradient, in the tuned parameters' order.
    public var gradient: [JSONNumber]
    /// Wall-clock seconds.
    public var seconds: JSONNumber
    /// Peak resident memory while it ran.
    public var peakResidentBytes: Int
    /// Central differences' steps (left out for the other routes).
    public var steps: [JSONNumber]?
    /// Reverse mode's recording size (left out for the other routes): the
    /// whole trajectory's, or checkpointed, one step's.
    public var recordedBytes: Int?
    /// Checkpointed reverse mode's most snapshots held at once.
    public var snapshots: Int?
    /// Checkpointed reverse mode's bytes per snapshot.
    public var snapshotBytes: Int?
    /// Checkpointed reverse mode's steps taken again from snapshots.
    public var recomputedSteps: Int?
    /// Why it could not run (left out when it ran).
    public var failure: String?

    /// The entry of `result`.
    public init(_ result: GradientRouteResult) {
      route = result.route.rawValue
      loss = JSONNumber(result.loss)
      gradient = result.gradient.map(JSONNumber.init)
      seconds = JSONNumber(result.seconds)
      peakResidentBytes = result.peakResidentBytes
      steps = result.steps?.map(JSONNumber.init)
      recordedBytes = result.recordedBytes
      snapshots = result.checkpointing?.peakSnapshots
      snapshotBytes = result.snapshotBytes
      recomputedSteps = result.checkpointing?.recomputedSteps
      failure = result.failure
    }
  }
  /// The loss (forward mode's).
  public var loss: JSONNumber
  /// The tuned parameters' values, by name.
  public var parameters: [String: OneOrMany<JSONNumber>]
  /// Forward mode's gradient, by name.
  public var gradient: [String: OneOrMany<JSONNumber>]
  /// Central differences' gradient, by name.
  public var finiteDifference: [String: OneOrMany<JSONNumber>]
  /// Central differences' steps, by name.
  public var finiteDifferenceSteps: [String: OneOrMany<JSONNumber>]
  /// Reverse mode's gradient, by name (`null` when it was skipped).
  public var reverse: Nullable<[String: OneOrMany<JSONNumber>]>
  /// The steps the run took (fewer than the scene's `steps` when a stop
  /// event ended it).
  public var steps: Int
  /// Every route's entry, by name.
  public var routes: [String: Route]
  /// Whether the routes agree.
  public var verdict: Verdict
  /// The reference mode and why (left out when not given).
  public var mode: ModeReport?

  /// The report of `results` (forward, central differences, reverse, as
  /// ``SceneCheck/run(starting:)`` returns them) for `scene`.
  public init(
    scene: SceneDescription, steps: Int, results: [GradientRouteResult], verdict: CheckVerdict,
    mode: GradientModeChoice? = nil
  ) {
    self.mode = mode.map(ModeReport.init)
    let tuned = scene.tunedParameterList
    let (forward, difference, reverse) = (results[0], results[1], results[2])
    loss = JSONNumber(forward.loss)
    parameters = named(tuned.map { scene.parameterVector[$0.index] }, by: tuned)
    gradient = named(forward.gradient, by: tuned)
    finiteDifference = named(difference.gradient, by: tuned)
    finiteDifferenceSteps = named(difference.steps ?? [], by: tuned)
    self.reverse = Nullable(reverse.failure == nil ? named(reverse.gradient, by: tuned) : nil)
    self.steps = steps
    routes = Dictionary(uniqueKeysWithValues: results.map { ($0.route.rawValue, Route($0)) })
    self.verdict = Verdict(
      passed: verdict.passed,
      finiteDifference: named(verdict.finiteDifference.map(\.rawValue), by: tuned),
      reverse: named(verdict.reverse.map(\.rawValue), by: tuned))
  }
}
