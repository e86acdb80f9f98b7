import TandemAD
import Yams

/// Reading typed values from a node.
extension SceneNode {
  /// A number or a `$name` reference to a defined parameter, as the engine's
  /// ``Quantity`` (a reference becomes the parameter's index).
  func number() throws -> Quantity {
    guard case .scalar(let scalar) = node else {
      throw error("expected a number or a `$name` reference, found \(found)")
    }
    let text = scalar.string
    if isPlainScalar, text.hasPrefix("$") {
      return .parameter(try reference(String(text.dropFirst())))
    }
    return .constant(try plainNumber(expecting: "a number or a `$name` reference"))
  }

  /// The index of a defined parameter, from the text after `$`.
  private func reference(_ name: String) throws -> Int {
    guard SceneParameter.isValidName(name) else {
      throw error(
        "malformed parameter reference `$\(name)`",
        suggestion: "write `$` followed by a parameter's name")
    }
    let names = context.parameterNames
    guard let index = names.firstIndex(of: name) else {
      let suggestion =
        names.isEmpty
        ? "the scene defines no parameters; add `\(name)` under `parameters:`"
        : NearestName.suggestion(
          for: name, among: names, prefix: "$", listing: "defined parameters")
      throw error("undefined parameter `$\(name)`", suggestion: suggestion)
    }
    return index
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
      let place = first.location.map { "\(first.path) (line \($0.line), column \($0.column))" }
        ?? "\(first.path)"
      throw error(
        "this vector has \(sequence.count) components, but \(place) has \(first.components): "
          + "a scene is 2-D or 3-D throughout",
        suggestion: "give every vector \(first.components) components, or change \(place) to \(sequence.count)")
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
