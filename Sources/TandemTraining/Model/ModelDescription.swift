import RealModule
import TandemAD
import TandemProcess

/// A multilayer perceptron: affine layers of the given widths, the
/// activation after every hidden layer, a linear output. Two widths make a
/// linear model.
///
/// Storage order of the flat weight vector: for each layer ℓ with n inputs
/// and m outputs, its weight matrix W_ℓ stored row-major as n × m (so a batch
/// X of examples in rows maps to X·W_ℓ), then its m biases.
public struct ModelDescription: Sendable, Hashable {
  /// The widths: inputs, every hidden layer, outputs.
  public var widths: [Int]
  /// The hidden layers' activation.
  public var activation: Activation
  /// How the weights start.
  public var initialisation: Initialisation

  /// Creates a model of `widths` (at least inputs and outputs).
  public init(
    widths: [Int], activation: Activation = .tanh, initialisation: Initialisation = .seeded(1)
  ) {
    precondition(
      widths.count >= 2 && widths.allSatisfy { $0 > 0 },
      "widths \(widths): at least two, all positive")
    self.widths = widths
    self.activation = activation
    self.initialisation = initialisation
  }

  /// A linear model, outputs = x·W + b.
  public static func linear(inputs: Int, outputs: Int, initialisation: Initialisation = .seeded(1))
    -> Self
  {
    ModelDescription(widths: [inputs, outputs], initialisation: initialisation)
  }

  /// The number of inputs.
  public var inputCount: Int { widths[0] }
  /// The number of outputs.
  public var outputCount: Int { widths[widths.count - 1] }

  /// The number of weights and biases.
  public var parameterCount: Int {
    (1..<widths.count).reduce(0) { $0 + widths[$1 - 1] * widths[$1] + widths[$1] }
  }

  /// The initial weights, in storage order.
  public func initialWeights() -> [Double] {
    switch initialisation {
    case .values(let values):
      precondition(
        values.count == parameterCount,
        "\(values.count) initial values for \(parameterCount) weights")
      return values
    case .seeded(let seed):
      var random = SplitMix64(seed: seed)
      var weights: [Double] = []
      for layer in 1..<widths.count {
        let (n, m) = (widths[layer - 1], widths[layer])
        let limit = (6 / Double(n + m)).squareRoot()
        for _ in 0..<(n * m) { weights.append((2 * random.uniform() - 1) * limit) }
        weights += repeatElement(0, count: m)
      }
      return weights
    case .benchmarkB2:
      precondition(
        widths.count == 3 && widths[2] == 1,
        "the B2 initialisation needs widths [d, H, 1], not \(widths)")
      let (d, h) = (widths[0], widths[1])
      var weights: [Double] = []
      for k in 0..<d {
        for j in 0..<h { weights.append(0.5 * Double.sin(1.0 + 1.1 * Double(j) + 2.3 * Double(k))) }
      }
      for j in 0..<h { weights.append(0.1 * Double.cos(0.5 * Double(j))) }
      for j in 0..<h { weights.append(0.3 * Double.sin(0.7 * Double(j) + 0.3)) }
      weights.append(0)
      return weights
    }
  }
}
