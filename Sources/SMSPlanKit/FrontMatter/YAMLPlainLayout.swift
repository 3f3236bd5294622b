internal import CYaml

/// Front matter in the plain layout smsplan's own documents keep, read without libyaml's
/// scanner: the events libyaml gives for it, found in one pass over the bytes.
///
/// The layout: printable ASCII only, no tabs, comments, blank lines, anchors, tags, escapes
/// or lines carried on; each line `key: value` at the left margin, or `key:` followed by
/// entries `- value` indented alike. A value is a word-like plain scalar (a letter or digit,
/// then letters, digits, spaces and `._/()+;=-`), a double-quoted scalar without `\` or `"`
/// inside, or a one-line flow list or flow mapping of those (`["6.3", "6.4"]`,
/// `{ version: "1.0", date: 2026-01-01 }`). Text in that layout means the same to every
/// YAML reader; anything else is left to libyaml (`nil`), whose reading and messages stand.
enum YAMLPlainLayout {
    /// One event, at libyaml's 0-based line and column of the text.
    struct Event {
        enum Kind {
            case documentStart
            case mappingStart(flow: Bool), mappingEnd
            case sequenceStart(flow: Bool), sequenceEnd
            /// A scalar's bytes: plain, or the text between double quotes.
            case scalar(Range<Int>, quoted: Bool)
        }

        var kind: Kind
        var line: Int
        var column: Int
    }

    /// The events of `text` (a whole front matter, each line ended by a line feed), or nil
    /// when it is not in the layout.
    static func events(_ text: UnsafeBufferPointer<UInt8>) -> [Event]? {
        for byte in text where !(0x20...0x7E).contains(byte) && byte != 0x0A { return nil }
        var reader = Reader(bytes: text)
        return reader.document()
    }

    /// Feeds `events` of `text` to `builder` as libyaml events; returns the limit one passes.
    static func feed(_ events: [Event], of text: UnsafeBufferPointer<UInt8>, to builder: inout YAMLNodeBuilder) -> YAMLComposer.Failure? {
        for item in events {
            var event = yaml_event_t()
            let made: Int32
            switch item.kind {
            case .documentStart:
                made = yaml_document_start_event_initialize(&event, nil, nil, nil, 1)
            case .mappingStart(let flow):
                made = yaml_mapping_start_event_initialize(&event, nil, nil, 1, flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE)
            case .mappingEnd:
                made = yaml_mapping_end_event_initialize(&event)
            case .sequenceStart(let flow):
                made = yaml_sequence_start_event_initialize(&event, nil, nil, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE)
            case .sequenceEnd:
                made = yaml_sequence_end_event_initialize(&event)
            case .scalar(let range, let quoted):
                // libyaml copies the value; an empty one still needs a pointer.
                let base = UnsafeMutablePointer(mutating: text.baseAddress!) + range.lowerBound
                made = yaml_scalar_event_initialize(&event, nil, nil, base, Int32(range.count), quoted ? 0 : 1, quoted ? 1 : 0,
                                                    quoted ? YAML_DOUBLE_QUOTED_SCALAR_STYLE : YAML_PLAIN_SCALAR_STYLE)
            }
            guard made == 1 else { return YAMLComposer.Failure(location: .fileStart, message: "front matter could not be read: out of memory") }
            event.start_mark.line = item.line
            event.start_mark.column = item.column
            let limit = builder.take(event)
            yaml_event_delete(&event)
            if let limit { return limit }
        }
        return nil
    }

