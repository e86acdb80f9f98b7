import ArgumentParser
import Foundation
import Tandem

/// `tandem run`: simulate a scene once on plain numbers and write its frames.
struct RunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract:
      "Simulate a scene and write its frames as PNG images, or train a training scene once.",
    discussion: """
      Simulates on plain Double numbers (no derivatives) and writes DIR/<scene name>/frame-00001.png, \
      frame-00002.png, … The frames are written whole or not at all: they are drawn into a hidden \
      staging folder and moved into place when every one is written, so an interrupted or failed \
      run leaves the previous frames as they were. One process at a time writes into a scene's \
      folder; a second is refused. A scene folder that is a symbolic link is refused. \
      Prints a summary: steps, simulated time, the end-state loss if the scene has an objective, \
      frames written and wall time.

      --record FILE.csv also writes the motion as CSV: the header t,particle,x,y (,z in 3-D; \
      ,vx,vy(,vz) with --record-velocities), then one row per particle for the initial state and \
      every K-th step (--record-every K), t the simulated time and particle the id. It is the \
      format an objective's `observations:` term reads, to fit a scene to recorded motion. The \
      file is written whole or not at all, where the path says (relative to the current folder).

      A training scene (kind: training) is trained once on Double numbers and writes \
      DIR/<scene name>/training-loss.png (training and validation loss against the step; f(w) for a \
      quadratic). Prints the steps, the objective, the final training and validation losses, the \
      accuracy for classification and the wall time.
      """
  )

  @OptionGroup var sceneOptions: SceneOptions
  @OptionGroup var output: OutputOptions

  @Option(help: "Write a frame every K steps (default: the scene's render.every).")
  var every: Int?

  @Option(
    help: ArgumentHelp("Frame size in pixels (default: the scene's render.size).", valueName: "WxH")
  )
  var size: String?

  @Flag(
    help: "Simulate (or train) and print the summary without writing frames (or training-loss.png)."
  )
  var noRender = false

  @Option(help: ArgumentHelp("Write the motion as CSV to this file.", valueName: "FILE.csv"))
  var record: String?

  @Option(help: ArgumentHelp("Record every K steps (with --record).", valueName: "K"))
  var recordEvery = 1

  @Flag(help: "Record the velocities too (with --record).")
  var recordVelocities = false

  @Flag(help: "Print the summary as one JSON object on standard output.")
  var json = false

  func validate() throws {
    if let every, every < 1 { throw ValidationError("--every must be at least 1, not \(every).") }
    if recordEvery < 1 {
      throw ValidationError("--record-every must be at least 1, not \(recordEvery).")
    }
    if record == nil && (recordEvery != 1 || recordVelocities) {
      throw ValidationError("--record-every and --record-velocities go with --record FILE.csv.")
    }
    if let record, record.isEmpty || record.hasSuffix("/") {
      throw ValidationError("--record needs a file name, such as motion.csv, not '\(record)'.")
    }
    if let size, parseSize(size) == nil {
      throw ValidationError(
        "--size must look like 800x600 (width x height, each 16 to 8192), not '\(size)'.")
    }
  }

  func run() throws {
    let scene = try sceneOptions.load()
    var run = SceneRun(scene: scene)
    run.every = every
    run.size = size.flatMap(parseSize)
    run.writesFrames = !noRender
    if case .training(let description) = run.scene.process {
      if record != nil {
        throw ValidationError(
          "--record writes a simulation's motion; \(scene.name) is a training scene.")
      }
      return try train(run, description)
    }
    if let record {
      run.recording = (
        URL(fileURLWithPath: record),
        MotionRecording(every: recordEvery, velocities: recordVelocities)
      )
    }
    let folder = output.folder(for: scene.name)
    // Held from before the first step (see OutputFolder).
    let held = noRender ? nil : try OutputFolder(folder)
    let clock = ContinuousClock()
    let start = clock.now

    var bar = ProgressBar(
      "simulating", total: run.scene.process.stepCount,
      enabled: !json && isatty(STDERR_FILENO) != 0)
    let simulated = try run.simulate { bar.update($0) }
    bar.finish()
    let (simulation, trajectory) = (
      simulated.simulation, simulated.trajectory
    )

    var frames = 0
    if let held {
      var frameBar = ProgressBar(
        "drawing", total: trajectory.samples.count, enabled: !json && isatty(STDERR_FILENO) != 0)
      frames = try run.writeFrames(simulated, to: held.url) { frameBar.update($0) }
      frameBar.finish()
    }
    let seconds = (clock.now - start).seconds
    let hasObjective = simulation.hasObjective

    if json {
      print(
        jsonText(
          RunReport(
            scene: scene, simulated: simulated, frames: frames,
            output: noRender ? nil : folder.path)))
      return
    }
    print(
      "scene      \(scene.name)  (\(simulation.system.particles.count) particles, \(simulation.system.springs.count) springs, \(simulation.integrator.rawValue))"
    )
    print(
      "steps      \(trajectory.steps)\(trajectory.stoppedEarly ? " (stopped early by the scene's stop condition)" : "")"
    )
    print("time       \(String(format: "%.6g", trajectory.time)) s simulated")
    if hasObjective { print("loss       \(String(format: "%.12g", trajectory.loss))") }
    print("frames     \(noRender ? "none (--no-render)" : "\(frames) in \(folder.path)/")")
    if let record {
      let rows = (trajectory.steps / recordEvery + 1) * simulation.system.particles.count
      print(
        "recorded   \(rows) rows (every \(recordEvery) step\(recordEvery == 1 ? "" : "s")) in \(record)"
      )
    }
    print("wall time  \(String(format: "%.3f", seconds)) s")
  }
}

/// Parses `800x600` into a pixel size (each side 16 to 8192).
func parseSize(_ text: String) -> PixelSize? {
  let parts = text.lowercased().split(separator: "x")
  guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
    (16...8192).contains(width), (16...8192).contains(height)
  else { return nil }
  return PixelSize(width: width, height: height)
}

extension Duration {
  /// The duration in seconds.
  var seconds: Double {
    let (whole, fraction) = components
    return Double(whole) + Double(fraction) * 1e-18
  }
}
