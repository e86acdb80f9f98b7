import Foundation
import TandemFiles
import Yams

/// Reads scene files.
///
/// Loading stops at the first problem and throws it as a ``SceneError``.
/// Problems are found in this order: YAML syntax; the top-level keys and
/// `kind`; `parameters` (each checked against its bounds); the remaining
/// sections, each in full, in the order physics `world`, `particles`,
/// `springs`, `potentials`, `grids`, `chains`, `simulation`, `objective`
/// (training: `problem` or `model`, `data`, `loss`, then `optimizer`,
/// `training`, `objective`), then `tune` and `render` — unknown keys, wrong
/// types, missing keys and undefined `$name`s; then `--set` overrides
/// (unknown names, values outside a parameter's bounds); then value ranges at
/// the parameter values (positive masses and `dt`, …); then, for physics,
/// particle ids and selectors, and for training, the data (generated, or read
/// from the CSV file) and whether they fit the model and the loss.
public enum SceneFile {
  /// Reads and checks the scene file at `url`, with `overrides` replacing
  /// parameter values (as `--set name=value` does; see
  /// ``SceneDescription/parameterAssignments(_:)``).
  ///
  /// The scene's default name is the file name without its extension, and
  /// CSV paths in it are relative to its folder.
  public static func load(
    _ url: URL, setting overrides: [String: Double] = [:], limits: SceneLimits = SceneLimits()
  ) throws -> SceneDescription {
    try parse(
      text(of: url), fileName: url.lastPathComponent, directory: url.deletingLastPathComponent(),
      setting: overrides, limits: limits)
  }

  /// The text of the scene file at `url`, for ``parse(_:fileName:directory:setting:limits:)``
  /// (``load(_:setting:limits:)`` reads it so; a sweep reads it once for all its tasks).
  ///
  /// - Throws: ``SceneError`` naming the file, and the place of bytes that
  ///   are not UTF-8, when it cannot be read as text.
  public static func text(of url: URL) throws -> String {
    do {
      return try TextFile.read(url)
    } catch {
      throw SceneError(
        file: url.path, location: error.location,
        message: "cannot read the scene file: \(error.reason)")
    }
  }

  /// Reads and checks a scene from its text.
  ///
  /// - Parameters:
  ///   - text: The YAML text.
  ///   - fileName: The name used in messages and for the default scene name
  ///     (`cloth.yaml` gives `cloth`); `nil` gives the name `scene`.
  ///   - directory: The folder relative paths are resolved against; default
  ///     the current folder.
  ///   - overrides: Parameter values replacing the file's, checked as if written there.
  ///   - limits: The most the scene may ask for (``SceneLimits``), checked before any work.
  public static func parse(
    _ text: String, fileName: String? = nil, directory: URL? = nil,
    setting overrides: [String: Double] = [:], limits: SceneLimits = SceneLimits()
  ) throws -> SceneDescription {
    let root = try compose(text, fileName: fileName, limits: limits)
    let context = DecodingContext(file: fileName, limits: limits)
    let directory =
      directory ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    let decoder = SceneDecoder(
      context: context, defaultName: defaultName(for: fileName), directory: directory)
    return try decoder.decode(root, setting: overrides)
  }

  /// The YAML document of `text`, or its syntax error as a ``SceneError``.
  /// A text whose aliases expand past `limits.yamlNodes` nodes is refused
  /// before it is composed.
  static func compose(_ text: String, fileName: String?, limits: SceneLimits = SceneLimits())
    throws -> Node
  {
    do {
      try YAMLExpansion.check(text, limit: limits.yamlNodes)
    } catch let tooLarge as YAMLExpansion.TooLarge {
      var error = limits.exceeded("yaml-nodes", "YAML nodes after expanding aliases", count: nil)
      error.message =
        "the YAML expands to more than \(SceneLimits.grouped(limits.yamlNodes)) nodes once its aliases (`*name`) are replaced"
      error.file = fileName
      error.location = SourceLocation(line: tooLarge.line, column: tooLarge.column)
      throw error
    }
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw sceneError(for: error, fileName: fileName)
    }
    guard let root else {
      throw SceneError(
        file: fileName, location: SourceLocation(line: 1, column: 1),
        message: "the scene file is empty")
    }
    return root
  }

  static func defaultName(for fileName: String?) -> String {
    guard let fileName, !fileName.isEmpty else { return "scene" }
    let base = (fileName as NSString).lastPathComponent
    let stem = (base as NSString).deletingPathExtension
    return stem.isEmpty ? base : stem
  }

  /// A YAML error told as a scene error: Yams' line and column, libyaml's problem.
  static func sceneError(for error: YamlError, fileName: String?) -> SceneError {
    func located(
      _ mark: Mark, _ message: String, _ context: YamlError.Context? = nil, yaml: String
    ) -> SceneError {
      var message = "YAML syntax error: " + message
      if let context {
        message += " (\(context.text) at \(context.mark.line):\(context.mark.column))"
      }
      // `$k[3]` inside `{ … }` or `[ … ]`: brackets end a plain value there.
      let line =
        yaml.split(separator: "\n", omittingEmptySubsequences: false)
        .dropFirst(max(mark.line - 1, 0)).first ?? ""
      let entryReference =
        line.contains { $0 == "$" } && line.contains("[") && line.contains("{")
        && line.firstMatch(of: /\$[A-Za-z_][A-Za-z0-9_]*\[/) != nil
      return SceneError(
        file: fileName, location: SourceLocation(line: mark.line, column: mark.column),
        message: message,
        suggestion: entryReference
          ? "inside `{ … }` or `[ … ]`, write an entry reference in quotes: `\"$k[3]\"`"
          : "check the indentation and the brackets near this place")
    }
    switch error {
    case .scanner(let context, let problem, let mark, let yaml),
      .parser(let context, let problem, let mark, let yaml),
      .composer(let context, let problem, let mark, let yaml):
      return located(mark, problem, context, yaml: yaml)
    case .reader(let problem, let offset, let value, let yaml):
      // libyaml's reader rejects control characters, before any token: say
      // which one and where, without echoing it (it may garble a terminal).
      let location = offset.flatMap { SourceLocation(ofByte: $0, in: yaml[...]) }
      let character = String(format: "U+%04X", Int(max(value, 0)))
      let isControl = problem.contains("control characters")
      return SceneError(
        file: fileName, location: location,
        message: isControl
          ? "the control character \(character) is not allowed in a scene file"
          : "cannot read the YAML: \(problem) (\(character))",
        suggestion: isControl ? "delete it, or write it as an escape inside double quotes" : nil)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
      return SceneError(
        file: fileName,
        location: SourceLocation(line: context.mark.line, column: context.mark.column),
        message: "duplicate key \(keys) in one mapping", suggestion: "keep one of them")
    default:
      return SceneError(file: fileName, message: "cannot read the YAML: \(error)")
    }
  }
}
