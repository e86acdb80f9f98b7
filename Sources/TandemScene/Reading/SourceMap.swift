import TandemFiles
/// Where each key path of a scene was written in its file, for messages
/// that point at the place.
public struct SourceMap: Sendable {
  /// The file's name as given to the parser (`cloth.yaml`), if any.
  public var file: String?
  /// The location of each key path's value.
  public var locations: [ScenePath: SourceLocation]

  /// A map from its entries.
  public init(file: String? = nil, _ locations: [ScenePath: SourceLocation] = [:]) {
    self.file = file
    self.locations = locations
  }

  /// The location of `path`'s value, if known.
  public subscript(path: ScenePath) -> SourceLocation? {
    get { locations[path] }
    set { locations[path] = newValue }
  }

  /// `error` with the file name and, when it has none, the location of its
  /// path or of the nearest enclosing path that has one.
  public func locating(_ error: SceneError) -> SceneError {
    var error = error
    if error.file == nil { error.file = file }
    var path = error.path
    while error.location == nil {
      error.location = locations[path]
      if path.isEmpty { break }
      path.components.removeLast()
    }
    return error
  }
}
