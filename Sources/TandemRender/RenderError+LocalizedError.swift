import Foundation

extension RenderError: LocalizedError {
  /// The same text as ``description``, for code that reports `localizedDescription`.
  public var errorDescription: String? { description }
}
