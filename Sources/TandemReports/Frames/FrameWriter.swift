import Foundation
import TandemFiles
import TandemRender

/// Writes a trajectory as numbered PNG frames into one folder, whole or not
/// at all.
///
/// The frames are drawn into a private staging folder inside the folder
/// (`mkdtemp`: an unpredictable name, created exclusively). Only when every
/// frame is written are they moved into place, with interrupts held off, and
/// the frames of an earlier, longer run removed. A run that fails or is
/// interrupted before that leaves the previous frames untouched; the staging
/// folder it leaves is removed by the next run (``OutputFolder``). Frames are
/// numbered with five digits, or more when there are more than 99,999.
/// Nothing else in the folder, and nothing outside it, is touched.
public struct FrameWriter {
  /// The prefix of the staging folders.
  public static let stagingPrefix = ".tandem-frames-"

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
    let count = trajectory.samples.count
    let staging = try makeStagingFolder()
    defer { try? FileManager.default.removeItem(at: staging) }
    let digits = max(5, String(count).count)
    let staged = FrameSequence(directory: staging, digits: digits)
    let view = drawing.view(fitting: trajectory.samples)
    let trailed = trails ? drawing.trailedParticles : []
    // One backdrop for every frame, unless the camera orbits.
    let backdrop = drawing.orbits ? nil : drawing.backdrop(view: view)
    for (index, sample) in trajectory.samples.enumerated() {
      let frameView = drawing.view(
        view, turnedBy: count > 1 ? Double(index) / Double(count - 1) : 0)
      var canvas = backdrop ?? drawing.backdrop(view: frameView)
      drawing.drawPaths(
        of: trailed, through: trajectory.samples[...index], on: &canvas, view: frameView)
      drawing.draw(sample.positions, on: &canvas, view: frameView)
      drawing.drawCaption(
        "\(title)   t = \(String(format: "%.3f", sample.time)) s   step \(sample.step)", on: &canvas
      )
      _ = try staged.write(canvas, frame: index + 1)
      progress(index + 1, count)
    }
    try withInterruptsHeld {
      try moveIntoPlace(count, from: staged)
    }
    return count
  }

  /// A new, empty staging folder inside ``directory``.
  func makeStagingFolder() throws -> URL {
    var template = Array(
      directory.appendingPathComponent(Self.stagingPrefix + "XXXXXX").path.utf8CString)
    guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
      throw FileError.directoryCreationFailed(
        path: directory.path, reason: String(cString: strerror(errno)))
    }
    return URL(fileURLWithPath: String(cString: made), isDirectory: true)
  }

  /// Moves the `count` staged frames over the folder's, then removes the
  /// folder's other frames (an earlier run's, numbered higher or with another
  /// number of digits).
  func moveIntoPlace(_ count: Int, from staged: FrameSequence) throws {
    let final = FrameSequence(directory: directory, digits: staged.digits)
    for frame in stride(from: 1, through: count, by: 1) {
      guard rename(staged.url(forFrame: frame).path, final.url(forFrame: frame).path) == 0 else {
        throw FileError.replacingFailed(
          path: final.url(forFrame: frame).path, reason: String(cString: strerror(errno)))
      }
    }
    let kept = Set(stride(from: 1, through: count, by: 1).map(final.fileName(forFrame:)))
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    for name in names where Self.isFrameName(name) && !kept.contains(name) {
      try FileManager.default.removeItem(at: directory.appendingPathComponent(name))
    }
  }

  /// Whether `name` is a frame's: `frame-` then five or more digits, then `.png`.
  static func isFrameName(_ name: String) -> Bool {
    guard name.hasPrefix("frame-"), name.hasSuffix(".png") else { return false }
    let digits = name.dropFirst(6).dropLast(4)
    return digits.count >= 5 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
  }
}

/// Runs `body` with SIGINT, SIGTERM and SIGHUP held until it returns, so that
/// an interrupt cannot stop it halfway; a held signal is delivered afterwards.
func withInterruptsHeld<T>(_ body: () throws -> T) rethrows -> T {
  var held = sigset_t()
  var previous = sigset_t()
  sigemptyset(&held)
  for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&held, signal) }
  pthread_sigmask(SIG_BLOCK, &held, &previous)
  defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
  return try body()
}
