// The umbrella module: `import Tandem` brings in every Tandem library.
@_exported import TandemAD
