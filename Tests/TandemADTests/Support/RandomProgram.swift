import RealModule
import TandemAD
import TandemProcess
import TandemTestSupport

/// A randomly composed program: an expression tree over a few inputs, built
/// so that every primitive's argument stays inside its smooth domain (a
/// `log` is applied to `1.5 + sin(e)`, an `asin` to `0.8·tanh(e)`, and so on:
/// the guards are themselves ordinary primitives of the tree).
indirect enum RandomProgram: CustomStringConvertible {
  case input(Int)
  case constant(Double)
  case unary(UnaryPrimitive, RandomProgram)
  case binary(BinaryPrimitive, RandomProgram, RandomProgram)

  var description: String {
    switch self {
    case .input(let i): "x\(i)"
    case .constant(let c): "\(c)"
    case .unary(let f, let e): "\(f)(\(e))"
    case .binary(let f, let a, let b): "\(f)(\(a), \(b))"
    }
  }

  /// The number of nodes in the tree.
  var size: Int {
    switch self {
    case .input, .constant: 1
    case .unary(_, let e): 1 + e.size
    case .binary(_, let a, let b): 1 + a.size + b.size
    }
  }

  /// A random program over `inputs` inputs of at most `depth` levels.
  static func random(inputs: Int, depth: Int, using random: inout SplitMix64) -> RandomProgram {
    if depth == 0 || random.next() % 5 == 0 {
      return random.next() % 4 == 0
        ? .constant((random.uniform(-2...2) * 8).rounded() / 8)
        : .input(Int(random.next() % UInt64(inputs)))
    }
    func sub() -> RandomProgram { Self.random(inputs: inputs, depth: depth - 1, using: &random) }
    func plus(_ c: Double, _ e: RandomProgram) -> RandomProgram { .binary(.add, .constant(c), e) }
    func times(_ c: Double, _ e: RandomProgram) -> RandomProgram {
      .binary(.multiply, .constant(c), e)
    }
    if random.next() % 2 == 0 {
      let f = UnaryPrimitive.allCases[Int(random.next() % UInt64(UnaryPrimitive.allCases.count))]
      let e = sub()
      let argument: RandomProgram =
        switch f {
        case .negation, .square, .sin, .cos, .atan, .asinh, .tanh, .cube: e
        case .exp, .expMinusOne, .sinh, .cosh, .tan: .unary(.sin, e)
        case .log, .sqrt, .reciprocal, .inverseSquare, .cubeRoot, .fourthRoot:
          plus(1.5, .unary(.sin, e))
        case .logOnePlus: times(0.5, .unary(.sin, e))
        case .asin, .acos, .atanh: times(0.8, .unary(.tanh, e))
        case .acosh: plus(2, .unary(.cos, e))
        }
      return .unary(f, argument)
    } else {
      let f = BinaryPrimitive.allCases[Int(random.next() % UInt64(BinaryPrimitive.allCases.count))]
      let (a, b) = (sub(), sub())
      switch f {
      case .add, .subtract, .multiply: return .binary(f, a, b)
      case .divide: return .binary(.divide, a, plus(1.5, .unary(.cos, b)))
      case .pow: return .binary(.pow, plus(1.5, .unary(.sin, a)), .unary(.cos, b))
      case .atan2: return .binary(.atan2, a, plus(1.5, .unary(.cos, b)))
      case .hypot: return .binary(.hypot, a, plus(0.5, .unary(.square, b)))
      }
    }
  }

  /// Evaluates on any scalar (forward mode on `Dual`, reverse on `Recorded`).
  func evaluate<T: Scalar>(_ x: [T]) -> T {
    switch self {
    case .input(let i): x[i]
    case .constant(let c): T(c)
    case .unary(let f, let e): f(e.evaluate(x))
    case .binary(let f, let a, let b): f(a.evaluate(x), b.evaluate(x))
    }
  }

  /// Records on a tape (reverse mode); constants are recorded as values
  /// whose adjoints are ignored.
  func evaluate<T>(_ x: TracedVector<T>, on tape: Tape<T>) -> Traced<T> {
    switch self {
    case .input(let i): x[i]
    case .constant(let c): tape.variable(T(c))
    case .unary(let f, let e): f.traced(e.evaluate(x, on: tape))
    case .binary(let f, let a, let b): f.traced(a.evaluate(x, on: tape), b.evaluate(x, on: tape))
    }
  }
}
