import Foundation
import Tandem
import Testing

/// Output is whole or absent, and nothing outside the output folder is touched.
@Suite struct OutputSafetyTests {
  func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent(
      "tandem-safety-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  func names(_ folder: URL) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
  }

  @Test func aSymlinkPlantedAtTheDestinationIsReplacedNotFollowed() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let outside = folder.appendingPathComponent("outside.txt")
    try Data("precious".utf8).write(to: outside)
    let scene = folder.appendingPathComponent("scene")
    try FileManager.default.createDirectory(at: scene, withIntermediateDirectories: true)
    // The old writer used a predictable temporary name and followed links;
    // plant links at that name and at the destination itself.
    for name in [".frame-00001.png.tmp-\(getpid())", "frame-00001.png"] {
      try FileManager.default.createSymbolicLink(
        at: scene.appendingPathComponent(name), withDestinationURL: outside)
    }
    try Canvas(width: 4, height: 4).writePNG(to: scene.appendingPathComponent("frame-00001.png"))
    #expect(try String(contentsOf: outside, encoding: .utf8) == "precious")
    let written = scene.appendingPathComponent("frame-00001.png")
    #expect(try PNGImage.read(from: written).width == 4)
    let attributes = try FileManager.default.attributesOfItem(atPath: written.path)
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
  }

  @Test func aFailedWriteLeavesNothing() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = folder.appendingPathComponent("no-such-folder/frame.png")
    #expect {
      try AtomicFile.write(Data("x".utf8), to: missing)
    } throws: { error in
      "\(error)".contains(missing.path) && "\(error)".contains("No such file or directory")
    }
    #expect(try names(folder).isEmpty)
  }

  @Test func aSymlinkedSceneFolderIsRefused() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let elsewhere = folder.appendingPathComponent("elsewhere")
    try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
    try Data().write(to: elsewhere.appendingPathComponent("frame-00099.png"))
    let link = folder.appendingPathComponent("scene")
    try FileManager.default.createSymbolicLink(at: link, withDestinationURL: elsewhere)
    #expect {
      _ = try OutputFolder(link)
    } throws: { "\($0)".contains("is a symbolic link") }
    #expect(try names(elsewhere) == ["frame-00099.png"])
  }

  @Test func oneProcessAtATimeHoldsAFolder() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    do {
      let first = try OutputFolder(folder)
      #expect {
        _ = try OutputFolder(folder)
      } throws: { "\($0)".contains("another tandem process is writing into \(folder.path)") }
      withExtendedLifetime(first) {}
    }
    // Released with the first holder.
    #expect(throws: Never.self) { _ = try OutputFolder(folder) }
  }

  @Test func leftoversOfACrashedRunAreRemovedAndNothingElse() throws {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let leftovers = [".tandem-tmp-abc123", ".frame-00004.png.tmp-4242"]
    for name in leftovers + ["tuned.yaml", "frame-00001.png"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent(".tandem-frames-XyZ123/"), withIntermediateDirectories: true
    )
    _ = try OutputFolder(folder)
    #expect(try names(folder) == [".tandem-lock", "frame-00001.png", "tuned.yaml"])
  }

  @Test func framesPast99999AreNamedAndCleanedUp() throws {
    let scene = try ExampleScenes.load("projectile")
    let simulation = try #require(scene.simulation)
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    // An earlier run's frames, five and six digits wide, and a file that is not a frame.
    for name in ["frame-00009.png", "frame-123456.png", "frame-7.png", "notes.txt"] {
      try Data().write(to: folder.appendingPathComponent(name))
    }
    let drawing = SceneDrawing(
      simulation, parameters: scene.parameterVector, size: PixelSize(width: 32, height: 24))
    let short = try Trajectory.record(simulation, parameters: scene.parameterVector, every: 100)
    let count = try FrameWriter(directory: folder, trails: false).write(
      short, drawing: drawing, title: "p")
    let frames = (1...count).map { String(format: "frame-%05d.png", $0) }
    // `frame-7.png` has fewer than five digits: not a name the writer ever used.
    #expect(try names(folder) == (frames + ["frame-7.png", "notes.txt"]).sorted())
  }
}
