import TandemAD
import TandemFiles
import TandemProcess
import Yams

/// What the reader knows while it walks one file: the file's name, where each
/// key path was written, the parameters that `$name` may refer to, and the
/// rules the values read must satisfy.
final class DecodingContext {
  var sourceMap: SourceMap
  /// The parameters `$name` may refer to, once `parameters:` has been read.
  var parameters: [SceneParameter] = [] {
    didSet {
      offsets = [:]
      var next = 0
      for parameter in parameters {
        offsets[parameter.name] = next
        next += parameter.count
      }
      entryNames = parameters.flatMap(\.entryNames)
    }
  }
  /// Where each parameter's first entry is in the parameter vector.
  private(set) var offsets: [String: Int] = [:]
  /// The name of every entry of the parameter vector (`k`, `k[3]`).
  private(set) var entryNames: [String] = []
  /// The rules on values read so far, checked once the whole file is read.
  var rules: [ValueRule] = []
  /// The most the scene may ask for.
  let limits: SceneLimits
  /// Running totals against the limits that add up over a file (particles, springs).
  var totals: [String: Int] = [:]
  /// The first vector read: its number of components, which every other
  /// vector of the scene must share (the scene's dimension), and where it is.
  var firstVector: (components: Int, path: ScenePath, location: SourceLocation?)?

  /// The scene's dimension: that of its vectors, 2 when it has none.
  var dimension: Int { firstVector?.components ?? 2 }

  init(file: String?, limits: SceneLimits = SceneLimits()) {
    sourceMap = SourceMap(file: file)
    self.limits = limits
  }

  /// Adds `count` (`nil` when counting it overflowed) to the running total of
  /// the limit `name`, failing at `node` when the total passes the limit.
  func add(_ count: Int?, toLimit name: String, counting what: String, at node: SceneNode) throws {
    let total = SceneLimits.sum(totals[name, default: 0], count)
    try check(total, againstLimit: name, counting: what, at: node)
    totals[name] = total
  }

  /// Fails at `node` when `value` (`nil` when counting it overflowed) passes the limit `name`.
  func check(_ value: Int?, againstLimit name: String, counting what: String, at node: SceneNode)
    throws
  {
    guard let value, value <= limits[name] else {
      throw node.locating(limits.exceeded(name, what, count: value))
    }
  }
}

/// A YAML node together with its key path, for reading typed values with
/// errors that say where they are.
struct SceneNode {
  let node: Node
  let path: ScenePath
  let context: DecodingContext

  init(_ node: Node, path: ScenePath, context: DecodingContext) {
    self.node = node
    self.path = path
    self.context = context
    if let location { context.sourceMap[path] = location }
  }

  var location: SourceLocation? {
    node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
  }

  /// An error at this node.
  func error(_ message: String, suggestion: String? = nil, path: ScenePath? = nil) -> SceneError {
    SceneError(
      file: context.sourceMap.file, location: location, path: path ?? self.path, message: message,
      suggestion: suggestion)
  }

  /// `error` (thrown by a helper without a location) placed at this node.
  func locating(_ error: SceneError) -> SceneError {
    var error = error
    error.file = context.sourceMap.file
    error.location = error.location ?? location
    if error.path.isEmpty { error.path = path }
    return error
  }

  /// How the node looks, for "expected …, found …" messages.
  var found: String {
    switch node {
    case .scalar(let scalar):
      let text = MessageText.quotable(scalar.string)
      if scalar.style == .plain || scalar.style == .any {
        return scalar.string.isEmpty || node.null != nil ? "nothing" : "`\(text)`"
      }
      return "the string \"\(text)\""
    case .mapping: return "a mapping"
    case .sequence: return "a list"
    case .alias: return "an alias"
    }
  }

  /// Whether the node is an unquoted scalar (so `400` is a number, `"400"` a string).
  var isPlainScalar: Bool {
    guard case .scalar(let scalar) = node else { return false }
    return scalar.style == .plain || scalar.style == .any
  }

  /// The node as a mapping whose keys are all among `keys`.
  ///
  /// - Parameter misplaced: Keys that belong elsewhere, with the advice to give for each.
  func mapping(allowing keys: [String], misplaced: [String: String] = [:]) throws -> SceneMapping {
    guard case .mapping(let mapping) = node else {
      throw error(
        "expected a mapping with keys such as \(keys.prefix(3).map { "`\($0)`" }.joined(separator: ", ")), found \(found)"
      )
    }
    var entries: [(String, SceneNode)] = []
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        throw SceneNode(key, path: path, context: context).error(
          "a key must be a plain word, found \(SceneNode(key, path: path, context: context).found)")
      }
      let name = scalar.string
      guard keys.contains(name) else {
        let keyNode = SceneNode(key, path: path.appending(name), context: context)
        if let advice = misplaced[name] {
          throw keyNode.error("`\(name)` is not valid here", suggestion: advice)
        }
        throw keyNode.error(
          "unknown key `\(name)`",
          suggestion: NearestName.suggestion(for: name, among: keys, listing: "valid keys"))
      }
      entries.append((name, SceneNode(value, path: path.appending(name), context: context)))
    }
    return SceneMapping(node: self, entries: entries)
  }

  /// The node as a list.
  func list() throws -> [SceneNode] {
    guard case .sequence(let sequence) = node else {
      throw error("expected a list, found \(found)")
    }
    return sequence.enumerated().map { SceneNode($1, path: path.appending($0), context: context) }
  }

  /// The node as a list of exactly `count` items.
  func list(count: Int, meaning: String) throws -> [SceneNode] {
    let items = try list()
    guard items.count == count else {
      throw error("expected \(meaning), found a list of \(items.count)")
    }
    return items
  }
}

/// The keys of one mapping, already checked against the valid keys.
struct SceneMapping {
  let node: SceneNode
  let entries: [(key: String, value: SceneNode)]

  /// The value of `key`, if present.
  subscript(key: String) -> SceneNode? { entries.first { $0.key == key }?.value }

  /// Whether `key` is present.
  func has(_ key: String) -> Bool { self[key] != nil }

  /// The value of `key`, or an error at the mapping naming the missing key.
  func required(_ key: String, meaning: String? = nil) throws -> SceneNode {
    guard let value = self[key] else {
      throw node.error(
        "missing required key `\(key)`" + (meaning.map { " (\($0))" } ?? ""))
    }
    return value
  }

  /// `read` applied to the value of `key`, or `nil` when it is absent.
  func optional<T>(_ key: String, _ read: (SceneNode) throws -> T) throws -> T? {
    try self[key].map(read)
  }
}
