import Foundation
import TandemFiles
import TandemRender

/// The folder a sweep's shards write to and its merge reads: `sweep.json`
/// (the ``SweepManifest``), one `shard-I-of-N.jsonl` per shard, and what
/// the merge writes.
///
/// Shards of one sweep may run at once, on one machine or many sharing the
/// folder, so nothing here locks it: every file is written whole under a
/// temporary name and renamed into place (``AtomicFile``), so a re-run
/// shard replaces its own file and nothing else, and a reader sees a whole
/// file or none.
public struct SweepFolder: Sendable {
  /// The folder.
  public let url: URL

  /// The sweep's description file.
  public static let manifestName = "sweep.json"

  /// The folder at `url` (not created until a shard writes).
  public init(_ url: URL) { self.url = url }

  /// Creates the folder if needed and records `manifest` in it, or checks
  /// that the manifest there is the same, before a shard's work.
  ///
  /// - Throws: ``SweepError/otherSweep(_:)`` when the folder holds another
  ///   sweep; ``OutputFolderError`` when it is a symbolic link or not a folder.
  public func claim(for manifest: SweepManifest) throws {
    var status = stat()
    if lstat(url.path, &status) == 0 {
      if status.st_mode & S_IFMT == S_IFLNK { throw OutputFolderError.symbolicLink(url.path) }
      if status.st_mode & S_IFMT != S_IFDIR { throw OutputFolderError.notAFolder(url.path) }
    }
    try FrameSequence.createDirectory(at: url)
    let file = url.appendingPathComponent(Self.manifestName)
    if let existing = try? Data(contentsOf: file) {
      guard (try? SweepManifest.reading(existing)) == manifest else {
        throw SweepError.otherSweep(url.path)
      }
      return
    }
    try AtomicFile.write(Data(manifest.text.utf8), to: file)
  }

  /// Writes `results` as `shard`'s file, one JSON line per task, in one
  /// piece; returns the file.
  @discardableResult
  public func write(_ results: [SweepResult], as shard: SweepShard) throws -> URL {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    var text = Data()
    for result in results {
      text.append(try encoder.encode(result))
      text.append(UInt8(ascii: "\n"))
    }
    let file = url.appendingPathComponent(shard.fileName)
    try AtomicFile.write(text, to: file)
    return file
  }

  /// Writes `results` as `shard`'s file together with the tasks of the
  /// shard's earlier file that `results` lacks, for an interrupted shard:
  /// what it finished replaces the earlier results of those tasks, and the
  /// rest of the earlier file is kept, so an interrupt never loses a result.
  /// An earlier file that cannot be read is replaced.
  @discardableResult
  public func write(_ results: [SweepResult], keepingEarlierOf shard: SweepShard) throws -> URL {
    let earlier = (try? read(shard)) ?? []
    var byTask = Dictionary(earlier.map { ($0.task, $0) }, uniquingKeysWith: { a, _ in a })
    for result in results { byTask[result.task] = result }
    return try write(byTask.keys.sorted().map { byTask[$0]! }, as: shard)
  }

  /// The sweep's manifest.
  ///
  /// - Throws: ``SweepError/noSweep(_:)`` when there is none,
  ///   ``SweepError/unreadable(_:line:_:)`` when it cannot be read.
  public func manifest() throws -> SweepManifest {
    let file = url.appendingPathComponent(Self.manifestName)
    guard let data = try? Data(contentsOf: file) else { throw SweepError.noSweep(url.path) }
    do {
      return try SweepManifest.reading(data)
    } catch {
      throw SweepError.unreadable(file.path, line: nil, "not a sweep description (\(error))")
    }
  }

  /// Every shard file in the folder, in order of N then I, with its results.
  ///
  /// - Throws: ``SweepError/unreadable(_:line:_:)`` naming the file and line
  ///   of a result that cannot be read.
  public func shards() throws -> [(shard: SweepShard, results: [SweepResult])] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
    let shards = names.compactMap(SweepShard.init(fileName:)).sorted {
      ($0.count, $0.index) < ($1.count, $1.index)
    }
    return try shards.map { ($0, try read($0)) }
  }

  /// The results in `shard`'s file.
  ///
  /// - Throws: ``SweepError/unreadable(_:line:_:)`` naming the file, and the
  ///   line of a result that cannot be read.
  public func read(_ shard: SweepShard) throws -> [SweepResult] {
    let file = url.appendingPathComponent(shard.fileName)
    guard let data = try? Data(contentsOf: file) else {
      throw SweepError.unreadable(file.path, line: nil, "cannot be read")
    }
    let decoder = JSONDecoder()
    var results: [SweepResult] = []
    for (number, line) in data.split(separator: UInt8(ascii: "\n")).enumerated() {
      do {
        results.append(try decoder.decode(SweepResult.self, from: Data(line)))
      } catch {
        throw SweepError.unreadable(
          file.path, line: number + 1, "not a task's result; re-run shard \(shard)")
      }
    }
    return results
  }
}
