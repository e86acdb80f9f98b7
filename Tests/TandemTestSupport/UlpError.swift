import TandemAD

/// The largest difference between `values` and `references`, in units in the
/// last place of the reference (at least that of the smallest normal
/// number). Infinite when the counts differ, or when a reference is NaN and
/// its value is not (or the reverse).
public func worstUlpError(_ values: [Double], _ references: [Double]) -> Double {
  guard values.count == references.count else { return .infinity }
  var worst = 0.0
  for (value, reference) in zip(values, references) {
    if reference.isNaN || value.isNaN {
      if reference.isNaN != value.isNaN { return .infinity }
      continue
    }
    worst = max(worst, abs(value - reference) / max(reference.ulp, Double.leastNormalMagnitude))
  }
  return worst
}
