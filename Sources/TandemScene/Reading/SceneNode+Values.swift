import TandemAD
import TandemProcess
import Yams

/// Reading typed values from a node.
extension SceneNode {
  /// A number or a `$name` (or `$name[i]`, an entry of a vector parameter,
  /// which must be quoted inside `{ … }`: `"$k[3]"`) reference to a defined parameter, as the engine's ``Quantity`` (a
  /// reference becomes the entry's index in the parameter vector).
  func number() throws -> Quantity {
    guard case .scalar(let scalar) = node else {
      throw error("expected a number or a `$name` reference, found \(found)")
    }
    let text = scalar.string
    // An entry reference may be quoted: inside `{ … }` YAML reads `[` as a bracket.
    if text.hasPrefix("$"), isPlainScalar || text.contains("[") {
      let (parameter, entry) = try reference(String(text.dropFirst()))
      if let entry { return .parameter(context.offsets[parameter.name]! + entry) }
      guard !parameter.isVector else {
        throw error(
          "`$\(parameter.name)` is a vector parameter of \(parameter.count) entries, and one number goes here",
          suggestion:
            "write `$\(parameter.name)[i]` for entry i (0 to \(parameter.count - 1)); a whole vector goes where a grid or chain takes one number per spring or particle"
        )
      }
      return .parameter(context.offsets[parameter.name]!)
    }
    return .constant(try plainNumber(expecting: "a number or a `$name` reference"))
  }

  /// A number, a `$name` reference, or — where a grid or chain takes one
  /// number per element (`count` of them, called `elements` in messages) —
  /// a vector parameter `$k` of exactly `count` entries, entry i for element i.
  func elementNumbers(count: Int, elements: String) throws -> ElementQuantities {
    if case .scalar(let scalar) = node, isPlainScalar, scalar.string.hasPrefix("$"),
      let (parameter, entry) = try? reference(String(scalar.string.dropFirst())), entry == nil,
      parameter.isVector
    {
      guard parameter.count == count else {
        let declaration = ScenePath("parameters").appending(parameter.name)
        let place =
          context.sourceMap[declaration].map {
            "\(declaration) (line \($0.line), column \($0.column))"
          } ?? "\(declaration)"
        throw error(
          "there are \(count) \(elements), but `$\(parameter.name)` at \(place) has \(parameter.count) entries",
          suggestion:
            "give `\(parameter.name)` `count: \(count)`, one entry per element in the documented order"
        )
      }
      let offset = context.offsets[parameter.name]!
      return .each((0..<count).map { .parameter(offset + $0) })
    }
    return .same(try number())
  }

  /// The parameter named by the text after `$` (`k`, or `k[3]` for an entry
  /// of a vector parameter; a negative entry counts from the end), and the entry.
  private func reference(_ text: String) throws -> (SceneParameter, entry: Int?) {
    var name = text
    var entryText: Substring?
    if let open = text.firstIndex(of: "["), text.hasSuffix("]") {
      name = String(text[..<open])
      entryText = text[text.index(after: open)..<text.index(before: text.endIndex)]
    }
    guard SceneParameter.isValidName(name) else {
      throw error(
        "malformed parameter reference `$\(text)`",
        suggestion: "write `$` followed by a parameter's name, and `[i]` for an entry of a vector")
    }
    let parameters = context.parameters
    guard let parameter = parameters.first(where: { $0.name == name }) else {
      let names = parameters.map(\.name)
      let suggestion =
        names.isEmpty
        ? "the scene defines no parameters; add `\(name)` under `parameters:`"
        : NearestName.suggestion(
          for: name, among: names, prefix: "$", listing: "defined parameters")
      throw error("undefined parameter `$\(name)`", suggestion: suggestion)
    }
    guard let entryText else { return (parameter, nil) }
    guard parameter.isVector else {
      throw error(
        "`$\(name)` is not a vector parameter, so it has no entry `[\(entryText)]`",
        suggestion: "write `$\(name)`, or give `\(name)` a `count`")
    }
    guard let entry = Int(entryText), (-parameter.count..<parameter.count).contains(entry) else {
      throw error(
        "`$\(text)`: `\(name)` has entries 0 to \(parameter.count - 1), not `\(entryText)`",
        suggestion:
          "write an entry from 0 to \(parameter.count - 1), or from -\(parameter.count) to -1 counting from the end"
      )
    }
    return (parameter, entry < 0 ? entry + parameter.count : entry)
  }

  /// A plain, finite number (no `$name`).
  func plainNumber(expecting expected: String = "a number") throws -> Double {
    guard case .scalar(let scalar) = node, isPlainScalar else {
      throw error("expected \(expected), found \(found)")
    }
    if scalar.string.hasPrefix("$") {
      throw error(
        "expected \(expected), found the reference `\(scalar.string)`",
        suggestion: "write a plain number: this value cannot refer to a parameter")
    }
    let isNumeric = hasTag(.int) || hasTag(.float)
    guard isNumeric, let value = node.float ?? Double(scalar.string) else {
      throw error("expected \(expected), found \(found)")
    }
    guard value.isFinite else { throw error("expected a finite number, found \(found)") }
    return value
  }

