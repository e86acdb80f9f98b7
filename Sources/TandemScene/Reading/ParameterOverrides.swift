import Foundation

/// Overriding parameter values, as `--set name=value` does.
extension SceneDecoder {
  /// `parameters` with the given values replaced.
  ///
  /// A value outside the parameter's `min`/`max` is an error: bounds are part
  /// of what the file says about the parameter. The value rules are checked
  /// afterwards, so `--set dt=0` fails just as `dt: 0` in the file would.
  ///
  /// - Throws: ``SceneError`` for a name the scene does not define (with the
  ///   nearest defined name), or a value outside the parameter's bounds.
  func setting(_ values: [String: Double], in parameters: [SceneParameter]) throws
    -> [SceneParameter]
  {
    var parameters = parameters
    let sourceMap = context.sourceMap
    for (name, value) in values.sorted(by: { $0.key < $1.key }) {
      guard let index = parameters.firstIndex(where: { $0.name == name }) else {
        throw SceneError(
          file: sourceMap.file,
          message: "cannot set `\(name)`: the scene defines no parameter of that name",
          suggestion: NearestName.suggestion(
            for: name, among: parameters.map(\.name), listing: "defined parameters")
            ?? "the scene defines no parameters")
      }
      parameters[index].value = value
      if let problem = parameters[index].problem {
        throw sourceMap.locating(
          SceneError(
            path: ScenePath("parameters").appending(name),
            message: "cannot set `\(name)`: " + problem))
      }
    }
    return parameters
  }
}

extension SceneDescription {
  /// Reads `--set` arguments of the form `name=value` into a dictionary.
  ///
  /// - Throws: ``SceneError`` for text without `=`, a malformed name, a value
  ///   that is not a finite number, or the same name twice.
  public static func parameterAssignments(_ arguments: [String]) throws -> [String: Double] {
    var values: [String: Double] = [:]
    for argument in arguments {
      guard let equals = argument.firstIndex(of: "=") else {
        throw SceneError(
          message: "`\(argument)` is not an assignment",
          suggestion: "write `name=value`, such as `k=500`")
      }
      let name = String(argument[..<equals]).trimmingCharacters(in: .whitespaces)
      let text = String(argument[argument.index(after: equals)...]).trimmingCharacters(
        in: .whitespaces)
      let bareName = name.hasPrefix("$") ? String(name.dropFirst()) : name
      guard SceneParameter.isValidName(bareName) else {
        throw SceneError(message: "`\(name)` in `\(argument)` is not a parameter name")
      }
      guard let value = Double(text), value.isFinite else {
        throw SceneError(message: "`\(text)` in `\(argument)` is not a finite number")
      }
      guard values.updateValue(value, forKey: bareName) == nil else {
        throw SceneError(message: "`\(bareName)` is set twice")
      }
    }
    return values
  }
}
