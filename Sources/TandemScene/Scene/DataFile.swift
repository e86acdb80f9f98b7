import Foundation

/// The CSV file a training scene reads: the path as written and where it leads.
public struct DataFile: Hashable, Sendable {
  /// The path as written in the scene, relative to the scene file's folder unless absolute.
  public var path: String
  /// The path resolved against the scene file's folder (or the current folder
  /// for a scene parsed from text without one).
  public var url: URL

  /// A file from its path as written and its resolved location.
  public init(path: String, url: URL) {
    self.path = path
    self.url = url
  }
}
