import Foundation
import TandemAD
import TandemPhysics
import TandemScene
import TandemTraining

/// The problems of the benchmark specification (`shared/bench/SPEC.md`),
/// built the way a user builds them: B1 and B3 as scene files read by
/// TandemScene (the text of `scenes/bench-cloth.yaml` and
/// `scenes/bench-cloth-3d.yaml` with the size and the number of steps filled
/// in), B2 as a ``TrainingDescription`` of TandemTraining.
public enum BenchmarkProblems {
  /// The scene text of B1 for an `n × n` cloth run for `steps` steps. At the
  /// defaults (16, 1000) it describes the same simulation as
  /// `scenes/bench-cloth.yaml` (a test checks it).
  public static func clothSceneText(n: Int = 16, steps: Int = 1000) -> String {
    let target = -Double(n - 1) * 0.1 - 0.5
    return """
      name: bench-cloth
      description: Benchmark B1, the hanging cloth (\(n)×\(n), \(steps) steps).
      parameters:
        k: { value: 400, tune: true, min: 1, scale: log }
        c: { value: 0.5, tune: true, min: 0 }
        dt: { value: 0.002, tune: true, min: 1.0e-5, max: 0.01 }
      world:
        gravity: [0, -9.81]
        drag: $c
      grids:
        - { id: cloth, rows: \(n), columns: \(n), origin: [0, 0], spacing: 0.1, mass: 1,
            stiffness: $k, shear: true, pinned: [[0, 0], [0, \(n - 1)]] }
      simulation:
        integrator: semi-implicit-euler
        dt: $dt
        steps: \(steps)
      objective:
        - coordinate: { particles: "cloth[\(n - 1),*]", axis: y, target: \(target) }

      """
  }

  /// B1 as a scene builds it: the simulation and the parameter vector
  /// [k, c, dt] in the scene's order.
  public static func cloth(n: Int = 16, steps: Int = 1000) throws -> (
    description: SimulationDescription, parameters: [Double], names: [String]
  ) {
    try simulation(clothSceneText(n: n, steps: steps), fileName: "bench-cloth.yaml")
  }

  /// The scene text of B4: B1 with one stiffness per spring (a vector
  /// parameter of 930 entries for n = 16, in the grid's spring order), then
  /// c and dt. At the defaults (16, 1000) it describes the same simulation
  /// as `scenes/bench-cloth-springs.yaml` (a test checks it).
  public static func clothSpringsSceneText(n: Int = 16, steps: Int = 1000) -> String {
    let springs = 2 * n * (n - 1) + 2 * (n - 1) * (n - 1)
    return clothSceneText(n: n, steps: steps)
      .replacingOccurrences(of: "name: bench-cloth\n", with: "name: bench-cloth-springs\n")
      .replacingOccurrences(
        of: "Benchmark B1, the hanging cloth (", with: "Benchmark B4, one stiffness per spring ("
      )
      .replacingOccurrences(
        of: "k: { value: 400, tune: true, min: 1, scale: log }",
        with: "k: { value: 400, count: \(springs), tune: true, min: 1, scale: log }")
  }

  /// B4 as a scene builds it: the simulation and the parameter vector
  /// [k_0 … k_{S−1}, c, dt] in the scene's order.
  public static func clothSprings(n: Int = 16, steps: Int = 1000) throws -> (
    description: SimulationDescription, parameters: [Double], names: [String]
  ) {
    try simulation(clothSpringsSceneText(n: n, steps: steps), fileName: "bench-cloth-springs.yaml")
  }

  /// The scene text of B3, the cloth hanging in 3-D, for an `n × n` sheet run
  /// for `steps` steps. At the defaults (16, 1000) it describes the same
  /// simulation as `scenes/bench-cloth-3d.yaml` (a test checks it).
  public static func cloth3DSceneText(n: Int = 16, steps: Int = 1000) -> String {
    let target = -Double(n - 1) * 0.1 - 0.5
    return """
      name: bench-cloth-3d
      description: Benchmark B3, the cloth hanging in 3-D (\(n)×\(n), \(steps) steps).
      parameters:
        k:  { value: 400, tune: true, min: 1, scale: log }
        kb: { value: 40, tune: true, min: 0.1, scale: log }
        c:  { value: 0.5, tune: true, min: 0 }
        dt: { value: 0.002, tune: true, min: 1.0e-5, max: 0.01 }
      world: { gravity: [0, -9.81, 0], drag: $c }
      grids:
        - { id: cloth, rows: \(n), columns: \(n), origin: [0, 0, 0], column-step: [0.1, 0, 0],
            row-step: [0, 0, 0.1], mass: 1, stiffness: $k, shear: true, bending: $kb,
            pinned: [[0, 0], [0, -1]] }
      simulation: { integrator: semi-implicit-euler, dt: $dt, steps: \(steps) }
      objective:
        - coordinate: { particles: "cloth[-1,*]", axis: y, target: \(target) }

      """
  }

  /// B3 as a scene builds it: the simulation and the parameter vector
  /// [k, kb, c, dt] in the scene's order.
  public static func cloth3D(n: Int = 16, steps: Int = 1000) throws -> (
    description: SimulationDescription, parameters: [Double], names: [String]
  ) {
    try simulation(cloth3DSceneText(n: n, steps: steps), fileName: "bench-cloth-3d.yaml")
  }

  /// A physics scene's simulation, parameter vector and parameter names, read from `text`.
  static func simulation(_ text: String, fileName: String) throws -> (
    description: SimulationDescription, parameters: [Double], names: [String]
  ) {
    let scene = try SceneFile.parse(text, fileName: fileName)
    return (scene.simulation!, scene.parameterVector, scene.entryNames)
  }

  /// B2: heavy-ball momentum on the sine-product regression, an MLP
  /// [2, hidden, 1] with tanh and the specification's initial weights,
  /// full-batch, validation loss; parameters [rate, momentum].
  public static func training(samples: Int = 1024, hidden: Int = 64, steps: Int = 500)
    -> TrainingDescription
  {
    let data = SyntheticDataset.sineProduct.generate(training: samples, validation: samples)
    let model = ModelDescription(
      widths: [2, hidden, 1], activation: .tanh, initialisation: .benchmarkB2)
    return TrainingDescription(
      problem: .supervised(SupervisedProblem(model: model, data: data, loss: .meanSquaredError)),
      optimizer: OptimizerDescription(
        method: .momentum, rate: .parameter(0), momentum: .parameter(1)),
      steps: steps, batch: .full, objective: .validationLoss)
  }

  /// B2's default hyperparameters, [rate, momentum].
  public static let trainingParameters: [Double] = [0.05, 0.9]
}
