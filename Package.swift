// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "Tandem",
  products: [
    .library(name: "Tandem", targets: ["Tandem"]),
    .library(name: "TandemAD", targets: ["TandemAD"]),
    .executable(name: "tandem", targets: ["tandem"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
  ],
  targets: [
    .target(
      name: "TandemAD",
      dependencies: [.product(name: "Numerics", package: "swift-numerics")]
    ),
    .target(name: "Tandem", dependencies: ["TandemAD"]),
    // Counts heap allocations by interposing malloc and friends (forwarding to
    // glibc). Whatever executable links it gets the interposer: only
    // TandemBenchmarks depends on it.
    .target(name: "CAllocationCounter"),
    .target(name: "TandemBenchmarks", dependencies: ["TandemAD", "CAllocationCounter"]),
    .executableTarget(
      name: "tandem",
      dependencies: [
        "Tandem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "TandemTests", dependencies: ["Tandem"]),
    .testTarget(name: "TandemADTests", dependencies: ["TandemAD"]),
    .testTarget(name: "TandemBenchmarksTests", dependencies: ["TandemBenchmarks"]),
  ]
)
