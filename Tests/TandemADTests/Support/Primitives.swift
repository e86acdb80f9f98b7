import RealModule
import TandemAD
import TandemProcess
import TandemTestSupport

/// Every one-argument primitive, applicable to any ``Scalar`` and to a
/// ``Traced`` value, with a domain where it is smooth (kept a few
/// finite-difference steps away from singularities).
enum UnaryPrimitive: String, CaseIterable, CustomStringConvertible, Sendable {
  case negation, reciprocal, square, exp, expMinusOne, log, logOnePlus
  case sin, cos, tan, tanh, sinh, cosh, asin, acos, atan, asinh, acosh, atanh
  case sqrt, cube, inverseSquare, cubeRoot, fourthRoot

  var description: String { rawValue }

  var domain: ClosedRange<Double> {
    switch self {
    case .negation, .square, .cube, .sin, .cos, .atan, .asinh: -4...4
    case .exp, .expMinusOne, .tanh, .sinh, .cosh: -3...3
    case .reciprocal, .inverseSquare: 0.3...3
    case .log: 0.2...5
    case .logOnePlus: -0.7...4
    case .tan: -1.3...1.3
    case .asin, .acos, .atanh: -0.9...0.9
    case .acosh: 1.1...5
    case .sqrt, .fourthRoot: 0.1...5
    case .cubeRoot: -4...(-0.2)
    }
  }

  func callAsFunction<T: Scalar>(_ x: T) -> T {
    switch self {
    case .negation: -x
    case .reciprocal: 1 / x
    case .square: T.square(x)
    case .exp: T.exp(x)
    case .expMinusOne: T.expMinusOne(x)
    case .log: T.log(x)
    case .logOnePlus: T.log(onePlus: x)
    case .sin: T.sin(x)
    case .cos: T.cos(x)
    case .tan: T.tan(x)
    case .tanh: T.tanh(x)
    case .sinh: T.sinh(x)
    case .cosh: T.cosh(x)
    case .asin: T.asin(x)
    case .acos: T.acos(x)
    case .atan: T.atan(x)
    case .asinh: T.asinh(x)
    case .acosh: T.acosh(x)
    case .atanh: T.atanh(x)
    case .sqrt: T.sqrt(x)
    case .cube: T.pow(x, 3)
    case .inverseSquare: T.pow(x, -2)
    case .cubeRoot: T.root(x, 3)
    case .fourthRoot: T.root(x, 4)
    }
  }

  func traced<T>(_ x: Traced<T>) -> Traced<T> {
    switch self {
    case .negation: -x
    case .reciprocal: T(1.0) / x
    case .square: Traced.square(x)
    case .exp: Traced.exp(x)
    case .expMinusOne: Traced.expMinusOne(x)
    case .log: Traced.log(x)
    case .logOnePlus: Traced.log(onePlus: x)
    case .sin: Traced.sin(x)
    case .cos: Traced.cos(x)
    case .tan: Traced.tan(x)
    case .tanh: Traced.tanh(x)
    case .sinh: Traced.sinh(x)
    case .cosh: Traced.cosh(x)
    case .asin: Traced.asin(x)
    case .acos: Traced.acos(x)
    case .atan: Traced.atan(x)
    case .asinh: Traced.asinh(x)
    case .acosh: Traced.acosh(x)
    case .atanh: Traced.atanh(x)
    case .sqrt: Traced.sqrt(x)
    case .cube: Traced.pow(x, 3)
    case .inverseSquare: Traced.pow(x, -2)
    case .cubeRoot: Traced.root(x, 3)
    case .fourthRoot: Traced.root(x, 4)
    }
  }
}

/// Every two-argument primitive, with the region where it is smooth.
enum BinaryPrimitive: String, CaseIterable, CustomStringConvertible, Sendable {
  case add, subtract, multiply, divide, pow, atan2, hypot

  var description: String { rawValue }

  /// A random point in the primitive's smooth region.
  func samplePoint(using random: inout SplitMix64) -> (Double, Double) {
    while true {
      let (a, b) = (random.uniform(-3...3), random.uniform(-3...3))
      switch self {
      case .add, .subtract, .multiply: return (a, b)
      case .divide: if abs(b) > 0.4 { return (a, b) }
      case .pow: if a > 0.3 { return (a, b * 0.7) }
      case .atan2:  // a = y, b = x; away from the origin and the cut x < 0, y = 0
        if a * a + b * b > 0.1 && !(b < 0 && abs(a) < 0.1) { return (a, b) }
      case .hypot: if a * a + b * b > 0.1 { return (a, b) }
      }
    }
  }

  func callAsFunction<T: Scalar>(_ a: T, _ b: T) -> T {
    switch self {
    case .add: a + b
    case .subtract: a - b
    case .multiply: a * b
    case .divide: a / b
    case .pow: T.pow(a, b)
    case .atan2: T.atan2(y: a, x: b)
    case .hypot: T.hypot(a, b)
    }
  }

  func traced<T>(_ a: Traced<T>, _ b: Traced<T>) -> Traced<T> {
    switch self {
    case .add: a + b
    case .subtract: a - b
    case .multiply: a * b
    case .divide: a / b
    case .pow: Traced.pow(a, b)
    case .atan2: Traced.atan2(y: a, x: b)
    case .hypot: Traced.hypot(a, b)
    }
  }
}

extension Dual where N == 2, T == Double {
  /// A dual seeded with arbitrary tangents, for directional checks.
  init(_ value: Double, _ t0: Double, _ t1: Double) { self.init(value, tangents: [t0, t1]) }
}
