/// A type whose code generic over the scalar runs specialised for each fast
/// scalar type, even when it is reached through an existential (`any P`):
/// the one list of the scalar types Tandem compiles fast code for.
///
/// Swift specialises generic code only where the concrete types are known
/// when it compiles. A generic method called on an existential (a scene's
/// forces, held as `[any Force]`) runs unspecialised, which for dual-number
/// arithmetic is 50–100× slower: 156 against 2 ns an element, measured on a
/// `Dual<4, Double>` loop. A conforming type writes its generic body once
/// (``specialisedBody(_:on:)``); the entry points below, one per fast scalar,
/// are compiled for the conforming type with that scalar fixed (they are
/// default implementations, so each conformance gets its own), and
/// ``specialised(_:on:)`` picks one by metatype comparison. Any other scalar
/// runs the body generically: correct, only slower.
///
/// The fast scalars: `Double`; `Dual<N, Double>` for N = 1, 2, 3, 4 and 8
/// (``TangentWidth``); `Dual<N, Dual<N, Double>>` for N = 1 to 4; and
/// ``Recorded``. The argument and the result are erased (`Any`), because
/// Swift has no way to name "the body's type on S"; a refining protocol
/// wraps them in typed calls.
///
/// - Important: implement ``specialisedBody(_:on:)`` only; the entry points
///   have default implementations that must not be replaced.
public protocol ScalarSpecialised {
  /// The generic body: runs on `scalar` with `argument`, returning its result.
  func specialisedBody<S: Scalar>(_ argument: Any, on scalar: S.Type) -> Any
  /// The body compiled for `Double` (default implementation only).
  func specialisedOnDouble(_ argument: Any) -> Any
  /// The body compiled for `Dual<1, Double>` (default implementation only).
  func specialisedOnDual1(_ argument: Any) -> Any
  /// The body compiled for `Dual<2, Double>` (default implementation only).
  func specialisedOnDual2(_ argument: Any) -> Any
  /// The body compiled for `Dual<3, Double>` (default implementation only).
  func specialisedOnDual3(_ argument: Any) -> Any
  /// The body compiled for `Dual<4, Double>` (default implementation only).
  func specialisedOnDual4(_ argument: Any) -> Any
  /// The body compiled for `Dual<8, Double>` (default implementation only).
  func specialisedOnDual8(_ argument: Any) -> Any
  /// The body compiled for `Dual<1, Dual<1, Double>>` (default implementation only).
  func specialisedOnNestedDual1(_ argument: Any) -> Any
  /// The body compiled for `Dual<2, Dual<2, Double>>` (default implementation only).
  func specialisedOnNestedDual2(_ argument: Any) -> Any
  /// The body compiled for `Dual<3, Dual<3, Double>>` (default implementation only).
  func specialisedOnNestedDual3(_ argument: Any) -> Any
  /// The body compiled for `Dual<4, Dual<4, Double>>` (default implementation only).
  func specialisedOnNestedDual4(_ argument: Any) -> Any
  /// The body compiled for ``Recorded`` (default implementation only).
  func specialisedOnRecorded(_ argument: Any) -> Any
}

extension ScalarSpecialised {
  @inlinable public func specialisedOnDouble(_ a: Any) -> Any {
    specialisedBody(a, on: Double.self)
  }
  @inlinable public func specialisedOnDual1(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<1, Double>.self)
  }
  @inlinable public func specialisedOnDual2(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<2, Double>.self)
  }
  @inlinable public func specialisedOnDual3(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<3, Double>.self)
  }
  @inlinable public func specialisedOnDual4(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<4, Double>.self)
  }
  @inlinable public func specialisedOnDual8(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<8, Double>.self)
  }
  @inlinable public func specialisedOnNestedDual1(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<1, Dual<1, Double>>.self)
  }
  @inlinable public func specialisedOnNestedDual2(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<2, Dual<2, Double>>.self)
  }
  @inlinable public func specialisedOnNestedDual3(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<3, Dual<3, Double>>.self)
  }
  @inlinable public func specialisedOnNestedDual4(_ a: Any) -> Any {
    specialisedBody(a, on: Dual<4, Dual<4, Double>>.self)
  }
  @inlinable public func specialisedOnRecorded(_ a: Any) -> Any {
    specialisedBody(a, on: Recorded.self)
  }

  /// Runs ``specialisedBody(_:on:)`` on `T` with `argument`: compiled for
  /// `T` when it is a fast scalar, generically otherwise.
  @inlinable
  public func specialised<T: Scalar>(_ argument: Any, on _: T.Type) -> Any {
    if T.self == Double.self { return specialisedOnDouble(argument) }
    if T.self == Dual<1, Double>.self { return specialisedOnDual1(argument) }
    if T.self == Dual<2, Double>.self { return specialisedOnDual2(argument) }
    if T.self == Dual<3, Double>.self { return specialisedOnDual3(argument) }
    if T.self == Dual<4, Double>.self { return specialisedOnDual4(argument) }
    if T.self == Dual<8, Double>.self { return specialisedOnDual8(argument) }
    if T.self == Recorded.self { return specialisedOnRecorded(argument) }
    if T.self == Dual<1, Dual<1, Double>>.self { return specialisedOnNestedDual1(argument) }
    if T.self == Dual<2, Dual<2, Double>>.self { return specialisedOnNestedDual2(argument) }
    if T.self == Dual<3, Dual<3, Double>>.self { return specialisedOnNestedDual3(argument) }
    if T.self == Dual<4, Dual<4, Double>>.self { return specialisedOnNestedDual4(argument) }
    return specialisedBody(argument, on: T.self)
  }
}

