import Foundation
import Tandem
import TandemTestSupport

/// Scenes, recordings and residuals shared by the fitting tests: the data
/// are made by the engine (`tandem run --record`'s own writer) or by a
/// hand-written simulator, in a temporary folder.
enum FitFixtures {
  /// A fresh temporary folder (the caller removes it).
  static func folder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-fit-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// A bob on a damped spring from a pinned anchor, under gravity:
  /// stiffness `k`, dashpot `c`, mass `m` (`tuned` marks which are tuned, on
  /// a log scale), semi-implicit Euler with dt 0.01 for 400 steps, and an
  /// `observations` term reading `observed.csv` beside the scene (`extra`
  /// goes into the parameters' block).
  static func oscillator(
    k: Double = 40, c: Double = 0.8, m: Double = 0.5, tuned: Set<String> = ["k", "c"],
    damping: Bool = true, extra: String = "", steps: Int = 400
  ) -> String {
    func parameter(_ name: String, _ value: Double) -> String {
      tuned.contains(name)
        ? "\(name): { value: \(value), tune: true, min: 1.0e-6, scale: log }" : "\(name): \(value)"
    }
    return """
      parameters:
        \(parameter("k", k))
        \(parameter("c", c))
        \(parameter("m", m))
      \(extra)
      world: { gravity: [0, -9.81] }
      particles:
        - { id: anchor, position: [0, 0], pinned: true }
        - { id: bob, position: [0.9, -0.2], mass: $m }
      springs:
        - { between: [anchor, bob], stiffness: $k, \(damping ? "damping: $c, " : "")rest: 0.7 }
      simulation: { integrator: semi-implicit-euler, dt: 0.01, steps: \(steps) }
      objective:
        - observations: { data: observed.csv }
      tune: { method: levenberg-marquardt, iterations: 40 }
      """
  }

  /// The oscillator simulated by hand, independently of the engine:
  /// F = −k(ℓ − L)n̂ − c(v·n̂)n̂ from the anchor at the origin, a = F/m + g,
  /// v ← v + dt·a, x ← x + dt·v. Returns the CSV of the bob's positions
  /// every `every` steps.
  static func handSimulatedOscillator(k: Double, c: Double, m: Double, every: Int) -> String {
    var (x, y, vx, vy) = (0.9, -0.2, 0.0, 0.0)
    let (rest, dt, g) = (0.7, 0.01, -9.81)
    func row(_ t: Double, _ x: Double, _ y: Double) -> String {
      String(format: "%.17g,bob,%.17g,%.17g", t, x, y)
    }
    var lines = ["t,particle,x,y", row(0, x, y)]
    for step in 1...400 {
      let length = (x * x + y * y).squareRoot()
      let (nx, ny) = (x / length, y / length)
      let along = -k * (length - rest) - c * (vx * nx + vy * ny)
      vx += dt * (along * nx / m)
      vy += dt * (along * ny / m + g)
      x += dt * vx
      y += dt * vy
      if step % every == 0 { lines.append(row(Double(step) * dt, x, y)) }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The CSV `tandem run --record` writes for `scene` (parsed from `text`
  /// without its observations) with `values` set.
  static func recording(
    _ text: String, setting values: [String: Double], every: Int, velocities: Bool = false
  ) throws -> String {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let plain = text.replacingOccurrences(of: "- observations: { data: observed.csv }", with: "")
      .replacingOccurrences(of: "objective:\n", with: "")
    var run = SceneRun(scene: try SceneFile.parse(plain, fileName: "plain.yaml", setting: values))
    run.writesFrames = false
    let file = folder.appendingPathComponent("motion.csv")
    run.recording = (file, MotionRecording(every: every, velocities: velocities))
    _ = try run.simulate()
    return try String(contentsOf: file, encoding: .utf8)
  }

  /// `csv` with Gaussian noise of standard deviation `fraction` × the RMS
  /// of its coordinates added to every position (seeded).
  static func noisy(_ csv: String, fraction: Double, seed: UInt64) -> String {
    var lines = csv.split(separator: "\n").map(String.init)
    let rows = lines.dropFirst().map { $0.split(separator: ",").map(String.init) }
    let coordinates = rows.flatMap { [Double($0[2])!, Double($0[3])!] }
    let rms = (coordinates.reduce(0) { $0 + $1 * $1 } / Double(coordinates.count)).squareRoot()
    var generator = SplitMix64(seed: seed)
    for (i, fields) in rows.enumerated() {
      var moved = fields
      for column in [2, 3] {
        moved[column] = String(Double(fields[column])! + fraction * rms * generator.normal())
      }
      lines[i + 1] = moved.joined(separator: ",")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The scene `text` with `csv` as its `observed.csv`, parsed from a
  /// temporary folder (removed after `body`).
  static func withScene<R>(
    _ text: String, csv: String, setting values: [String: Double] = [:],
    _ body: (SceneDescription) throws -> R
  ) throws -> R {
    let folder = try folder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try csv.write(
      to: folder.appendingPathComponent("observed.csv"), atomically: true, encoding: .utf8)
    let scene = try SceneFile.parse(
      text, fileName: "fit.yaml", directory: folder, setting: values)
    return try body(scene)
  }

  /// The residuals of a plain run of `process` at `parameters`.
  static func residuals(_ process: SimulationDescription, _ parameters: [Double]) throws -> [Double]
  {
    var run = Simulation(process, parameters: parameters)
    precondition(run.keepResiduals())
    try run.run()
    return run.residuals()
  }
}
