import Foundation
import TandemRender

/// Writes a trajectory as numbered PNG frames into one folder.
///
/// Each frame is written atomically (a temporary file, then a rename), so an
/// interrupted run leaves no broken PNG. Frames left from an earlier, longer
/// run of the same scene are removed afterwards; nothing else in the folder,
/// and nothing outside it, is touched.
public struct FrameWriter {
  /// The folder the frames go to.
  public let directory: URL
  /// Whether to draw fading trails behind the particles.
  public var trails: Bool

  /// Creates a writer for `directory` (created if missing).
  public init(directory: URL, trails: Bool) {
    self.directory = directory
    self.trails = trails
  }

  /// Draws and writes every sample of `trajectory`; returns the number of
  /// frames written.
  @discardableResult
  public func write(
    _ trajectory: Trajectory, drawing: SceneDrawing, title: String,
    progress: (Int, Int) -> Void = { _, _ in }
  ) throws -> Int {
    try FrameSequence.createDirectory(at: directory)
    let sequence = FrameSequence(directory: directory)
    let positions = trajectory.samples.flatMap { sample in
      sample.xs.indices.map { Point(sample.xs[$0], sample.ys[$0]) }
    }
    let camera = drawing.camera(fitting: positions)
    let trailed = trails ? drawing.trailedParticles : []
    var paths = [[Point]](repeating: [], count: trailed.count)
    let backdrop = drawing.backdrop(camera: camera)
    for (index, sample) in trajectory.samples.enumerated() {
      var canvas = backdrop
      if !trailed.isEmpty {
        for (k, i) in trailed.enumerated() { paths[k].append(Point(sample.xs[i], sample.ys[i])) }
        drawing.drawTrails(paths, on: &canvas, camera: camera)
      }
      drawing.draw(sample.xs, sample.ys, on: &canvas, camera: camera)
      drawing.drawCaption(
        "\(title)   t = \(String(format: "%.3f", sample.time)) s   step \(sample.step)", on: &canvas
      )
      _ = try sequence.write(canvas, frame: index + 1)
      progress(index + 1, trajectory.samples.count)
    }
    try removeStaleFrames(after: trajectory.samples.count, in: sequence)
    return trajectory.samples.count
  }

  /// Removes `frame-NNNNN.png` files numbered above `count`.
  func removeStaleFrames(after count: Int, in sequence: FrameSequence) throws {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where name.hasPrefix(sequence.prefix + "-") && name.hasSuffix(".png") {
      let digits = name.dropFirst(sequence.prefix.count + 1).dropLast(4)
      guard digits.count == sequence.digits, let number = Int(digits), number > count else {
        continue
      }
      try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }
}
