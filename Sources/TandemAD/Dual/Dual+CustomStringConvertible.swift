import RealModule

extension Dual: CustomStringConvertible {
  /// `value + [t0, t1, …]ε`.
  public var description: String {
    var parts: [String] = []
    for i in tangents.indices { parts.append(tangents[i].description) }
    return "\(value) + [\(parts.joined(separator: ", "))]ε"
  }
}
