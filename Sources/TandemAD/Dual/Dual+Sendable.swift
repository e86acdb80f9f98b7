import RealModule

extension Dual: @unchecked Sendable {}
