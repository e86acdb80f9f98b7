import Foundation
import Tandem
import Testing

/// Example scenes run end to end at a small size, as `tandem run` runs them.
@Suite struct FrameWriterTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-frames-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  @Test(arguments: ExampleScenes.physicsScenes)
  func exampleSceneWritesReadableFrames(name: String) throws {
    let scene = try ExampleScenes.load(name)
    var simulation = try #require(scene.simulation)
    simulation = simulation.shortened(
      to: 60, dt: simulation.timeStep.value(in: scene.parameterVector))
    let trajectory = try Trajectory.record(simulation, parameters: scene.parameterVector, every: 20)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let drawing = SceneDrawing(
      simulation, parameters: scene.parameterVector, size: PixelSize(width: 160, height: 120))
    let count = try FrameWriter(directory: folder, trails: true).write(
      trajectory, drawing: drawing, title: name)
    #expect(count == trajectory.samples.count)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == (1...count).map { String(format: "frame-%05d.png", $0) })
    let image = try PNGImage.read(from: folder.appendingPathComponent(names[0]))
    #expect(image.width == 160 && image.height == 120)
    // Something besides the background was drawn.
    let background = image.pixel(atX: 0, y: image.height - 1)
    let drawn = (0..<image.height).contains { y in
      (0..<image.width).contains { x in image.pixel(atX: x, y: y) != background }
    }
    #expect(drawn)
  }

  /// Re-running with fewer frames removes the extra old frames and nothing else.
  @Test func rerunRemovesOnlyStaleFramesOfTheScene() throws {
    let scene = try ExampleScenes.load("projectile")
    let simulation = try #require(scene.simulation)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let other = folder.appendingPathComponent("notes.txt")
    try Data("keep me".utf8).write(to: other)
    let drawing = SceneDrawing(
      simulation, parameters: scene.parameterVector, size: PixelSize(width: 64, height: 48))
    let writer = FrameWriter(directory: folder, trails: false)
    let long = try Trajectory.record(simulation, parameters: scene.parameterVector, every: 5)
    let short = try Trajectory.record(simulation, parameters: scene.parameterVector, every: 50)
    let many = try writer.write(long, drawing: drawing, title: "p")
    let few = try writer.write(short, drawing: drawing, title: "p")
    #expect(many > few)
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    #expect(names.filter { $0.hasSuffix(".png") }.count == few)
    #expect(names.contains("notes.txt"))
    #expect(!names.contains { $0.contains(".tmp") })
  }
}
