import Foundation

/// One parameter swept over evenly spaced values, as `--grid name=lo:hi:n`
/// asks: `count` values from `low` to `high`, both included, evenly spaced on
/// the value itself or, for a parameter with `scale: log`, on its logarithm.
public struct SweepAxis: Sendable, Hashable, Codable {
  /// The parameter (`k`), or one entry of a vector parameter (`k[3]`); a
  /// vector parameter named whole has every entry set to each value.
  public var name: String
  /// The first value.
  public var low: Double
  /// The last value.
  public var high: Double
  /// How many values, at least 1 (then only `low`).
  public var count: Int
  /// Whether the values are evenly spaced on a log scale.
  public var isLogarithmic: Bool

  enum CodingKeys: String, CodingKey {
    case name, low, high, count
    case isLogarithmic = "logarithmic"
  }

  /// An axis from its parts.
  public init(name: String, low: Double, high: Double, count: Int, isLogarithmic: Bool = false) {
    (self.name, self.low, self.high, self.count) = (name, low, high, count)
    self.isLogarithmic = isLogarithmic
  }

  /// Reads `name=lo:hi:n`, such as `k=100:800:8`; the spacing is linear
  /// until ``SweepPlan`` learns the parameter's scale.
  ///
  /// - Throws: ``SweepError/malformedAxis(_:_:)`` saying what is wrong and
  ///   what to write.
  public init(argument: String) throws {
    func fail(_ problem: String) -> SweepError { .malformedAxis(argument, problem) }
    guard let equals = argument.firstIndex(of: "=") else {
      throw fail("it has no `=`")
    }
    let name = argument[..<equals].trimmingCharacters(in: .whitespaces)
    let parts = argument[argument.index(after: equals)...].split(
      separator: ":", omittingEmptySubsequences: false
    ).map { $0.trimmingCharacters(in: .whitespaces) }
    guard !name.isEmpty else { throw fail("it names no parameter") }
    guard parts.count == 3 else {
      throw fail("it has \(parts.count) part\(parts.count == 1 ? "" : "s") after `=`, not three")
    }
    guard let low = Double(parts[0]), low.isFinite else {
      throw fail("`\(parts[0])` is not a finite number")
    }
    guard let high = Double(parts[1]), high.isFinite else {
      throw fail("`\(parts[1])` is not a finite number")
    }
    guard let count = Int(parts[2]), count >= 1 else {
      throw fail("`\(parts[2])` is not a whole number of values, at least 1")
    }
    guard count > 1 || low == high else {
      throw fail("one value cannot span \(parts[0]) to \(parts[1]); give at least 2")
    }
    self.init(name: name, low: low, high: high, count: count)
  }

  /// The values, `low` first and `high` last, exactly as given.
  public var values: [Double] {
    guard count > 1 else { return [low] }
    let last = Double(count - 1)
    return (0..<count).map { i in
      if i == 0 { return low }
      if i == count - 1 { return high }
      let t = Double(i) / last
      return isLogarithmic
        ? exp(log(low) + t * (log(high) - log(low)))
        : low + t * (high - low)
    }
  }

  /// How the axis is written on the command line.
  public var argument: String { "\(name)=\(low):\(high):\(count)" }
}
