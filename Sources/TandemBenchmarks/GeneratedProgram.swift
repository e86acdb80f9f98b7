import RealModule
import TandemAD

/// A large straight-line program of scalar operations, generated from a
/// seed: the "large generated expression" benchmark. Each instruction reads
/// one or two earlier values (mostly recent ones, as real code does) and
/// writes one new value; `sin`, `cos` and `tanh` are frequent enough to keep
/// every value bounded.
struct GeneratedProgram {
  enum Operation: UInt8 { case add, subtract, multiply, sin, cos, tanh, scale }

  struct Instruction {
    var operation: Operation
    var lhs: Int32
    var rhs: Int32
    var constant: Double
  }

  let inputs: [Double]
  let instructions: [Instruction]

  /// The number of values a run produces: inputs, then one per instruction.
  var valueCount: Int { inputs.count + instructions.count }

  init(instructionCount: Int, inputCount: Int = 16, seed: UInt64) {
    var random = BenchmarkRandom(seed: seed)
    inputs = (0..<inputCount).map { _ in random.uniform(-1...1) }
    var instructions: [Instruction] = []
    instructions.reserveCapacity(instructionCount)
    for i in 0..<instructionCount {
      let available = inputCount + i
      func operand() -> Int32 {
        // Three in four operands are among the 32 latest values.
        let window = random.next() % 4 == 0 ? available : min(available, 32)
        return Int32(available - 1 - Int(random.next() % UInt64(window)))
      }
      let operation = Operation(rawValue: UInt8(random.next() % 7))!
      instructions.append(
        Instruction(
          operation: operation, lhs: operand(), rhs: operand(), constant: random.uniform(-1.5...1.5)
        ))
    }
    self.instructions = instructions
  }

  /// Runs the program on plain scalars into `values` (resized to fit) and
  /// returns the last value.
  func evaluate<T: Scalar>(_ inputs: [T], into values: inout [T]) -> T {
    values.removeAll(keepingCapacity: true)
    values.append(contentsOf: inputs)
    for instruction in instructions {
      let a = values[Int(instruction.lhs)]
      let b = values[Int(instruction.rhs)]
      let result: T
      switch instruction.operation {
      case .add: result = a + b
      case .subtract: result = a - b
      case .multiply: result = a * b
      case .sin: result = T.sin(a)
      case .cos: result = T.cos(a)
      case .tanh: result = T.tanh(a)
      case .scale: result = a * T(instruction.constant)
      }
      values.append(result)
    }
    return values[values.count - 1]
  }

  /// Records the program on `tape`, with handles kept in `handles`, and
  /// returns the last value.
  func record<T>(_ inputs: [T], on tape: Tape<T>, handles: inout [Traced<T>]) -> Traced<T> {
    handles.removeAll(keepingCapacity: true)
    let x = tape.variables(inputs)
    for i in 0..<x.count { handles.append(x[i]) }
    for instruction in instructions {
      let a = handles[Int(instruction.lhs)]
      let b = handles[Int(instruction.rhs)]
      let result: Traced<T>
      switch instruction.operation {
      case .add: result = a + b
      case .subtract: result = a - b
      case .multiply: result = a * b
      case .sin: result = Traced.sin(a)
      case .cos: result = Traced.cos(a)
      case .tanh: result = Traced.tanh(a)
      case .scale: result = a * T(instruction.constant)
      }
      handles.append(result)
    }
    return handles[handles.count - 1]
  }
}

/// SplitMix64, for reproducible generated workloads.
struct BenchmarkRandom: RandomNumberGenerator {
  private var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
  mutating func uniform(_ range: ClosedRange<Double>) -> Double {
    Double.random(in: range, using: &self)
  }
}
