import CYaml

/// Counts the nodes a YAML text expands to once its aliases are replaced by
/// what they name, without expanding anything, so that a small file built to
/// expand exponentially ("billion laughs": lists of aliases of lists of
/// aliases) is refused before Yams composes it. Composing such a file hashes
/// every aliased mapping key in full, which took 16 s for a 466-byte file.
///
/// Reads libyaml's events (the parser Yams itself uses) once: each node's
/// expanded size is 1 plus its children's, and an alias counts the size its
/// anchor had. Linear in the length of the text.
enum YAMLExpansion {
  /// Why a text was refused: the expanded count passed `limit` at `line`, `column`.
  struct TooLarge: Error {
    var line: Int
    var column: Int
  }

  /// Throws ``TooLarge`` when `text` expands to more than `limit` nodes.
  /// A syntax error is left to the composer, which reports it with its place.
  static func check(_ text: String, limit: Int) throws {
    var parser = yaml_parser_t()
    guard yaml_parser_initialize(&parser) == 1 else { return }
    defer { yaml_parser_delete(&parser) }
    var bytes = Array(text.utf8)
    try bytes.withUnsafeMutableBufferPointer { buffer in
      yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
      var sizes: [String: Int] = [:]
      // The open collections: their anchor and their expanded size so far.
      var open: [(anchor: String?, size: Int)] = []
      var total = 0
      // Counts `size` more nodes at `mark`, in the total and in the collection holding them.
      func count(_ size: Int, at mark: yaml_mark_t, inParent: Bool = true) throws {
        let (sum, overflow) = total.addingReportingOverflow(size)
        guard !overflow, sum <= limit else {
          throw TooLarge(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
        total = sum
        if inParent, !open.isEmpty { open[open.count - 1].size += size }
      }
      func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
      }
      while true {
        var event = yaml_event_t()
        guard yaml_parser_parse(&parser, &event) == 1 else { return }
        defer { yaml_event_delete(&event) }
        switch event.type {
        case YAML_STREAM_END_EVENT:
          return
        case YAML_SCALAR_EVENT:
          if let anchor = name(event.data.scalar.anchor) { sizes[anchor] = 1 }
          try count(1, at: event.start_mark)
        case YAML_ALIAS_EVENT:
          try count(name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1, at: event.start_mark)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
          let anchor =
            event.type == YAML_SEQUENCE_START_EVENT
            ? name(event.data.sequence_start.anchor) : name(event.data.mapping_start.anchor)
          // The collection itself; its parent counts it, children and all, when it closes.
          try count(1, at: event.start_mark, inParent: false)
          open.append((anchor, 1))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
          let closed = open.removeLast()
          if let anchor = closed.anchor { sizes[anchor] = closed.size }
          if !open.isEmpty { open[open.count - 1].size += closed.size }
        default:
          continue
        }
      }
    }
  }
}
