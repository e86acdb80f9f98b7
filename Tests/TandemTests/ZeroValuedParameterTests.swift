import Foundation
import Tandem
import Testing

/// Every tunable quantity tuned from exactly 0 keeps its derivative.
///
/// A shortcut such as `if damping != 0` looks, on a dual number, at the
/// value only: a parameter tuned from 0 would silently get ∂loss/∂p = 0 from
/// forward and reverse mode alike (both run the same step code), so the
/// reference here is central differences, with reverse mode as a third
/// opinion. Each scene is small and short, and each has the parameter under
/// test at exactly 0 (a second, nonzero parameter checks that the rest of
/// the gradient is unchanged).
@Suite struct ZeroValuedParameterTests {
  /// A physics scene: `body` after a `parameters:` block that sets every
  /// name of `zero` to 0 and every name of `other` to its value, all tuned.
  static func physics(
    zero: [String], other: [String: Double] = [:], integrator: String = "semi-implicit-euler",
    steps: Int = 200, _ body: String
  ) -> String {
    let zeros = zero.map { "  \($0): { value: 0, tune: true }" }
    let others = other.sorted { $0.key < $1.key }.map {
      "  \($0.key): { value: \($0.value), tune: true }"
    }
    return """
      name: zero
      parameters:
      \((zeros + others).joined(separator: "\n"))
      \(body)
      simulation: { integrator: \(integrator), dt: 0.01, steps: \(steps) }
      """
  }

  /// A spring from a pinned anchor to a swinging bob, its dashpot `$d`.
  static let dashpot = """
    particles:
      - { id: anchor, position: [0, 0], pinned: true }
      - { id: bob, position: [0.6, -0.8], velocity: [1, 0] }
    springs:
      - { between: [anchor, bob], stiffness: $k, rest: 0.8, damping: $d }
    objective:
      - position: { particles: bob, target: [0.3, -0.5] }
    """

  /// A ball dropped onto a damped penalty ground.
  static let ground = """
    world: { gravity: [0, -9.81], ground: { height: 0, stiffness: $kg, damping: $dg } }
    particles:
      - { id: ball, position: [0, 0.2], velocity: [0.5, 0] }
    objective:
      - position: { particles: ball, target: [0.8, 0.1] }
    """

  /// A thrown ball in air whose drag `$c` is tuned.
  static let drag = """
    world: { gravity: [0, -9.81], drag: $c }
    particles:
      - { id: ball, position: [0, 0], velocity: [$vx, 3] }
    objective:
      - position: { particles: ball, target: [2, 0] }
    """

  /// Adam's β₂ at 0 is at the edge of its domain: below 0 the second moment
  /// can turn negative and its square root NaN, so central differences
  /// cannot straddle it. Its derivative is checked against one-sided ones,
  /// with a small step: near β₂ = 0 Adam divides by about |g|, and the
  /// derivative changes fast (111.48 at 0, 96.1 at 1e-4 in this scene).
  static let betaTwo = "Adam's second moment (one-sided differences)"

  /// The scenes, by the quantity that is 0.
  static let cases: [(String, String)] = [
    ("spring damping", physics(zero: ["d"], other: ["k": 40], dashpot)),
    (
      "spring damping, velocity Verlet",
      physics(zero: ["d"], other: ["k": 40], integrator: "velocity-verlet", dashpot)
    ),
    ("spring damping, RK4", physics(zero: ["d"], other: ["k": 40], integrator: "rk4", dashpot)),
    ("spring stiffness", physics(zero: ["k", "d"], dashpot)),
    (
      "rest length",
      physics(
        zero: ["L"], other: ["k": 40],
        """
        particles:
          - { id: anchor, position: [0, 0], pinned: true }
          - { id: bob, position: [0.6, -0.8] }
        springs:
          - { between: [anchor, bob], stiffness: $k, rest: $L }
        objective:
          - coordinate: { particles: bob, axis: y, target: -0.5 }
        """)
    ),
    ("ground damping", physics(zero: ["dg"], other: ["kg": 2000], ground)),
    (
      "ground damping, velocity Verlet",
      physics(zero: ["dg"], other: ["kg": 2000], integrator: "velocity-verlet", ground)
    ),
    ("ground stiffness", physics(zero: ["kg", "dg"], ground)),
    ("drag", physics(zero: ["c"], other: ["vx": 2], drag)),
    (
      "drag, velocity Verlet",
      physics(zero: ["c"], other: ["vx": 2], integrator: "velocity-verlet", drag)
    ),
    ("drag, RK4", physics(zero: ["c"], other: ["vx": 2], integrator: "rk4", drag)),
    ("drag, explicit Euler", physics(zero: ["c"], other: ["vx": 2], integrator: "euler", drag)),
    (
      "gravity components",
      physics(
        zero: ["gx", "gy"], steps: 100,
        """
        world: { gravity: [$gx, $gy], drag: 0.1 }
        particles:
          - { id: ball, position: [0, 0], velocity: [1, 1] }
        objective:
          - position: { particles: ball, target: [1.5, 0.5] }
        """)
    ),
    (
      "pair strength",
      physics(
        zero: ["s"], steps: 100,
        """
        particles:
          - { id: a, position: [0, 0], velocity: [0.3, 0] }
          - { id: b, position: [0.5, 0.1] }
        potentials:
          - { kind: inverse-distance, between: [a, b], strength: $s }
        world: { gravity: [0, 0] }
        objective:
          - distance: { between: [a, b], target: 1 }
        """)
    ),
    (
      "positions and velocities",
      physics(
        zero: ["x", "y", "vx", "vy"], other: ["k": 30],
        """
        particles:
          - { id: anchor, position: [0.5, 0.5], pinned: true }
          - { id: bob, position: [$x, $y], velocity: [$vx, $vy] }
        springs:
          - { between: [anchor, bob], stiffness: $k, rest: 0.5, damping: 0.2 }
        objective:
          - position: { particles: bob, target: [0.8, 0.2] }
        """)
    ),
    (
      "momentum",
      training(zero: ["mu"], optimizer: "{ method: momentum, rate: $rate, momentum: $mu }")
    ),
    (
      "Nesterov momentum",
      training(zero: ["mu"], optimizer: "{ method: nesterov, rate: $rate, momentum: $mu }")
    ),
    (
      "weight decay",
      training(zero: ["wd"], optimizer: "{ method: sgd, rate: $rate, weight-decay: $wd }")
    ),
    (
      "Adam's first moment",
      training(zero: ["b1"], optimizer: "{ method: adam, rate: $rate, beta1: $b1 }")
    ),
    (
      "Adam's weight decay",
      training(zero: ["wd"], optimizer: "{ method: adam, rate: $rate, weight-decay: $wd }")
    ),
    (
      Self.betaTwo,
      training(
        zero: ["b2"], optimizer: "{ method: adam, rate: $rate, beta2: $b2, epsilon: 0.01 }")
    ),
  ]

