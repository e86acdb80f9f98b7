import RealModule
import TandemAD

/// How a model's weights start.
public enum Initialisation: Sendable, Hashable {
  /// Glorot-uniform weights and zero biases, deterministic: one
  /// ``SplitMix64`` seeded with the seed draws, layer by layer and in
  /// storage order (see ``ModelDescription``), every weight of a layer with
  /// n inputs and m outputs as (2u − 1)·√(6/(n + m)), u uniform in [0, 1).
  case seeded(UInt64)
  /// The initial weights of benchmark B2 (`bench/SPEC.md`), for a model of
  /// widths [d, H, 1]; with j the hidden unit and k the input (zero-based):
  /// W1[j][k] = 0.5·sin(1.0 + 1.1·j + 2.3·k), b1[j] = 0.1·cos(0.5·j),
  /// W2[0][j] = 0.3·sin(0.7·j + 0.3), b2 = 0.
  case benchmarkB2
  /// Explicit values, in storage order (see ``ModelDescription``).
  case values([Double])
}