/// The scalar types Tandem compiles fast paths for, named in one place: the
/// type tests every fast path goes through.
///
/// Three kinds of fast path read the scalar's type: code compiled per fast
/// scalar behind an existential (``ScalarSpecialised``, whose
/// ``ScalarSpecialised/specialised(_:on:)`` holds the list); bulk kernels on
/// the `Double` components of `Double` and duals over it
/// (``realComponents(of:)``); and a path written for one scalar that takes
/// over generic code when the scalar is that one (``value(_:on:as:ifScalarIs:)``:
/// a step reversed by hand on `Double`, a spring node on the trajectory
/// tape's ``Recorded``). The comparisons are of metatypes, which fold away
/// in specialised code (a dynamic protocol cast here was 3% of a B1 step).
public enum FastScalars {
  /// The number of `Double` components of `T` when kernels on components
  /// can work on them (`Double`: 1; `Dual<N, Double>` for N = 1, 2, 3, 4, 8:
  /// N + 1), nil otherwise (nested duals, `Recorded`, other N), which take
  /// a node's generic path.
  @inlinable
  public static func realComponents<T: Scalar>(of _: T.Type) -> Int? {
    if T.self == Double.self { return 1 }
    if T.self == Dual<1, Double>.self { return interleaved(Dual<1, Double>.self) }
    if T.self == Dual<2, Double>.self { return interleaved(Dual<2, Double>.self) }
    if T.self == Dual<3, Double>.self { return interleaved(Dual<3, Double>.self) }
    if T.self == Dual<4, Double>.self { return interleaved(Dual<4, Double>.self) }
    if T.self == Dual<8, Double>.self { return interleaved(Dual<8, Double>.self) }
    return nil
  }

  /// N + 1 when `Dual<N, Double>` is laid out as N + 1 contiguous doubles,
  /// the value then the tangents, with no padding; nil otherwise. Checked,
  /// not assumed (the checks are constants once specialised).
  @inlinable
  static func interleaved<let N: Int>(_: Dual<N, Double>.Type) -> Int? {
    typealias D = Dual<N, Double>
    guard MemoryLayout<D>.stride == (N + 1) * MemoryLayout<Double>.stride,
      MemoryLayout<D>.offset(of: \D.value) == 0,
      MemoryLayout<D>.offset(of: \D.tangents) == MemoryLayout<Double>.stride
    else { return nil }
    return N + 1
  }

  /// `value`, of a type that mentions the scalar `T`, as the same value of
  /// `Target`, the same type with `S` in `T`'s place, when `T` is `S`; nil
  /// otherwise. How a path written for one scalar takes over generic code:
  /// `FastScalars.value(self, on: T.self, as: Simulation<Double>.self,
  /// ifScalarIs: Double.self)`.
  ///
  /// - Precondition: `Target` is `Value` with `S` for `T` (the same layout).
  @inlinable
  public static func value<T: Scalar, S: Scalar, Value, Target>(
    _ value: Value, on _: T.Type, as _: Target.Type, ifScalarIs _: S.Type
  ) -> Target? {
    guard T.self == S.self else { return nil }
    precondition(
      MemoryLayout<Value>.size == MemoryLayout<Target>.size, "\(Value.self) is not \(Target.self)")
    return unsafeBitCast(value, to: Target.self)
  }
}