  /// A training scene: a small tanh network on a synthetic task (so that
  /// every hyperparameter matters), the optimizer's parameters in `zero` at 0.
  static func training(zero: [String], optimizer: String) -> String {
    let zeros = zero.map { "  \($0): { value: 0, tune: true }" }.joined(separator: "\n")
    return """
      kind: training
      name: zero
      parameters:
        rate: { value: 0.05, tune: true }
      \(zeros)
      model: { layers: [2, 6, 1], activation: tanh, seed: 3 }
      data: { synthetic: sine-product, train: 32, validation: 32, seed: 2 }
      loss: mse
      optimizer: \(optimizer)
      training: { steps: 15, batch: full }
      objective: validation-loss
      """
  }

  @Test(arguments: cases.map(\.0))
  func derivativeAtZeroMatchesCentralDifferences(quantity: String) throws {
    let text = Self.cases.first { $0.0 == quantity }!.1
    let scene = try SceneFile.parse(text, fileName: "zero.yaml")
    if scene.simulation != nil {
      try compare(try #require(scene.simulation), scene, quantity)
    } else {
      try compare(try #require(scene.training), scene, quantity)
    }
  }

  func compare<Process: SteppedProcess>(
    _ process: Process, _ scene: SceneDescription, _ quantity: String
  ) throws {
    let tuned = scene.tunedParameterList
    let indices = tuned.map(\.index)
    let parameters = scene.parameterVector
    #expect(tuned.contains { parameters[$0.index] == 0 }, "\(quantity): no parameter at 0")
    let (loss, forward) = try process.lossWithGradient(parameters: parameters, tuned: indices)
    let difference =
      quantity == Self.betaTwo
      ? try oneSidedDifferences(process, parameters: parameters, tuned: indices)
      : try process.finiteDifferenceGradient(parameters: parameters, tuned: indices).gradient
    let (_, reverse, _) = try process.reverseGradient(parameters: parameters, tuned: indices)
    for (k, parameter) in tuned.enumerated() {
      let label = "\(quantity): ∂loss/∂\(parameter.name) at \(parameters[parameter.index])"
      // The derivatives at 0 are not small here: a zero one would mean the
      // term was skipped (the bug this guards against), whatever the routes say.
      #expect(abs(difference[k]) > 1e-6 * max(abs(loss), 1e-3), "\(label) is \(difference[k])")
      let scale = max(abs(difference[k]), 1e-9)
      #expect(
        abs(forward[k] - difference[k]) <= 1e-5 * scale,
        "\(label): forward \(forward[k]), central differences \(difference[k])")
      #expect(
        abs(reverse[k] - forward[k]) <= 1e-9 * max(abs(forward[k]), 1e-12),
        "\(label): reverse \(reverse[k]), forward \(forward[k])")
    }
  }

  /// Second-order forward differences, (−3·L(p) + 4·L(p + h) − L(p + 2h)) / 2h,
  /// of 1e-8 (at 1e-7 the truncation error is still 2e-5 relative here).
  func oneSidedDifferences<Process: SteppedProcess>(
    _ process: Process, parameters: [Double], tuned: [Int]
  ) throws -> [Double] {
    let base = try process.loss(parameters: parameters)
    return try tuned.map { index in
      let h = 1e-8
      var (once, twice) = (parameters, parameters)
      once[index] += h
      twice[index] += 2 * h
      let (l1, l2) = (try process.loss(parameters: once), try process.loss(parameters: twice))
      return (-3 * base + 4 * l1 - l2) / (2 * h)
    }
  }
}
