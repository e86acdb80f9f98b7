import Yams

/// Writing tuned values back into a scene's own text, for `tuned.yaml`.
extension SceneFile {
  /// The scene text with the given parameters' values replaced where they
  /// are written, and nothing else changed: comments, key order, flow or block
  /// style and spacing stay as they were.
  ///
  /// Both forms are rewritten: `k: 400` and the `value` of
  /// `k: { value: 400, tune: true }` (in flow or block style). Values are
  /// written as short as they round-trip (`412.5`, `1.0e-05`, `400`). A
  /// vector parameter's entries (`k[3]`) are written as one flow list
  /// `value: [400, 412.5, …]` in place of its `value` (a number for every
  /// entry, or a flow list); entries not given keep their values.
  ///
  /// - Parameters:
  ///   - text: The scene's YAML text, as read from its file.
  ///   - values: New values by parameter name (without `$`), or by entry
  ///     name (`k[3]`) for a vector parameter.
  ///   - fileName: The name used in error messages.
  /// - Throws: ``SceneError`` for a YAML syntax error, a name the scene does
  ///   not define (with the nearest), or a value written in a form that
  ///   cannot be replaced in place (an alias, a quoted string).
  public static func rewritingParameters(
    in text: String, with values: [String: Double], fileName: String? = nil
  ) throws -> String {
    let root = try compose(text, fileName: fileName)
    let context = DecodingContext(file: fileName)
    let rootNode = SceneNode(root, path: ScenePath(), context: context)
    guard case .mapping(let top) = root, let parameters = top["parameters"],
      case .mapping(let entries) = parameters
    else {
      throw rootNode.error("the scene has no `parameters:` mapping to write values into")
    }
    let names = Array(entries.keys.compactMap(\.string))
    var replacements: [(offset: Int, length: Int, text: String)] = []
    let scalars = Array(text.unicodeScalars)
    let lineStarts = lineStartOffsets(of: scalars)
    var vectors: [String: [Int: Double]] = [:]
    var scalarValues: [String: Double] = [:]
    for (target, value) in values {
      let (name, entry) = SceneDescription.splitEntry(target)
      if let entry {
        vectors[name, default: [:]][entry] = value
      } else {
        scalarValues[name] = value
      }
    }
    func entry(named name: String, writing target: String) throws -> (Node, SceneNode) {
      let path = ScenePath("parameters").appending(name)
      guard let entry = entries[name] else {
        throw SceneError(
          file: fileName, path: path,
          message: "cannot write `\(target)`: the scene defines no parameter of that name",
          suggestion: NearestName.suggestion(for: name, among: names, listing: "defined parameters")
        )
      }
      let target = entry.mapping.map { $0["value"] } ?? entry
      return (target ?? entry, SceneNode(target ?? entry, path: path, context: context))
    }
    for (name, value) in scalarValues.sorted(by: { $0.key < $1.key }) {
      let (target, node) = try entry(named: name, writing: name)
      let span = try scalarSpan(
        of: target, node: node, name: name, scalars: scalars, lineStarts: lineStarts)
      replacements.append((span.lowerBound, span.count, SceneNumberFormat.string(value)))
    }
    for (name, given) in vectors.sorted(by: { $0.key < $1.key }) {
      let (target, node) = try entry(named: name, writing: "\(name)[…]")
      let count = entries[name]?.mapping?["count"]?.int
      var current: [Double]
      let span: Range<Int>
      if case .sequence(let sequence) = target {
        current = sequence.map { $0.float ?? .nan }
        span = try flowListSpan(
          of: target, node: node, name: name, scalars: scalars, lineStarts: lineStarts)
      } else {
        span = try scalarSpan(
          of: target, node: node, name: name, scalars: scalars, lineStarts: lineStarts)
        current = Array(repeating: target.float ?? .nan, count: count ?? 1)
      }
      for (i, value) in given {
        guard current.indices.contains(i) else {
          throw node.error("cannot write `\(name)[\(i)]`: `\(name)` has \(current.count) entries")
        }
        current[i] = value
      }
      let list = "[" + current.map(SceneNumberFormat.string).joined(separator: ", ") + "]"
      replacements.append((span.lowerBound, span.count, list))
    }
    var result = scalars
    for replacement in replacements.sorted(by: { $0.offset > $1.offset }) {
      result.replaceSubrange(
        replacement.offset..<(replacement.offset + replacement.length),
        with: Array(replacement.text.unicodeScalars))
    }
    return String(String.UnicodeScalarView(result))
  }

  /// Where a plain number is written, as offsets into `scalars`.
  private static func scalarSpan(
    of target: Node, node: SceneNode, name: String, scalars: [Unicode.Scalar], lineStarts: [Int]
  ) throws -> Range<Int> {
    guard case .scalar(let scalar) = target, node.isPlainScalar, let mark = scalar.mark,
      mark.line - 1 < lineStarts.count
    else {
      throw node.error("cannot write `\(name)` in place: its value is not a plain number")
    }
    let start = lineStarts[mark.line - 1] + mark.column - 1
    var end = start
    while end < scalars.count, !" \t\r\n,]}#".unicodeScalars.contains(scalars[end]) { end += 1 }
    let written = String(String.UnicodeScalarView(scalars[start..<end]))
    guard written == scalar.string else {
      throw node.error(
        "cannot write `\(name)` in place: found `\(written)` where `\(scalar.string)` was expected"
      )
    }
    return start..<end
  }

  /// Where a flow list `[…]` is written, brackets included, as offsets into `scalars`.
  private static func flowListSpan(
    of target: Node, node: SceneNode, name: String, scalars: [Unicode.Scalar], lineStarts: [Int]
  ) throws -> Range<Int> {
    guard case .sequence(let sequence) = target, let mark = sequence.mark,
      mark.line - 1 < lineStarts.count
    else {
      throw node.error("cannot write `\(name)` in place: its value is not a list")
    }
    let start = lineStarts[mark.line - 1] + mark.column - 1
    guard start < scalars.count, scalars[start] == "[" else {
      throw node.error(
        "cannot write `\(name)` in place: its list is written in block style",
        suggestion: "write the list in flow style, `value: [400, 410]`")
    }
    var end = start + 1
    while end < scalars.count, scalars[end] != "]" { end += 1 }
    guard end < scalars.count else {
      throw node.error("cannot write `\(name)` in place: its list has no closing `]`")
    }
    return start..<(end + 1)
  }

  /// The offset of the first scalar of each line, counting `\n`, `\r\n` and `\r`
  /// as line breaks, as YAML does.
  private static func lineStartOffsets(of scalars: [Unicode.Scalar]) -> [Int] {
    var starts = [0]
    var i = 0
    while i < scalars.count {
      if scalars[i] == "\r" {
        if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
        starts.append(i + 1)
      } else if scalars[i] == "\n" {
        starts.append(i + 1)
      }
      i += 1
    }
    return starts
  }
}
