import Foundation
import Tandem

/// The example scenes under scenes/, found from this file's location so
/// tests run from any working directory.
enum ExampleScenes {
  static let folder = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("scenes")

  static func url(_ name: String) -> URL { folder.appendingPathComponent("\(name).yaml") }

  static func load(_ name: String) throws -> SceneDescription { try SceneFile.load(url(name)) }

  /// Every scene in the folder, by name.
  static var all: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.map { String($0.dropLast(5)) }.sorted()
  }

  /// Every physics scene in the folder, by name.
  static var physicsScenes: [String] { all.filter { (try? load($0))?.simulation != nil } }
}
