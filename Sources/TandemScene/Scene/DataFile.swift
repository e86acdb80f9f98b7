import Foundation

/// A CSV file a scene reads (a training scene's examples, recorded motion):
/// the path as written, where it leads, and the key that names it.
public struct DataFile: Hashable, Sendable {
  /// The path as written in the scene, relative to the scene file's folder unless absolute.
  public var path: String
  /// The path resolved against the scene file's folder (or the current folder
  /// for a scene parsed from text without one).
  public var url: URL
  /// The key the path is written at (`data.csv`, `objective[2].observations.data`).
  public var key: ScenePath

  /// A file from its path as written, its resolved location and its key.
  public init(path: String, url: URL, key: ScenePath = "data.csv") {
    self.path = path
    self.url = url
    self.key = key
  }

  /// The file `path` names, relative to `directory` unless absolute, written at `key`.
  init(path: String, in directory: URL, key: ScenePath) {
    let url =
      (path.hasPrefix("/")
      ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)).standardizedFileURL
    self.init(path: path, url: url, key: key)
  }
}
