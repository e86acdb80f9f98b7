import TandemFiles
/// A problem in a scene file, said so that a person can fix it: where it is
/// (file, line, column), which key (`grids[0].pinned[1]`), what is wrong, and
/// when possible what was probably meant.
///
/// Its ``description`` reads
/// `cloth.yaml:12:7: grids[0].stifness: unknown key `stifness` (did you mean `stiffness`?)`.
/// Loading stops at the first problem, in the order the file is read; see
/// `docs/scenes.md` for that order.
public struct SceneError: Error, Hashable, Sendable {
  /// The file's name as given to the parser (`cloth.yaml`), or `nil`.
  public var file: String?
  /// Where in the file, or `nil` when the problem has no single place (a
  /// value set with `--set`, a scene built in code).
  public var location: SourceLocation?
  /// The key path of the offending value, such as `grids[0].pinned[1]`; empty
  /// for the document as a whole.
  public var path: ScenePath
  /// What is wrong, without the location.
  public var message: String
  /// What was probably meant, or what would be valid (`did you mean `stiffness`?`).
  public var suggestion: String?

  /// An error with every field given.
  public init(
    file: String? = nil, location: SourceLocation? = nil, path: ScenePath = ScenePath(),
    message: String, suggestion: String? = nil
  ) {
    self.file = file
    self.location = location
    self.path = path
    self.message = message
    self.suggestion = suggestion
  }
}

extension SceneError: CustomStringConvertible {
  /// `file:line:column: key.path: message (suggestion)`, leaving out the parts
  /// that are unknown.
  public var description: String {
    var place = file ?? ""
    if let location {
      place += (place.isEmpty ? "" : ":") + "\(location.line):\(location.column)"
    }
    var text = place.isEmpty ? "" : place + ": "
    if !path.isEmpty { text += "\(path): " }
    text += message
    if let suggestion { text += " (\(suggestion))" }
    return text
  }
}

/// The path from the document's root to a value: keys and list indices, as in
/// `grids[0].pinned[1]`.
public struct ScenePath: Hashable, Sendable, CustomStringConvertible,
  ExpressibleByStringLiteral
{
  /// One step of a path.
  public enum Component: Hashable, Sendable {
    /// A key of a mapping.
    case key(String)
    /// A position in a list, from 0.
    case index(Int)
  }

  /// The steps from the root.
  public var components: [Component]

  /// A path from its steps; the root when empty.
  public init(_ components: [Component] = []) { self.components = components }

  /// A path written as text, such as `"grids[0].pinned"` (keys may not contain `.` or `[`).
  public init(stringLiteral text: String) {
    var components: [Component] = []
    for part in text.split(separator: ".") {
      var rest = Substring(part)
      if let bracket = rest.firstIndex(of: "[") {
        components.append(.key(String(rest[..<bracket])))
        rest = rest[bracket...]
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
          components.append(.index(Int(rest[rest.index(after: rest.startIndex)..<close]) ?? 0))
          rest = rest[rest.index(after: close)...]
        }
      } else {
        components.append(.key(String(rest)))
      }
    }
    self.components = components
  }

  /// Whether this is the root.
  public var isEmpty: Bool { components.isEmpty }

  /// The path one key deeper.
  public func appending(_ key: String) -> ScenePath { ScenePath(components + [.key(key)]) }

  /// The path one list position deeper.
  public func appending(_ index: Int) -> ScenePath { ScenePath(components + [.index(index)]) }

  /// `grids[0].pinned[1]`.
  public var description: String {
    var text = ""
    for component in components {
      switch component {
      case .key(let key): text += (text.isEmpty ? "" : ".") + key
      case .index(let index): text += "[\(index)]"
      }
    }
    return text
  }
}
