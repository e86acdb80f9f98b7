import Yams

/// Writing tuned values back into a scene's own text, for `tuned.yaml`.
extension SceneFile {
  /// The scene text with the given parameters' values replaced where they
  /// are written, and nothing else changed: comments, key order, flow or block
  /// style and spacing stay as they were.
  ///
  /// Both forms are rewritten: `k: 400` and the `value` of
  /// `k: { value: 400, tune: true }` (in flow or block style). Values are
  /// written as short as they round-trip (`412.5`, `1.0e-05`, `400`).
  ///
  /// - Parameters:
  ///   - text: The scene's YAML text, as read from its file.
  ///   - values: New values by parameter name (without `$`).
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
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      let path = ScenePath("parameters").appending(name)
      guard let entry = entries[name] else {
        throw SceneError(
          file: fileName, path: path,
          message: "cannot write `\(name)`: the scene defines no parameter of that name",
          suggestion: NearestName.suggestion(for: name, among: names, listing: "defined parameters")
        )
      }
      let target = entry.mapping.map { $0["value"] } ?? entry
      let node = SceneNode(target ?? entry, path: path, context: context)
      guard let target, case .scalar(let scalar) = target, node.isPlainScalar,
        let mark = scalar.mark,
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
      replacements.append((start, end - start, SceneNumberFormat.string(value)))
    }
    var result = scalars
    for replacement in replacements.sorted(by: { $0.offset > $1.offset }) {
      result.replaceSubrange(
        replacement.offset..<(replacement.offset + replacement.length),
        with: Array(replacement.text.unicodeScalars))
    }
    return String(String.UnicodeScalarView(result))
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
