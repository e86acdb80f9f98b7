import Foundation
import Testing
import TandemFiles
import TandemRender

@Suite struct PNGTests {
  /// A canvas with opaque, translucent and transparent pixels.
  func sampleCanvas() -> Canvas {
    var canvas = Canvas(width: 37, height: 23, background: .clear)
    canvas.fillRect(PixelRect(x: 0, y: 0, width: 20, height: 23), color: Color(hex: 0x336699))
    canvas.fillDisc(center: Point(25, 11), radius: 8, color: Color.red.withAlpha(0.6))
    canvas.drawLine(from: Point(0, 0), to: Point(37, 23), color: .green, width: 2)
    return canvas
  }

  func files(in folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func fileRoundTripKeepsEveryByte() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let canvas = sampleCanvas()
    let url = folder.appendingPathComponent("frame-00001.png")
    try canvas.writePNG(to: url)
    let image = try PNGImage.read(from: url)
    #expect(image.width == 37 && image.height == 23)
    #expect(image.rgba == canvas.rgba)
    #expect(image.pixel(atX: 25, y: 11) == canvas.pixel(atX: 25, y: 11))
    #expect(Canvas(image).rgba == canvas.rgba)
  }

  @Test func memoryRoundTripKeepsEveryByte() throws {
    let canvas = sampleCanvas()
    let data = try canvas.pngData()
    #expect(Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
    let image = try PNGImage(pngData: data)
    #expect(image.rgba == canvas.rgba)
  }

  @Test func atomicWriteLeavesOnlyTheDestination() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("plot.png")
    try sampleCanvas().writePNG(to: url)
    // Overwriting replaces the file in place, still with no leftovers.
    let second = Canvas(width: 5, height: 4, background: .black)
    try second.writePNG(to: url)
    #expect(try files(in: folder) == ["plot.png"])
    #expect(try PNGImage.read(from: url).width == 5)
  }

  @Test func missingFolderThrowsAndCreatesNothing() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let url = folder.appendingPathComponent("missing/frame.png")
    #expect {
      try sampleCanvas().writePNG(to: url)
    } throws: { error in
      guard case FileError.writingFailed(let path, let reason)? = error as? FileError
      else { return false }
      return path == url.path && reason.contains("No such file or directory")
    }
    #expect(try files(in: folder).isEmpty)
    let message = FileError.writingFailed(path: url.path, reason: "No such file").description
    #expect(message.contains(url.path) && message.contains("No such file"))
  }

  @Test func unreplaceableDestinationThrowsAndRemovesTheTemporary() throws {
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // A non-empty folder where the file should go: rename(2) cannot replace it.
    let url = folder.appendingPathComponent("frame.png")
    try FileManager.default.createDirectory(
      at: url.appendingPathComponent("inside"), withIntermediateDirectories: true)
    #expect {
      try sampleCanvas().writePNG(to: url)
    } throws: { error in
      guard case FileError.replacingFailed(let path, _)? = error as? FileError else {
        return false
      }
      return path == url.path
    }
    #expect(try files(in: folder) == ["frame.png"])
    var isFolder: ObjCBool = false
    #expect(
      FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue
    )
  }

  @Test func readingGarbageOrMissingFilesThrows() throws {
    #expect(throws: RenderError.self) { try PNGImage(pngData: Data([1, 2, 3, 4, 5, 6, 7, 8, 9])) }
    let folder = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("nope.png")
    #expect {
      try PNGImage.read(from: missing)
    } throws: { error in
      guard case RenderError.decodingFailed(let path, _)? = error as? RenderError else {
        return false
      }
      return path == missing.path
    }
  }

  @Test func frameSequenceNamesWritesAndCreatesItsFolderOnlyWhenAsked() throws {
    let root = try makeTemporaryFolder()
    defer { try? FileManager.default.removeItem(at: root) }
    let frames = FrameSequence(directory: root.appendingPathComponent("run/frames"))
    #expect(frames.fileName(forFrame: 42) == "frame-00042.png")
    #expect(frames.ffmpegPattern.hasSuffix("run/frames/frame-%05d.png"))
    #expect(throws: FileError.self) { try frames.write(Canvas(width: 2, height: 2), frame: 0) }
    try FrameSequence.createDirectory(at: frames.directory)
    let url = try frames.write(Canvas(width: 2, height: 2), frame: 7)
    #expect(url.lastPathComponent == "frame-00007.png")
    #expect(try PNGImage.read(from: url).width == 2)
  }
}
