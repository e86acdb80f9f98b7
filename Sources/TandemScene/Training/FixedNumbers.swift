import TandemAD
import TandemProcess

/// Evaluates the numbers of a training scene that are fixed before training
/// starts (a quadratic's curvatures and start, the data's noise and split),
/// refusing tuned parameters: their derivative would silently be zero.
struct FixedNumbers {
  /// Every parameter's value, in the order of the file.
  let values: [Double]
  /// Every parameter's name.
  let names: [String]
  /// The indices of the tuned parameters.
  let tuned: Set<Int>

  /// The value of `quantity`, or an error at `path` if it refers to a tuned parameter.
  func value(of quantity: Quantity, at path: ScenePath, what: String) throws -> Double {
    if let index = quantity.parameterIndices.first(where: tuned.contains) {
      let name = names[index]
      throw SceneError(
        path: path,
        message: "\(what) are fixed before training starts, so `$\(name)` cannot be tuned here",
        suggestion: "write a number, or remove `tune: true` from `\(name)`")
    }
    return quantity.value(in: values)
  }
}
