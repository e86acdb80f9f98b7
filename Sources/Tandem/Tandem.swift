// The umbrella module: `import Tandem` brings in every Tandem library, and
// RealModule, whose protocols (`AlgebraicField`, `ElementaryFunctions`) give
// `Scalar` its operators: generic code over `Scalar` needs nothing else.
@_exported import RealModule
@_exported import TandemAD
@_exported import TandemFiles
@_exported import TandemPhysics
@_exported import TandemProcess
@_exported import TandemRender
@_exported import TandemReports
@_exported import TandemScene
@_exported import TandemTraining
@_exported import TandemTuning