    /// A pass over the bytes, line by line.
    private struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0
        var line = 0
        var lineStart = 0
        var events: [Event] = []

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
        }

        private var column: Int { position - lineStart }
        private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

        private mutating func emit(_ kind: Event.Kind, column: Int? = nil) {
            events.append(Event(kind: kind, line: line, column: column ?? self.column))
        }

        mutating func document() -> [Event]? {
            guard !bytes.isEmpty else { return nil }
            events.reserveCapacity(64)
            emit(.documentStart)
            emit(.mappingStart(flow: false))
            while position < bytes.count {
                guard let key = name(), current == UInt8(ascii: ":") else { return nil }
                emit(.scalar(key, quoted: false), column: key.lowerBound - lineStart)
                position += 1
                skipSpaces()
                if current == 0x0A {
                    guard newLine(), blockSequence() else { return nil }
                } else {
                    guard bytes[position - 1] == 0x20, value(flow: false), endOfLine() else { return nil }
                }
            }
            emit(.mappingEnd)
            return events
        }

        /// Entries `- value` at one indent under a key, up to the next line at the margin.
        private mutating func blockSequence() -> Bool {
            let indent = leadingSpaces()
            guard indent > 0 else { return false }
            var first = true
            while position < bytes.count && bytes[position] == 0x20 {
                guard leadingSpaces() == indent else { return false }
                position += indent
                guard current == UInt8(ascii: "-"), position + 1 < bytes.count, bytes[position + 1] == 0x20 else { return false }
                if first { emit(.sequenceStart(flow: false)) }
                first = false
                position += 1
                skipSpaces()
                guard value(flow: false), endOfLine() else { return false }
            }
            guard !first else { return false }
            emit(.sequenceEnd)
            return true
        }

        /// A scalar, flow list or flow mapping; in a flow collection, scalars only.
        private mutating func value(flow: Bool) -> Bool {
            switch current {
            case UInt8(ascii: "\""):
                let start = position
                position += 1
                while let byte = current, byte != UInt8(ascii: "\""), byte != UInt8(ascii: "\\"), byte != 0x0A { position += 1 }
                guard current == UInt8(ascii: "\"") else { return false }
                emit(.scalar(start + 1..<position, quoted: true), column: start - lineStart)
                position += 1
                return true
            case UInt8(ascii: "[") where !flow:
                return collection(mapping: false)
            case UInt8(ascii: "{") where !flow:
                return collection(mapping: true)
            default:
                guard let byte = current, Self.isAlphanumeric(byte) else { return false }
                let start = position
                while let byte = current, Self.isAlphanumeric(byte) || Self.plainPunctuation.contains(byte) || byte == 0x20 { position += 1 }
                var end = position
                while end > start, bytes[end - 1] == 0x20 { end -= 1 }
                emit(.scalar(start..<end, quoted: false), column: start - lineStart)
                return true
            }
        }

        /// `[a, b]` or `{k: v, k: v}` on one line.
        private mutating func collection(mapping: Bool) -> Bool {
            let close = mapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
            emit(mapping ? .mappingStart(flow: true) : .sequenceStart(flow: true))
            position += 1
            skipSpaces()
            if current == close {
                position += 1
                emit(mapping ? .mappingEnd : .sequenceEnd)
                return true
            }
            while true {
                if mapping {
                    guard let key = name(), current == UInt8(ascii: ":"), position + 1 < bytes.count, bytes[position + 1] == 0x20 else { return false }
                    emit(.scalar(key, quoted: false), column: key.lowerBound - lineStart)
                    position += 1
                    skipSpaces()
                }
                guard value(flow: true) else { return false }
                skipSpaces()
                if current == close {
                    position += 1
                    emit(mapping ? .mappingEnd : .sequenceEnd)
                    return true
                }
                guard current == UInt8(ascii: ",") else { return false }
                position += 1
                skipSpaces()
                guard current != close else { return false }
            }
        }

        /// A key: a letter or digit, then letters, digits, `-` and `_`.
        private mutating func name() -> Range<Int>? {
            guard let byte = current, Self.isAlphanumeric(byte) else { return nil }
            let start = position
            while let byte = current, Self.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") { position += 1 }
            return start..<position
        }

        private mutating func skipSpaces() {
            while current == 0x20 { position += 1 }
        }

        private func leadingSpaces() -> Int {
            var end = position
            while end < bytes.count, bytes[end] == 0x20 { end += 1 }
            return end - position
        }

        /// Spaces, then the line's end.
        private mutating func endOfLine() -> Bool {
            skipSpaces()
            return current == 0x0A && newLine()
        }

        private mutating func newLine() -> Bool {
            position += 1
            line += 1
            lineStart = position
            return true
        }

        private static func isAlphanumeric(_ byte: UInt8) -> Bool {
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }

        /// What a plain scalar of the layout may hold besides letters, digits and spaces.
        private static let plainPunctuation: Set<UInt8> = Set("._/()+;=-".utf8)
    }
}
