import RealModule

// Kernels on the `Double` components of a scalar.
//
// A `Dual<N, Double>` is laid out as N + 1 contiguous doubles (the value,
// then the tangents), so a buffer of them is an interleaved array of
// "components" (1 for `Double`). The fused nodes (dense layers, spring
// energy) read and write those components directly, with the component
// count a compile-time type (``ComponentCount``) so that the loops over
// components unroll and the index arithmetic folds.

/// `Dual<N, Double>` with its components contiguous: the value, then the N
/// tangents, with no padding. Checked at run time, not assumed.
@usableFromInline
protocol DualOverDouble {
  /// N + 1 when the layout is as described, nil otherwise.
  static var realComponentCount: Int? { get }
}

extension Dual: DualOverDouble where T == Double {
  @usableFromInline
  static var realComponentCount: Int? {
    let components = N + 1
    guard MemoryLayout<Dual>.stride == components * MemoryLayout<Double>.stride,
      MemoryLayout<Dual>.offset(of: \Dual.value) == 0,
      MemoryLayout<Dual>.offset(of: \Dual.tangents) == MemoryLayout<Double>.stride
    else { return nil }
    return components
  }
}

extension Tape {
  /// The number of `Double` components of `T` when the real kernels can
  /// work on them (`Double`: 1; `Dual<N, Double>`: N + 1), nil otherwise
  /// (nested duals, `Recorded`), which take the generic path.
  @inlinable
  static var realComponents: Int? {
    if T.self == Double.self { return 1 }
    if let dual = T.self as? any DualOverDouble.Type, let count = dual.realComponentCount,
      realKernelsSupport(components: count)
    {
      return count
    }
    return nil
  }

  /// Makes the real scratch buffer at least `count` doubles long (it only
  /// grows, so a loop allocates only while its first step sizes it).
  @inlinable
  func reserveRealScratch(_ count: Int) {
    if realScratch.count < count {
      realScratch = [Double](repeating: 0, count: count)
    }
  }
}

/// The number of components, as a type, so that each kernel is compiled for
/// a constant count.
@usableFromInline
protocol ComponentCount { static var count: Int { get } }
enum OneComponent: ComponentCount { static var count: Int { 1 } }
enum TwoComponents: ComponentCount { static var count: Int { 2 } }
enum ThreeComponents: ComponentCount { static var count: Int { 3 } }
enum FourComponents: ComponentCount { static var count: Int { 4 } }
enum FiveComponents: ComponentCount { static var count: Int { 5 } }
enum NineComponents: ComponentCount { static var count: Int { 9 } }

/// The component counts the kernels are compiled for: `Double` and
/// `Dual<N, Double>` for N = 1, 2, 3, 4 and 8 (the types the engine is
/// pre-specialised for). Others take the generic path.
@usableFromInline
func realKernelsSupport(components: Int) -> Bool {
  [1, 2, 3, 4, 5, 9].contains(components)
}

/// A kernel over interleaved components, run by ``run(_:components:)``
/// with its component count as a type.
@usableFromInline
protocol ComponentKernel {
  func run<K: ComponentCount>(_: K.Type)
}

/// Runs `kernel` compiled for `components` doubles per scalar (one of the
/// counts ``realKernelsSupport(components:)`` accepts).
@usableFromInline
func run(_ kernel: some ComponentKernel, components: Int) {
  switch components {
  case 1: kernel.run(OneComponent.self)
  case 2: kernel.run(TwoComponents.self)
  case 3: kernel.run(ThreeComponents.self)
  case 4: kernel.run(FourComponents.self)
  case 5: kernel.run(FiveComponents.self)
  case 9: kernel.run(NineComponents.self)
  default: preconditionFailure("no real kernel for \(components) components")
  }
}
