import TandemAD
import TandemTuning

extension SceneDescription {
  /// Every parameter's entries, in the order of the file (a vector
  /// parameter's entries one after another): the vector a process built from
  /// this scene takes, which `Quantity.parameter(i)` indexes.
  public var parameterVector: [Double] { parameters.flatMap(\.values) }

  /// The name of each entry of ``parameterVector``: `k` for a scalar
  /// parameter, `k[0]`, `k[1]`, … for a vector's entries.
  public var entryNames: [String] { parameters.flatMap(\.entryNames) }

  /// Where each parameter's first entry is in ``parameterVector``.
  public var parameterOffsets: [Int] {
    var offsets: [Int] = []
    var next = 0
    for parameter in parameters {
      offsets.append(next)
      next += parameter.count
    }
    return offsets
  }

  /// The entries of the parameters marked `tune: true`, as the tuner sees
  /// them: their name (`k[3]` for a vector's entry), index in
  /// ``parameterVector``, bounds and scale.
  public var tunedParameterList: [TunedParameter] {
    zip(parameters, parameterOffsets).flatMap { parameter, offset -> [TunedParameter] in
      guard parameter.tune else { return [] }
      return parameter.values.indices.map { i in
        TunedParameter(
          name: parameter.entryName(i), index: offset + i, minimum: parameter.min,
          maximum: parameter.max, scale: parameter.scale == .log ? .log : .linear,
          vector: parameter.isVector ? parameter.name : nil)
      }
    }
  }
}
