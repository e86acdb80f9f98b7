extension RenderError: CustomStringConvertible {
  /// A sentence saying which file failed, why, and what to check.
  public var description: String {
    switch self {
    case .encodingFailed(let path, let reason):
      return "could not write PNG '\(path)': \(reason). "
        + "Check that its folder exists and is writable "
        + "(FrameSequence.createDirectory(at:) creates it)."
    case .decodingFailed(let path, let reason):
      return "could not read PNG '\(path)': \(reason)."
    }
  }
}
