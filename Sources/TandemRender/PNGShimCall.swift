import CPNGShim

/// Runs one CPNGShim function with a message buffer and returns libpng's
/// message if it reports failure (non-zero), or nil on success.
func callPNGShim(_ body: (UnsafeMutablePointer<CChar>, Int) -> Int32) -> String? {
  let capacity = 256
  var buffer = [CChar](repeating: 0, count: capacity)
  let status = buffer.withUnsafeMutableBufferPointer { body($0.baseAddress!, capacity) }
  guard status != 0 else { return nil }
  let message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  return message.isEmpty ? "unknown libpng error" : message
}
