import TandemPhysics

extension SceneNode {
  /// An axis name, `x`, `y` or `z`; `z` only in a 3-D scene (checked once
  /// the whole file is read, when the dimension is known: see
  /// ``DecodingContext/dimension``).
  func axis() throws -> Axis {
    let axis = try choice(Axis.self, noun: "axis")
    if axis == .z {
      let (context, path) = (self.context, self.path)
      context.rules.append(
        ValueRule { [weak context] _, _ in
          guard context?.dimension == 2 else { return }
          throw SceneError(
            path: path,
            message: "axis `z` in a 2-D scene (its vectors have two components)",
            suggestion: "use `x` or `y`, or give the scene's vectors three components")
        })
    }
    return axis
  }
}
