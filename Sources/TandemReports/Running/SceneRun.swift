import Foundation
import TandemFiles
import TandemPhysics
import TandemRender
import TandemScene
import TandemTraining

/// Runs a scene once on plain numbers, as `tandem run` does, and writes what
/// it writes: a physics scene's trajectory and its frames, a training
/// scene's loss curves and `training-loss.png`.
public struct SceneRun {
  /// The scene, with any `--set` values applied.
  public let scene: SceneDescription
  /// A frame every this many steps, overriding the scene's `render.every`.
  public var every: Int?
  /// The frame size, overriding the scene's `render.size`.
  public var size: PixelSize?
  /// Whether the run's frames will be written: when not (`--no-render`),
  /// ``simulate(progress:)`` keeps only the first and the last state.
  public var writesFrames = true
  /// Where to write the motion as CSV (`--record`), and how.
  public var recording: (file: URL, format: MotionRecording)?

  /// A run of `scene`.
  public init(scene: SceneDescription) {
    self.scene = scene
  }

  /// Steps between frames: ``every``, else the scene's.
  public var resolvedEvery: Int { every ?? scene.render.every }

  /// The frame size: ``size``, else the scene's.
  public var resolvedSize: PixelSize {
    size ?? PixelSize(width: scene.render.width, height: scene.render.height)
  }

  // MARK: Physics

  /// What one simulation of the scene gave.
  public struct Simulated {
    /// The engine's description of the scene.
    public var simulation: SimulationDescription
    /// Where the particles came from (ids, grids, chains).
    public var layout: ParticleLayout
    /// The states sampled every ``SceneRun/resolvedEvery`` steps, and the end.
    public var trajectory: Trajectory
  }

  /// Simulates the scene once on `Double`; `progress` hears the steps taken.
  /// - Precondition: the scene is a physics scene.
  public func simulate(progress: (Int) -> Void = { _ in }) throws -> Simulated {
    guard case .simulation(let simulation, let layout) = scene.process else {
      preconditionFailure("\(scene.name) is a training scene: train(progress:) runs it")
    }
    let every: Int
    if writesFrames {
      every = resolvedEvery
      // Checked before the first step: a frame every `every` steps, the first and the last.
      try scene.limits.checkFrames(
        steps: simulation.steps, every: every, particles: simulation.system.particles.count,
        file: scene.sourceMap.file)
    } else {
      // Only the start and the end are kept, so memory stays flat however long the run.
      every = Int.max
    }
    guard let (file, format) = recording else {
      let trajectory = try Trajectory.record(
        simulation, parameters: scene.parameterVector, every: every, progress: progress)
      return Simulated(simulation: simulation, layout: layout, trajectory: trajectory)
    }
    // Written whole or not at all: a failed run leaves an earlier recording as it was.
    var trajectory: Trajectory?
    try AtomicFile.write(to: file) { descriptor in
      var writer = DescriptorWriter(descriptor: descriptor, url: file)
      try writer.write(format.header(dimension: simulation.system.dimension) + "\n")
      trajectory = try Trajectory.record(
        simulation, parameters: scene.parameterVector, every: every, progress: progress
      ) { run in
        if format.records(afterSteps: run.stepsTaken) {
          try writer.write(format.rows(of: run, ids: layout.ids))
        }
      }
      try writer.flush()
    }
    return Simulated(simulation: simulation, layout: layout, trajectory: trajectory!)
  }

  /// Writes the frames of `simulated` into `folder` (atomically, one PNG
  /// each); `progress` hears the frames written. Returns how many.
  public func writeFrames(
    _ simulated: Simulated, to folder: URL, progress: (Int) -> Void = { _ in }
  ) throws -> Int {
    let drawing = SceneDrawing(
      simulated.simulation, parameters: scene.parameterVector, size: resolvedSize,
      render: scene.render)
    return try FrameWriter(directory: folder, trails: scene.render.trails)
      .write(simulated.trajectory, drawing: drawing, title: scene.name) { done, _ in progress(done)
      }
  }

  // MARK: Training

  /// Trains once on `Double`; `progress` hears the steps taken.
  /// - Precondition: the scene is a training scene.
  public func train(progress: (Int) -> Void = { _ in }) throws -> TrainingCurve {
    guard case .training(let training) = scene.process else {
      preconditionFailure("\(scene.name) is a physics scene: simulate(progress:) runs it")
    }
    return try TrainingCurve.record(
      training, parameters: scene.parameterVector, progress: progress)
  }

  /// The name of the plot ``writeLossPlot(_:to:)`` writes: not `loss.png`,
  /// which is `tandem tune`'s loss per iteration, so a run after a tune into
  /// the same folder does not replace that with a different plot.
  public static let lossPlotName = "training-loss.png"

  /// Writes ``lossPlotName`` (training and validation loss against the
  /// step) into `folder`.
  public func writeLossPlot(_ curve: TrainingCurve, to folder: URL) throws {
    try FrameSequence.createDirectory(at: folder)
    try TrainingPlots.loss(curve, title: scene.name).render(
      size: PixelSize(width: 900, height: 600)
    )
    .writePNG(to: folder.appendingPathComponent(Self.lossPlotName))
  }
}
