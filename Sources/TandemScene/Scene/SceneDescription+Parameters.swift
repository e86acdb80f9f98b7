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
}
