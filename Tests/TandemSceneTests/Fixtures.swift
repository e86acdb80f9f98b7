import Foundation
import TandemScene

/// Scene texts shared by the tests.
enum Fixtures {
  /// The full example of the scene-file issue, with the particles it refers
  /// to (`a`, `b`, `probe`, `charge`) added to `particles:`.
  static let fullPhysicsExample = """
    name: cloth                      # optional, defaults to the file name
    description: A net hanging from two corners.
    parameters:                      # named numbers, referenced elsewhere as $name
      k:  { value: 400, tune: true, min: 1, scale: log }
      c:  0.5                        # a plain number is a fixed parameter
      dt: { value: 0.002, tune: true, min: 1.0e-5, max: 0.01 }
    world:
      gravity: [0, -9.81]            # default
      drag: $c                       # default 0
      ground: { height: -3, stiffness: 20000, damping: 10 }    # optional
    particles:
      - { id: ball, position: [0, 0], velocity: [4, 5], mass: 1, pinned: false }
      - { id: a, position: [3, 0] }
      - { id: b, position: [3, -1.5], mass: 2 }
      - { id: probe, position: [-1, 2] }
      - { id: charge, position: [-1, 0], pinned: true }
    springs:
      - { between: [a, b], stiffness: 100, rest: 1.0, damping: 0.5 }   # rest defaults to the initial distance
    potentials:
      - { kind: inverse-distance, between: [probe, charge], strength: 1 }
    grids:                           # a rectangular net: ids cloth[r,c]; row 0 at the top, rows go down
      - { id: cloth, rows: 16, columns: 16, origin: [0, 0], spacing: 0.1, mass: 1,   # mass of each particle
          stiffness: $k, shear: true, pinned: [[0, 0], [0, 15]] }   # structural springs, plus both diagonals when shear
    chains:                          # a rope: ids rope[0] .. rope[segments]
      - { id: rope, from: [0, 0], to: [2, 0], segments: 10, mass: 0.1, stiffness: 300, pinned: [0] }   # mass of each particle
    simulation:
      integrator: semi-implicit-euler
      dt: $dt
      steps: 1000
      stop: { particle: probe, axis: y, below: 0 }   # optional early stop, see below
    objective:                       # the end-state loss: a weighted sum of terms
      - coordinate: { particles: "cloth[15,*]", axis: y, target: -2.0 }   # mean of (y - target)^2
      - position: { particles: ball, target: [6, 0.5] }                   # mean of squared distance
      - distance: { between: [a, b], target: 1.0 }                        # (|xa - xb| - target)^2
      - kinetic-energy: {}                                                # sum of ½·m·|v|^2
        weight: 0.1                  # every term takes an optional weight (default 1)
    render: { size: [800, 600], every: 10, view: [-1, -4, 3, 1], trails: true }   # view optional: auto-fit
    """

  /// The training example of the training-loop issue, as written there.
  static let trainingExample = """
    kind: training
    parameters:
      rate:     { value: 0.05, tune: true, min: 1.0e-5, scale: log }
      momentum: { value: 0.9, tune: true, min: 0, max: 0.999 }
    model: { layers: [2, 64, 1], activation: tanh, seed: 1 }
    data: { synthetic: sine-product, train: 1024, validation: 1024, seed: 1 }   # or { csv: file.csv, target: label, validation: 0.2 }
    loss: mse
    optimizer: { method: momentum, rate: $rate, momentum: $momentum }
    # other keys: beta1, beta2, epsilon (adam), weight-decay, decay (exponential learning-rate decay per step)
    training: { steps: 500, batch: full }            # or a batch size with a seeded shuffle
    objective: validation-loss                       # or training-loss
    tune: { method: adam, iterations: 30, rate: 0.05, horizon: full }
    """

  /// The smallest valid physics scene with a parameter, to break in error tests.
  static func minimal(_ body: String = "") -> String {
    """
    parameters:
      k: 100
      dt: 0.01
    particles:
      - { id: ball, position: [0, 0], mass: 1 }
      - { id: anchor, position: [0, 1], pinned: true }
    springs:
      - { between: [anchor, ball], stiffness: $k }
    simulation: { integrator: euler, dt: $dt, steps: 10 }
    \(body)
    """
  }

  /// The folder of the repository's example scenes.
  static var scenesDirectory: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("scenes")
  }

  /// The error that parsing `text` as `test.yaml` throws, or `nil`.
  static func error(parsing text: String) -> SceneError? {
    do {
      // Relative to the example scenes, so `../data/iris.csv` is found.
      _ = try SceneFile.parse(text, fileName: "test.yaml", directory: scenesDirectory)
      return nil
    } catch let error as SceneError {
      return error
    } catch {
      return SceneError(message: "unexpected error type: \(error)")
    }
  }
}
