// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "Tandem",
  products: [
    .library(name: "Tandem", targets: ["Tandem"]),
    .library(name: "TandemAD", targets: ["TandemAD"]),
    .library(name: "TandemProcess", targets: ["TandemProcess"]),
    .library(name: "TandemFiles", targets: ["TandemFiles"]),
    .library(name: "TandemPhysics", targets: ["TandemPhysics"]),
    .library(name: "TandemTraining", targets: ["TandemTraining"]),
    .library(name: "TandemTuning", targets: ["TandemTuning"]),
    .library(name: "TandemScene", targets: ["TandemScene"]),
    .library(name: "TandemRender", targets: ["TandemRender"]),
    .library(name: "TandemReports", targets: ["TandemReports"]),
    .executable(name: "tandem", targets: ["tandem"]),
    .executable(name: "tandem-bench", targets: ["tandem-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // `make docs`: DocC archives of the library modules (a command plugin only).
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .target(
      name: "TandemAD",
      dependencies: [.product(name: "Numerics", package: "swift-numerics")]
    ),
    // Files and formats: reading the text files a user names, splitting CSV,
    // writing atomically, quoting file contents in messages. Foundation only.
    .target(name: "TandemFiles"),
    // The process abstraction both halves conform to (a stepped process, its
    // runs and snapshots), the quantities descriptions are written in, and
    // support they share (a seeded generator, peak memory).
    .target(name: "TandemProcess", dependencies: ["TandemAD"]),
    // Vector operations Swift's SIMD types lack (a vector square root).
    .target(name: "CVectorMath"),
    .target(
      name: "TandemPhysics",
      dependencies: [
        "TandemAD", "TandemProcess", "CVectorMath",
        .product(name: "Numerics", package: "swift-numerics"),
      ]
    ),
    .target(
      name: "TandemTraining",
      dependencies: [
        "TandemAD", "TandemProcess", "TandemFiles",
        .product(name: "Numerics", package: "swift-numerics"),
      ]
    ),
    .target(name: "TandemTuning", dependencies: ["TandemAD", "TandemProcess"]),
    .target(
      name: "TandemScene",
      dependencies: [
        "TandemAD", "TandemProcess", "TandemFiles", "TandemPhysics", "TandemTraining",
        "TandemTuning", "TandemRender", .product(name: "Yams", package: "Yams"),
      ]
    ),
    .systemLibrary(name: "CLibPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
    .target(name: "CPNGShim", dependencies: ["CLibPNG"]),
    .target(name: "TandemRender", dependencies: ["CPNGShim", "TandemFiles"]),
    // Counts heap allocations by interposing malloc and friends (forwarding to
    // glibc). Whatever executable links it gets the interposer: only
    // TandemBenchmarks depends on it.
    .target(name: "CAllocationCounter"),
    .target(
      name: "TandemBenchmarks",
      dependencies: [
        "TandemAD", "TandemProcess", "TandemPhysics", "TandemTraining", "TandemTuning",
        "TandemScene", "CAllocationCounter",
      ]
    ),
    // Frames, overlays and plots of runs and tunings.
    .target(
      name: "TandemReports",
      dependencies: [
        "TandemAD", "TandemProcess", "TandemFiles", "TandemPhysics", "TandemTraining",
        "TandemTuning", "TandemScene", "TandemRender",
      ]
    ),
    // The umbrella: `@_exported import` lines only.
    .target(
      name: "Tandem",
      dependencies: [
        "TandemAD", "TandemProcess", "TandemFiles", "TandemPhysics", "TandemTraining",
        "TandemTuning", "TandemScene", "TandemRender", "TandemReports",
        .product(name: "RealModule", package: "swift-numerics"),
      ]
    ),
    // The modules the tool imports through the umbrella are named too: with
    // the umbrella alone, an incremental build missed a layout change in
    // TandemPhysics and linked a tool that crashed copying its descriptions.
    .executableTarget(
      name: "tandem",
      dependencies: [
        "Tandem", "TandemAD", "TandemFiles", "TandemProcess", "TandemPhysics", "TandemTraining",
        "TandemTuning", "TandemScene", "TandemRender", "TandemReports",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // `tandem bench`, apart from `tandem` so that the allocation counter's
    // malloc interposer is never in the binary users run.
    .executableTarget(
      name: "tandem-bench",
      dependencies: [
        "TandemBenchmarks",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    // The scene-reader fuzzing harness (`make fuzz`), and its libFuzzer
    // target: built with -sanitize=fuzzer by `make fuzz`, an ordinary
    // replayer of saved inputs otherwise.
    .target(name: "TandemFuzzing", dependencies: ["TandemScene", "TandemProcess", "TandemFiles"]),
    .executableTarget(name: "tandem-fuzz", dependencies: ["TandemFuzzing"]),
    // End to end through the umbrella; the modules are named too, as for `tandem`.
    .testTarget(
      name: "TandemTests",
      dependencies: [
        "Tandem", "TandemAD", "TandemFiles", "TandemProcess", "TandemPhysics", "TandemTraining",
        "TandemTuning", "TandemScene", "TandemRender", "TandemReports", "TandemTestSupport",
      ]),
    // Finite differences, seeded samples and ulp errors the test targets share.
    .target(
      name: "TandemTestSupport", dependencies: ["TandemAD", "TandemProcess"],
      path: "Tests/TandemTestSupport"),
    .testTarget(
      name: "TandemADTests", dependencies: ["TandemAD", "TandemProcess", "TandemTestSupport"]),
    .testTarget(name: "TandemProcessTests", dependencies: ["TandemProcess", "TandemAD"]),
    .testTarget(
      name: "TandemTuningTests", dependencies: ["TandemTuning", "TandemProcess", "TandemAD"]),
    .testTarget(
      name: "TandemPhysicsTests",
      dependencies: ["TandemPhysics", "TandemProcess", "TandemTestSupport"]),
    .testTarget(
      name: "TandemTrainingTests",
      dependencies: [
        "TandemTraining", "TandemTuning", "TandemAD", "TandemProcess", "TandemTestSupport",
      ]),
    .testTarget(
      name: "TandemSceneTests",
      dependencies: [
        "TandemScene", "TandemRender", "TandemPhysics", "TandemTraining", "TandemAD",
        "TandemProcess", "TandemFiles", "TandemFuzzing",
      ]),
    .testTarget(name: "TandemRenderTests", dependencies: ["TandemRender", "TandemFiles"]),
    .testTarget(
      name: "TandemBenchmarksTests", dependencies: ["TandemBenchmarks", "TandemProcess"]),
    // Runs the built executables as a user does (exit statuses, --json).
    .testTarget(name: "TandemCLITests", dependencies: ["tandem", "tandem-bench"]),
  ],
  swiftLanguageModes: [.v6]
)
