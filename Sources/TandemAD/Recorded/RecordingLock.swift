#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The process-wide lock held by ``RecordedTape/record(_:)``: an
/// error-checking mutex, so that a nested `record` on the same thread fails
/// with a message instead of deadlocking.
nonisolated(unsafe) let recordingLock: UnsafeMutablePointer<pthread_mutex_t> = {
  let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  var attributes = pthread_mutexattr_t()
  pthread_mutexattr_init(&attributes)
  pthread_mutexattr_settype(&attributes, Int32(PTHREAD_MUTEX_ERRORCHECK))
  pthread_mutex_init(mutex, &attributes)
  pthread_mutexattr_destroy(&attributes)
  return mutex
}()

/// Runs `body` holding ``recordingLock``.
func withRecordingLock<Result>(_ body: () throws -> Result) rethrows -> Result {
  let status = pthread_mutex_lock(recordingLock)
  precondition(
    status != EDEADLK,
    "RecordedTape.record { } calls do not nest: record the whole computation in one call")
  precondition(status == 0, "could not take the recording lock (error \(status))")
  defer { pthread_mutex_unlock(recordingLock) }
  return try body()
}
