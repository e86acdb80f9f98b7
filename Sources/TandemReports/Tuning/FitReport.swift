import Foundation
import TandemTuning

/// A least-squares fit's statistics as `tandem tune` prints them and as
/// `--json` writes them (``FitStatistics``).
public struct FitReport: Encodable {
  enum CodingKeys: String, CodingKey {
    case eigenvalues, correlation, unidentifiable, threshold
    case residualCount = "residual_count"
    case residualSumOfSquares = "residual_sum_of_squares"
    case residualVariance = "residual_variance"
    case standardErrors = "standard_errors"
  }

  /// A direction the data do not determine.
  public struct Direction: Encodable {
    enum CodingKeys: String, CodingKey {
      case parameters, eigenvalue
      case relativeChange = "relative_change"
    }
    /// The parameters involved, largest part first.
    public var parameters: [String]
    /// Its eigenvalue of the scaled JᵀJ.
    public var eigenvalue: JSONNumber
    /// δvalue/|value| of each involved parameter along it, length 1.
    public var relativeChange: [String: JSONNumber]
  }

  /// A correlation matrix with the names of its rows and columns.
  public struct Correlation: Encodable {
    /// The tuned entries, in the order of the rows and columns.
    public var parameters: [String]
    /// The correlations (`null` for a parameter that is not determined).
    public var matrix: [[JSONNumber]]
  }

  /// The number of residuals, m.
  public var residualCount: Int
  /// Σr².
  public var residualSumOfSquares: JSONNumber
  /// σ̂² = Σr² / (m − P) (`null` when m ≤ P).
  public var residualVariance: JSONNumber
  /// Each parameter's standard error, by name (`null` where not determined).
  public var standardErrors: [String: OneOrMany<JSONNumber>]
  /// The correlation matrix: `{"parameters": [names], "matrix": [[…]]}`.
  public var correlation: Correlation
  /// The eigenvalues of the scaled JᵀJ, largest first.
  public var eigenvalues: [JSONNumber]
  /// The directions the data do not determine.
  public var unidentifiable: [Direction]
  /// The fraction of the largest eigenvalue below which a direction is undetermined.
  public var threshold: JSONNumber

  /// The report of `statistics` for the parameters `tuned`.
  public init(_ statistics: FitStatistics, tuned: [TunedParameter]) {
    residualCount = statistics.residualCount
    residualSumOfSquares = JSONNumber(statistics.residualSumOfSquares)
    residualVariance = JSONNumber(statistics.residualVariance)
    standardErrors = named(statistics.standardErrors.map(JSONNumber.init), by: tuned)
    correlation = Correlation(
      parameters: tuned.map(\.name), matrix: statistics.correlation.map { $0.map(JSONNumber.init) })
    eigenvalues = statistics.eigenvalues.map(JSONNumber.init)
    unidentifiable = statistics.unidentifiable.map { direction in
      Direction(
        parameters: direction.involved.map { tuned[$0].name },
        eigenvalue: JSONNumber(direction.eigenvalue),
        relativeChange: Dictionary(
          uniqueKeysWithValues: direction.involved.map {
            (tuned[$0].name, JSONNumber(direction.relativeChange[$0]))
          }))
    }
    threshold = JSONNumber(statistics.threshold)
  }

  /// The lines `tandem tune` prints: each parameter with its standard error,
  /// the correlations (the largest few when there are many parameters), the
  /// eigenvalues, and every direction the data do not determine, named.
  public static func lines(
    _ statistics: FitStatistics, tuned: [TunedParameter], values: [Double]
  ) -> [String] {
    func short(_ x: Double) -> String { String(format: "%.3g", x) }
    let names = tuned.map(\.name)
    let width = max(10, (names.map(\.count).max() ?? 0) + 1)
    func pad(_ text: String, _ n: Int = width) -> String {
      text.padding(toLength: max(n, text.count), withPad: " ", startingAt: 0)
    }
    var lines: [String] = []
    let variance = statistics.residualVariance.map { ", σ̂² = Σr²/(m − P) = \(short($0))" } ?? ""
    lines.append(
      "fit        \(statistics.residualCount) residuals, \(statistics.parameterCount) parameters, "
        + "Σr² = \(short(statistics.residualSumOfSquares))\(variance)")
    let shown = tuned.count <= 12 ? Array(tuned.indices) : Array(0..<3) + [tuned.count - 1]
    for i in shown {
      let value = values[i]
      let error =
        statistics.standardErrors[i].map { se in
          "± \(short(se))" + (value != 0 ? String(format: "  (%.2g%%)", 100 * se / abs(value)) : "")
        }
        ?? (statistics.residualVariance == nil
          ? "(no error: fewer residuals than parameters)" : "not determined by the data")
      lines.append("  \(pad(names[i])) \(pad(String(format: "%.9g", value), 14)) \(error)")
    }
    if shown.count < tuned.count { lines.append("  … \(tuned.count - shown.count) more in --json") }
    if tuned.count > 1 {
      if tuned.count <= 6 {
        lines.append("correlation")
        lines.append("  " + pad("") + " " + names.map { pad($0, 8) }.joined(separator: " "))
        for i in tuned.indices {
          let row = statistics.correlation[i].map {
            $0.map { pad(String(format: "%+.3f", $0), 8) } ?? pad("—", 8)
          }
          lines.append("  \(pad(names[i])) " + row.joined(separator: " "))
        }
      } else {
        var pairs: [(Int, Int, Double)] = []
        for i in tuned.indices {
          for j in (i + 1)..<tuned.count {
            if let r = statistics.correlation[i][j] { pairs.append((i, j, r)) }
          }
        }
        pairs.sort { abs($0.2) > abs($1.2) }
        let top = pairs.prefix(5).map {
          "\(names[$0.0])–\(names[$0.1]) \(String(format: "%+.3f", $0.2))"
        }
        if !top.isEmpty { lines.append("correlation  largest: " + top.joined(separator: ", ")) }
      }
    }
    let eigen = statistics.eigenvalues
    let listed = eigen.count <= 8 ? eigen : Array(eigen.prefix(4)) + Array(eigen.suffix(4))
    lines.append(
      "eigenvalues of the scaled JᵀJ: " + listed.map(short).joined(separator: ", ")
        + (eigen.count > 8 ? " (largest 4, smallest 4 of \(eigen.count))" : ""))
    if statistics.unidentifiable.isEmpty {
      lines.append(
        "identifiable: every direction is determined (the smallest eigenvalue is above \(short(statistics.threshold)) of the largest)"
      )
    }
    for direction in statistics.unidentifiable {
      let involved = direction.involved.map { names[$0] }
      let along = direction.involved.prefix(6).map {
        "\(String(format: "%+.3f", direction.relativeChange[$0]))·δ\(names[$0])/\(names[$0])"
      }.joined(separator: " ")
      let who =
        involved.count == 1
        ? "`\(involved[0])` is not identifiable: the residuals do not depend on it"
        : "not identifiable: \(involved.prefix(6).map { "`\($0)`" }.joined(separator: ", "))"
          + (involved.count > 6 ? " and \(involved.count - 6) more" : "")
          + " cannot be told apart; along \(along) the residuals do not change"
      lines.append(
        "\(who) (eigenvalue \(short(direction.eigenvalue)), below \(short(statistics.threshold)) of the largest): "
          + "fix all but one, or add data that separate them")
    }
    return lines
  }
}
