import RealModule

// Kernels on the `Double` components of a scalar: the building blocks of
// bulk nodes (``BulkNode``) that run on plain doubles.
//
// A `Dual<N, Double>` is laid out as N + 1 contiguous doubles (the value,
// then the tangents), so a buffer of them is an interleaved array of
// "components" (1 for `Double`). A bulk node can read and write those
// components directly, with the component count a compile-time type
// (``ComponentCount``) so that the loops over components unroll and the
// index arithmetic folds.

extension Tape {
  /// The number of `Double` components of `T` when kernels on components
  /// can work on them, nil otherwise: ``FastScalars/realComponents(of:)``.
  @inlinable
  public static var realComponents: Int? { FastScalars.realComponents(of: T.self) }

  /// Whether `x` is exactly 1 with every tangent zero, read from its `Double`
  /// components (false when ``realComponents`` is nil). Multiplying by such
  /// a value changes nothing but, at most, the sign of a zero, so a bulk
  /// node may skip the product (an energy summed into the output has such
  /// an adjoint).
  @inlinable
  public static func isUnit(_ x: T) -> Bool {
    guard let components = realComponents else { return false }
    return withUnsafeBytes(of: x) { bytes in
      let doubles = bytes.assumingMemoryBound(to: Double.self)
      guard doubles[0] == 1 else { return false }
      for d in 1..<components where doubles[d] != 0 { return false }
      return true
    }
  }

  /// Makes the scratch buffer of bulk nodes' kernels at least `count`
  /// doubles long (``TapeRecordingBuffers/scratch``,
  /// ``TapeBackwardBuffers/scratch``). It only grows, so a loop allocates
  /// only while its first step sizes it.
  @inlinable
  public func reserveRealScratch(_ count: Int) {
    if realScratch.count < count {
      realScratch = [Double](repeating: 0, count: count)
    }
  }
}

/// The number of components, as a type, so that each kernel is compiled for
/// a constant count.
public protocol ComponentCount {
  /// The number of `Double` components per scalar.
  static var count: Int { get }
}

/// One component: `Double`.
public enum OneComponent: ComponentCount {
  /// 1.
  @inlinable public static var count: Int { 1 }
}

/// Two components: `Dual<1, Double>`.
public enum TwoComponents: ComponentCount {
  /// 2.
  @inlinable public static var count: Int { 2 }
}

/// Three components: `Dual<2, Double>`.
public enum ThreeComponents: ComponentCount {
  /// 3.
  @inlinable public static var count: Int { 3 }
}

/// Four components: `Dual<3, Double>`.
public enum FourComponents: ComponentCount {
  /// 4.
  @inlinable public static var count: Int { 4 }
}

/// Five components: `Dual<4, Double>`.
public enum FiveComponents: ComponentCount {
  /// 5.
  @inlinable public static var count: Int { 5 }
}

/// Nine components: `Dual<8, Double>`.
public enum NineComponents: ComponentCount {
  /// 9.
  @inlinable public static var count: Int { 9 }
}

/// A kernel over interleaved components, run by ``run(components:)`` with
/// its component count as a type.
public protocol ComponentKernel {
  /// Runs the kernel compiled for `K.count` components per scalar.
  func run<K: ComponentCount>(_: K.Type)
}

extension ComponentKernel {
  /// Runs the kernel compiled for `components` doubles per scalar (one of
  /// the counts ``Tape/realComponents`` returns).
  @inlinable
  public func run(components: Int) {
    switch components {
    case 1: run(OneComponent.self)
    case 2: run(TwoComponents.self)
    case 3: run(ThreeComponents.self)
    case 4: run(FourComponents.self)
    case 5: run(FiveComponents.self)
    case 9: run(NineComponents.self)
    default: preconditionFailure("no real kernel for \(components) components")
    }
  }
}
