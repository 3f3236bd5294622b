internal import CYaml

/// The limits hostile YAML meets before any node is built: how deep it nests and how many
/// values it expands to, aliases counted at their full size.
///
/// The composer feeds every libyaml event to a ``Scan`` before it builds anything from it;
/// the first event past a limit stops the pass. A billion-laughs alias bomb is refused at
/// the alias that would pass the node limit, and a 10,000-deep `[[[...` or `- - - ...` at
/// the level past the depth limit. A limit passed anywhere in the text is what is told,
/// even when a problem of composition (a repeated key, an undefined alias) comes before it.
enum YAMLLimits {
    /// The most values (scalars, lists, mappings, aliases expanded) a YAML text may hold.
    static let maximumNodes = 100_000
    /// The deepest nesting of lists and mappings accepted.
    static let maximumDepth = 64

    /// The running count over one event stream, fed every event of the text (the documents
    /// after the first too, and the events after a composition problem).
    struct Scan {
        /// Open lists and mappings: their anchor and how many values they hold so far.
        private var open: [(anchor: String?, size: Int)] = []
        /// Anchored values by name, with their expanded size.
        private var anchors: [String: Int] = [:]
        private var total = 0
        let firstLine: Int

        init(firstLine: Int) {
            self.firstLine = firstLine
        }

        /// Counts one event; returns the failure when it passes a limit.
        mutating func take(_ event: yaml_event_t) -> YAMLComposer.Failure? {
            switch event.type {
            case YAML_SCALAR_EVENT:
                return add(1, anchor: Self.name(event.data.scalar.anchor), at: event)
            case YAML_ALIAS_EVENT:
                let size = Self.name(event.data.alias.anchor).flatMap { anchors[$0] } ?? 1
                return add(size, anchor: nil, at: event)
            case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                let anchor = event.type == YAML_SEQUENCE_START_EVENT
                    ? Self.name(event.data.sequence_start.anchor) : Self.name(event.data.mapping_start.anchor)
                open.append((anchor, 1))
                guard open.count <= maximumDepth else {
                    return failure(at: event, "front matter is nested deeper than \(maximumDepth) levels")
                }
                return count(1, at: event)
            case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                guard let closed = open.popLast() else { return nil }
                if let anchor = closed.anchor { anchors[anchor] = closed.size }
                if !open.isEmpty { open[open.count - 1].size = Self.capped(open[open.count - 1].size + closed.size) }
                return nil
            default:
                return nil
            }
        }

        /// A value of `size` values inside the innermost open collection.
        private mutating func add(_ size: Int, anchor: String?, at event: yaml_event_t) -> YAMLComposer.Failure? {
            if let anchor { anchors[anchor] = size }
            if !open.isEmpty { open[open.count - 1].size = Self.capped(open[open.count - 1].size + size) }
            return count(size, at: event)
        }

        private mutating func count(_ size: Int, at event: yaml_event_t) -> YAMLComposer.Failure? {
            total = Self.capped(total + size)
            guard total > maximumNodes else { return nil }
            return failure(at: event, "front matter expands to more than \(maximumNodes) values (an alias bomb?)")
        }

        private func failure(at event: yaml_event_t, _ message: String) -> YAMLComposer.Failure {
            YAMLComposer.Failure(location: SourceLocation(line: Int(event.start_mark.line) + firstLine, column: Int(event.start_mark.column) + 1),
                                 message: message)
        }

        /// Sizes stop growing just past the limit, so doubling aliases never overflow.
        private static func capped(_ size: Int) -> Int {
            min(size, maximumNodes + 1)
        }

        private static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }
}
