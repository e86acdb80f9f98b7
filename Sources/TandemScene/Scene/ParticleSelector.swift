import Foundation

/// Which particles an objective term, a stop condition or a spring end refers to.
///
/// Written as text:
/// - `ball`: the particle with that id; the id of a grid or chain selects all of its particles;
/// - `cloth[3,4]`, `cloth[15,*]`, `cloth[*,0]`: one particle, a row or a column of a grid;
/// - `rope[2]`, `rope[-1]`, `rope[*]`: one particle of a chain (negative counts
///   from the end, so `-1` is the last) or all of them;
/// - `all`: every particle of the scene.
///
/// Grid indices may be negative too. ``ParticleLayout/resolve(_:)`` turns a
/// selector into particle indices.
public enum ParticleSelector: Hashable, Sendable {
  /// A position in a selector's brackets: a number or `*`.
  public enum Index: Hashable, Sendable, CustomStringConvertible {
    /// One position; negative counts from the end.
    case at(Int)
    /// Every position (`*`).
    case every

    /// `3`, `-1` or `*`.
    public var description: String {
      switch self {
      case .at(let index): return String(index)
      case .every: return "*"
      }
    }
  }

  /// Every particle (`all`).
  case all
  /// A particle's id, or a grid's or chain's id for all of its particles.
  case named(String)
  /// `grid[row,column]`.
  case grid(String, row: Index, column: Index)
  /// `chain[index]`.
  case chain(String, index: Index)

  /// Reads a selector written as text.
  ///
  /// - Throws: A ``SceneError`` without a location, whose message says how the
  ///   text is malformed; the scene reader adds where it was written.
  public init(parsing text: String) throws {
    let text = text.trimmingCharacters(in: .whitespaces)
    guard let open = text.firstIndex(of: "[") else {
      guard !text.isEmpty else { throw SceneError(message: "empty particle selector") }
      if let bad = text.first(where: { "],*$ ".contains($0) }) {
        throw SceneError(
          message: "malformed particle selector `\(text)`: unexpected `\(bad)`",
          suggestion: Self.syntaxHint)
      }
      self = text == "all" ? .all : .named(text)
      return
    }
    let stem = String(text[..<open])
    guard !stem.isEmpty, text.last == "]", text.filter({ $0 == "[" }).count == 1 else {
      throw SceneError(
        message: "malformed particle selector `\(text)`", suggestion: Self.syntaxHint)
    }
    let inside = text[text.index(after: open)..<text.index(before: text.endIndex)]
    let parts = inside.split(separator: ",", omittingEmptySubsequences: false)
    var indices: [Index] = []
    for part in parts {
      let part = part.trimmingCharacters(in: .whitespaces)
      if part == "*" {
        indices.append(.every)
      } else if let index = Int(part) {
        indices.append(.at(index))
      } else {
        throw SceneError(
          message:
            "malformed particle selector `\(text)`: `\(part)` is neither a whole number nor `*`",
          suggestion: Self.syntaxHint)
      }
    }
    switch indices.count {
    case 1: self = .chain(stem, index: indices[0])
    case 2: self = .grid(stem, row: indices[0], column: indices[1])
    default:
      throw SceneError(
        message:
          "malformed particle selector `\(text)`: expected one index (a chain) or two (a grid)",
        suggestion: Self.syntaxHint)
    }
  }

  static let syntaxHint = "write an id, `grid[r,c]`, `grid[r,*]`, `grid[*,c]`, `chain[i]` or `all`"

  /// The id of the particle, grid or chain the selector starts with; `nil` for `all`.
  public var stem: String? {
    switch self {
    case .all: return nil
    case .named(let id), .grid(let id, _, _), .chain(let id, _): return id
    }
  }
}

extension ParticleSelector: CustomStringConvertible {
  /// The selector as a scene file writes it.
  public var description: String {
    switch self {
    case .all: return "all"
    case .named(let id): return id
    case .grid(let id, let row, let column): return "\(id)[\(row),\(column)]"
    case .chain(let id, let index): return "\(id)[\(index)]"
    }
  }
}

extension ParticleSelector: ExpressibleByStringLiteral {
  /// A selector written as a literal; traps if it is malformed.
  public init(stringLiteral text: String) {
    do { try self.init(parsing: text) } catch { preconditionFailure("\(error)") }
  }
}
