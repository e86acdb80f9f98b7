import TandemAD
import TandemProcess

/// A rule a scene's number must satisfy at the parameters' values: a mass is
/// positive, a momentum lies in [0, 1), a chain's ends are apart.
///
/// The reader records a rule where it reads the number and checks every rule
/// once the whole file has been read and `--set` values applied, so syntax
/// errors come first and a value given on the command line is checked just as
/// one written in the file.
struct ValueRule {
  /// The ranges a number may be restricted to.
  enum Range {
    case positive, nonNegative, openUnit, halfOpenUnit, decayFactor

    func contains(_ value: Double) -> Bool {
      switch self {
      case .positive: return value > 0
      case .nonNegative: return value >= 0
      case .openUnit: return value > 0 && value < 1
      case .halfOpenUnit: return value >= 0 && value < 1
      case .decayFactor: return value > 0 && value <= 1
      }
    }

    var phrase: String {
      switch self {
      case .positive: return "must be positive"
      case .nonNegative: return "must not be negative"
      case .openUnit: return "must lie strictly between 0 and 1"
      case .halfOpenUnit: return "must lie in [0, 1)"
      case .decayFactor: return "must lie in (0, 1] (1 is no decay)"
      }
    }
  }

  /// Throws the rule's ``SceneError`` (with its key path) when the values break it.
  let check: (_ values: [Double], _ names: [String]) throws -> Void

  /// `quantity`, called `what` in messages, must lie in `range`.
  static func range(_ quantity: Quantity, _ range: Range, _ what: String, at path: ScenePath)
    -> ValueRule
  {
    ValueRule { values, names in
      let value = quantity.value(in: values)
      guard !range.contains(value) else { return }
      let shown = SceneNumberFormat.string(value)
      // A rule is recorded on a number as written: a constant or one `$name`.
      guard case .parameter(let index) = quantity else {
        throw SceneError(path: path, message: "\(what) \(range.phrase), not \(shown)")
      }
      let name = names[index]
      let message = "\(what) \(range.phrase), but `$\(name)` is \(shown)"
      let suggestion = "change the value of `\(name)` under `parameters:`"
      throw SceneError(path: path, message: message, suggestion: suggestion)
    }
  }

  /// A chain's two ends, which must not coincide (every spring would have length 0).
  static func apart(
    _ from: [Quantity], _ to: [Quantity], at path: ScenePath
  ) -> ValueRule {
    ValueRule { values, _ in
      guard zip(from, to).allSatisfy({ $0.value(in: values) == $1.value(in: values) }) else {
        return
      }
      throw SceneError(
        path: path,
        message: "`from` and `to` are the same point, so every spring would have length 0",
        suggestion: "place the chain's ends apart")
    }
  }
}

extension SceneNode {
  /// A number or `$name` reference that must lie in `range`, checked once the
  /// file has been read (see ``ValueRule``).
  func number(_ range: ValueRule.Range, _ what: String) throws -> Quantity {
    let quantity = try number()
    context.rules.append(.range(quantity, range, what, at: path))
    return quantity
  }
}

extension SceneNode {
  /// One number per element (see ``elementNumbers(count:elements:)``), each
  /// of which must lie in `range`.
  func elementNumbers(count: Int, elements: String, _ range: ValueRule.Range, _ what: String)
    throws -> ElementQuantities
  {
    let quantities = try elementNumbers(count: count, elements: elements)
    for quantity in quantities.distinct {
      context.rules.append(.range(quantity, range, what, at: path))
    }
    return quantities
  }
}
