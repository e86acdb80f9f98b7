import Foundation

/// Overriding parameter values, as `--set name=value` does.
extension SceneDecoder {
  /// `parameters` with the given values replaced: `k` sets a scalar
  /// parameter, or every entry of a vector parameter; `k[3]` one entry.
  ///
  /// A value outside the parameter's `min`/`max` is an error: bounds are part
  /// of what the file says about the parameter. The value rules are checked
  /// afterwards, so `--set dt=0` fails just as `dt: 0` in the file would.
  ///
  /// - Throws: ``SceneError`` for a name the scene does not define (with the
  ///   nearest defined name), an entry a parameter does not have, or a value
  ///   outside the parameter's bounds.
  func setting(_ values: [String: Double], in parameters: [SceneParameter]) throws
    -> [SceneParameter]
  {
    var parameters = parameters
    let sourceMap = context.sourceMap
    for (target, value) in values.sorted(by: { $0.key < $1.key }) {
      let (name, entry) = SceneDescription.splitEntry(target)
      guard let index = parameters.firstIndex(where: { $0.name == name }) else {
        throw SceneError(
          file: sourceMap.file,
          message: "cannot set `\(target)`: the scene defines no parameter of that name",
          suggestion: NearestName.suggestion(
            for: name, among: parameters.map(\.name), listing: "defined parameters")
            ?? "the scene defines no parameters")
      }
      let parameter = parameters[index]
      if let entry {
        guard parameter.isVector else {
          throw SceneError(
            file: sourceMap.file,
            message: "cannot set `\(target)`: `\(name)` is not a vector parameter",
            suggestion: "write `\(name)=\(SceneNumberFormat.string(value))`")
        }
        guard parameter.values.indices.contains(entry) else {
          throw SceneError(
            file: sourceMap.file,
            message: "cannot set `\(target)`: `\(name)` has entries 0 to \(parameter.count - 1)")
        }
        parameters[index].values[entry] = value
      } else {
        parameters[index].value = value
      }
      if let problem = parameters[index].problem {
        throw sourceMap.locating(
          SceneError(
            path: ScenePath("parameters").appending(name),
            message: "cannot set `\(target)`: " + problem))
      }
    }
    return parameters
  }
}

extension SceneDescription {
  /// Reads `--set` arguments of the form `name=value` (or `name[i]=value`,
  /// an entry of a vector parameter) into a dictionary keyed by `name` or `name[i]`.
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
      let (base, entry) = splitEntry(bareName)
      guard SceneParameter.isValidName(base), entry.map({ $0 >= 0 }) ?? !bareName.contains("[")
      else {
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

  /// `k[3]` as (`k`, 3); `k` as (`k`, nil). Text that is not a name with a
  /// whole-number entry comes back whole, with no entry.
  public static func splitEntry(_ text: String) -> (name: String, entry: Int?) {
    guard let open = text.firstIndex(of: "["), text.hasSuffix("]"),
      let entry = Int(text[text.index(after: open)..<text.index(before: text.endIndex)])
    else { return (text, nil) }
    return (String(text[..<open]), entry)
  }
}
