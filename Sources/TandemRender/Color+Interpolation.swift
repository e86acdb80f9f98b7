extension Color {
  /// The colour a fraction `t` of the way from `self` to `other`.
  ///
  /// Every component, alpha included, is interpolated linearly in sRGB:
  /// `t = 0` gives `self`, `t = 1` gives `other`. `t` is not clamped, so values
  /// outside 0…1 extrapolate (drawing clamps the result).
  public func interpolated(to other: Color, by t: Double) -> Color {
    Color(
      red: red + (other.red - red) * t,
      green: green + (other.green - green) * t,
      blue: blue + (other.blue - blue) * t,
      alpha: alpha + (other.alpha - alpha) * t)
  }
}
