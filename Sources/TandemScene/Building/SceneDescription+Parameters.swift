import TandemAD
import TandemTuning

extension SceneDescription {
  /// Every parameter's value, in the order of the file: the vector a
  /// process built from this scene takes.
  public var parameterVector: [Double] { parameters.map(\.value) }

  /// The parameters marked `tune: true`, as the tuner sees them: their index
  /// in ``parameterVector``, bounds and scale.
  public var tunedParameterList: [TunedParameter] {
    parameters.enumerated().compactMap { index, parameter in
      guard parameter.tune else { return nil }
      return TunedParameter(
        name: parameter.name, index: index, minimum: parameter.min, maximum: parameter.max,
        scale: parameter.scale == .log ? .log : .linear)
    }
  }

  /// The index of each parameter in ``parameterVector``, by name.
  var parameterIndices: [String: Int] {
    Dictionary(uniqueKeysWithValues: parameters.enumerated().map { ($1.name, $0) })
  }
}

extension SceneNumber {
  /// The same number as a ``Quantity``, with references turned into indices.
  func quantity(_ indices: [String: Int]) -> Quantity {
    switch self {
    case .constant(let value): .constant(value)
    case .parameter(let name): .parameter(indices[name]!)
    case let .sum(first, second): .sum(first.quantity(indices), second.quantity(indices))
    case let .scaled(number, factor): .scaled(number.quantity(indices), by: factor)
    }
  }
}

extension SceneVector {
  /// The same vector as a pair of ``Quantity`` values.
  func quantities(_ indices: [String: Int]) -> (x: Quantity, y: Quantity) {
    (x.quantity(indices), y.quantity(indices))
  }
}