  /// A plain whole number of at least `minimum` (counts, sizes, seeds).
  ///
  /// Counts decide the shape of a scene, so they cannot be `$name` references.
  func integer(minimum: Int? = nil, meaning: String = "a whole number") throws -> Int {
    guard case .scalar(let scalar) = node, isPlainScalar else {
      throw error("expected \(meaning), found \(found)")
    }
    if scalar.string.hasPrefix("$") {
      throw error(
        "expected \(meaning), found the reference `\(scalar.string)`",
        suggestion: "counts shape the scene and cannot be parameters; write a whole number")
    }
    // `1e6` is a whole number too; one past what an Int holds is refused here,
    // and the limits refuse most of what it does hold.
    let number = node.float ?? Double(scalar.string)
    guard let value = node.int ?? Int(scalar.string) ?? SceneLimits.wholeNumber(scalar.string)
    else {
      if let number, number.isFinite, number == number.rounded() {
        throw error(
          "expected \(meaning), found \(SceneNumberFormat.string(number)), too large to count")
      }
      if let number, number.isFinite {
        throw error("expected \(meaning), found \(SceneNumberFormat.string(number)) (not whole)")
      }
      throw error("expected \(meaning), found \(found)")
    }
    if let minimum, value < minimum {
      throw error("expected \(meaning) of at least \(minimum), found \(value)")
    }
    return value
  }

  /// A string (any scalar, quoted or not; not empty).
  func string() throws -> String {
    guard case .scalar(let scalar) = node, !(isPlainScalar && node.null != nil) else {
      throw error("expected text, found \(found)")
    }
    return scalar.string
  }

  /// `true` or `false`.
  func bool() throws -> Bool {
    guard isPlainScalar, hasTag(.bool), let value = node.bool else {
      throw error("expected `true` or `false`, found \(found)")
    }
    return value
  }

  /// One of an enumeration's names, with the valid names in the error.
  func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type, noun: String) throws
    -> Choice
  where Choice.RawValue == String {
    let names = Choice.allCases.map(\.rawValue)
    return try choice(names: names, noun: noun) { Choice(rawValue: $0)! }
  }

  /// One of `names`, mapped by `make`.
  func choice<Choice>(names: [String], noun: String, _ make: (String) throws -> Choice) throws
    -> Choice
  {
    guard case .scalar = node, isPlainScalar || hasTag(.str) else {
      throw error(
        "expected \(noun), found \(found)", suggestion: "one of: " + names.joined(separator: ", "))
    }
    let text = try string()
    guard names.contains(text) else {
      let plural =
        noun.hasSuffix("is")
        ? noun.dropLast(2) + "es" : noun.hasSuffix("s") ? noun + "es" : noun + "s"
      let valid = "valid \(plural): " + names.joined(separator: ", ")
      let suggestion =
        NearestName.nearest(to: text, among: names).map { "did you mean `\($0)`? \(valid)" }
        ?? valid
      throw error("unknown \(noun) `\(text)`", suggestion: suggestion)
    }
    return try make(text)
  }

  /// `[x, y]` or `[x, y, z]`, each a number or a `$name` reference. The
  /// first vector of a scene sets its dimension; a vector with another
  /// number of components is an error that names both places.
  func vector() throws -> [Quantity] {
    guard case .sequence(let sequence) = node else {
      throw error("expected a vector `[x, y]` or `[x, y, z]`, found \(found)")
    }
    guard sequence.count == 2 || sequence.count == 3 else {
      throw error(
        "expected a vector of 2 or 3 numbers, found \(sequence.count)",
        suggestion: "write `[x, y]` in 2-D or `[x, y, z]` in 3-D, y up")
    }
    if let first = context.firstVector, first.components != sequence.count {
      let place =
        first.location.map { "\(first.path) (line \($0.line), column \($0.column))" }
        ?? "\(first.path)"
      throw error(
        "this vector has \(sequence.count) components, but \(place) has \(first.components): "
          + "a scene is 2-D or 3-D throughout",
        suggestion:
          "give every vector \(first.components) components, or change \(place) to \(sequence.count)"
      )
    }
    let items = try list(count: sequence.count, meaning: "a vector")
    let components = try items.map { try $0.number() }
    if context.firstVector == nil { context.firstVector = (sequence.count, path, location) }
    return components
  }

  /// A particle selector (`ball`, `cloth[15,*]`, `rope[-1]`, `all`).
  func selector() throws -> ParticleSelector {
    do { return try ParticleSelector(parsing: try string()) } catch let error as SceneError {
      throw locating(error)
    }
  }

  /// `[a, b]`: two particle selectors.
  func selectorPair() throws -> (ParticleSelector, ParticleSelector) {
    let items = try list(count: 2, meaning: "two particles `[a, b]`")
    return (try items[0].selector(), try items[1].selector())
  }
}

extension SceneNode {
  /// Whether YAML resolved the node to the tag `name` (`400` is an int, `"400"` a string).
  func hasTag(_ name: Tag.Name) -> Bool { node.tag.rawValue == name.rawValue }
}
