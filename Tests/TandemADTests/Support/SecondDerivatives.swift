import RealModule

extension UnaryPrimitive {
  /// f″(x) in closed form, derived by hand: the independent reference for
  /// second derivatives from nested duals.
  func secondDerivative(at x: Double) -> Double {
    switch self {
    case .negation: 0
    case .reciprocal: 2 / (x * x * x)
    case .square: 2
    case .exp, .expMinusOne: Double.exp(x)
    case .log: -1 / (x * x)
    case .logOnePlus: -1 / ((1 + x) * (1 + x))
    case .sin: -Double.sin(x)
    case .cos: -Double.cos(x)
    case .tan: 2 * Double.tan(x) * (1 + Double.tan(x) * Double.tan(x))
    case .tanh: -2 * Double.tanh(x) * (1 - Double.tanh(x) * Double.tanh(x))
    case .sinh: Double.sinh(x)
    case .cosh: Double.cosh(x)
    case .asin: x / Double.pow(1 - x * x, 1.5)
    case .acos: -x / Double.pow(1 - x * x, 1.5)
    case .atan: -2 * x / ((1 + x * x) * (1 + x * x))
    case .asinh: -x / Double.pow(x * x + 1, 1.5)
    case .acosh: -x / Double.pow(x * x - 1, 1.5)
    case .atanh: 2 * x / ((1 - x * x) * (1 - x * x))
    case .sqrt: -0.25 / Double.pow(x, 1.5)
    case .cube: 6 * x
    case .inverseSquare: 6 / (x * x * x * x)
    case .cubeRoot: -2.0 / 9.0 / Double.pow(Double.root(x, 3), 5)
    case .fourthRoot: -3.0 / 16.0 / Double.pow(x, 1.75)
    }
  }
}
