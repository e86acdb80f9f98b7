// The umbrella module: `import Tandem` brings in every Tandem library.
@_exported import TandemAD
@_exported import TandemPhysics
@_exported import TandemRender
@_exported import TandemScene
@_exported import TandemTraining
@_exported import TandemTuning
