import Foundation
import TandemFiles

/// Numbered PNG frames in one folder: `frame-00000.png`, `frame-00001.png`, …
///
/// ```swift
/// let frames = FrameSequence(directory: URL(fileURLWithPath: "output/bounce"))
/// try FrameSequence.createDirectory(at: frames.directory)
/// for step in 0..<steps { try frames.write(canvas(for: step), frame: step) }
/// // ffmpeg -i output/bounce/frame-%05d.png …   (frames.ffmpegPattern)
/// ```
public struct FrameSequence: Hashable, Sendable {
  /// The folder the frames are written to. It must exist before writing.
  public let directory: URL
  /// The file name before the number, `"frame"` by default.
  public let prefix: String
  /// How many digits the zero-padded frame number has.
  public let digits: Int

  /// Describes frames named `<prefix>-<number>.png` in `directory`.
  public init(directory: URL, prefix: String = "frame", digits: Int = 5) {
    self.directory = directory
    self.prefix = prefix
    self.digits = max(digits, 1)
  }

  /// The file name of frame `index`, e.g. `frame-00042.png`.
  public func fileName(forFrame index: Int) -> String {
    let number = String(index)
    let padding = String(repeating: "0", count: max(digits - number.count, 0))
    return "\(prefix)-\(padding)\(number).png"
  }

  /// The location of frame `index`.
  public func url(forFrame index: Int) -> URL {
    directory.appendingPathComponent(fileName(forFrame: index))
  }

  /// The printf-style pattern matching every frame, for ffmpeg's `-i`.
  public var ffmpegPattern: String {
    directory.appendingPathComponent("\(prefix)-%0\(digits)d.png").path
  }

  /// Writes `canvas` atomically as frame `index` and returns its location.
  ///
  /// - Throws: ``RenderError`` as ``Canvas/writePNG(to:)``.
  @discardableResult
  public func write(_ canvas: Canvas, frame index: Int) throws -> URL {
    let url = url(forFrame: index)
    try canvas.writePNG(to: url)
    return url
  }

  /// Creates the folder at `url` and any missing parents; succeeds if it
  /// already exists. Rendering never creates folders except through this call.
  ///
  /// - Throws: ``FileError/directoryCreationFailed(path:reason:)``.
  public static func createDirectory(at url: URL) throws {
    do {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    } catch {
      throw FileError.directoryCreationFailed(path: url.path, reason: error.localizedDescription)
    }
  }
}
