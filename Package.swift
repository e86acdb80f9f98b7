// swift-tools-version: 6.2
import PackageDescription

let package = Package(
  name: "Tandem",
  products: [
    .library(name: "Tandem", targets: ["Tandem"]),
    .library(name: "TandemAD", targets: ["TandemAD"]),
    .library(name: "TandemPhysics", targets: ["TandemPhysics"]),
    .library(name: "TandemTraining", targets: ["TandemTraining"]),
    .library(name: "TandemTuning", targets: ["TandemTuning"]),
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
    .target(
      name: "TandemPhysics",
      dependencies: ["TandemAD", .product(name: "Numerics", package: "swift-numerics")]
    ),
    .target(
      name: "TandemTraining",
      dependencies: ["TandemAD", .product(name: "Numerics", package: "swift-numerics")]
    ),
    .target(name: "TandemTuning", dependencies: ["TandemAD", "TandemPhysics", "TandemTraining"]),
    .target(name: "Tandem", dependencies: ["TandemAD", "TandemPhysics", "TandemTuning"]),
    .executableTarget(
      name: "tandem",
      dependencies: [
        "Tandem",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    .testTarget(name: "TandemTests", dependencies: ["Tandem"]),
    .testTarget(name: "TandemPhysicsTests", dependencies: ["TandemPhysics"]),
    .testTarget(name: "TandemTrainingTests", dependencies: ["TandemTraining", "TandemTuning", "TandemAD"]),
  ]
)
