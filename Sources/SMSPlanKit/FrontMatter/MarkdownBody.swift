import Foundation

/// What smsplan reads from a document's Markdown body: its headings and its links.
public struct MarkdownBody: Sendable {
    /// An ATX heading (`## Scope`).
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var text: String
        public var line: Int
    }

    /// An inline link (`[text](target)`) with the location of its target.
    public struct Link: Sendable, Hashable {
        public var target: String
        public var location: SourceLocation
    }

    public var headings: [Heading] = []
    public var links: [Link] = []

    public init() {}

    /// Reads headings and links from body lines, the first of which is line `firstLine`
    /// of the file. Fenced code blocks are skipped.
    public init<Lines: Sequence>(lines: Lines, firstLine: Int) where Lines.Element == Substring {
        var inFence = false
        var number = firstLine - 1
        for line in lines {
            number += 1
            read(line, number: number, inFence: &inFence)
        }
        fit()
    }

    /// The headings and links in buffers of their size: appending leaves up to twice the
    /// room, and a plan holds one body per document until its check ends.
    private mutating func fit() {
        if headings.capacity > headings.count { headings = headings.withUnsafeBufferPointer { Array($0) } }
        if links.capacity > links.count { links = links.withUnsafeBufferPointer { Array($0) } }
    }

    /// `init(lines:firstLine:)` for the lines of `text` at the byte offsets `bounds`: only a
    /// line that can open or close a fence, be a heading or hold a link (told from its bytes)
    /// is made a Substring and read; the others change nothing.
    init(text: String, bounds: ArraySlice<Range<Int>>, firstLine: Int) {
        var text = text
        let candidates: [Int] = text.withUTF8 { bytes in
            var found: [Int] = []
            for (offset, bound) in bounds.enumerated() {
                var index = bound.lowerBound
                while index < bound.upperBound && bytes[index] == 0x20 { index += 1 }
                if index < bound.upperBound, bytes[index] == 0x60 || bytes[index] == 0x7E || bytes[index] == 0x23 {
                    found.append(offset)
                    continue
                }
                // A link's "](": each "]" found by memchr (most lines hold none).
                guard let base = bytes.baseAddress else { continue }
                while index < bound.upperBound, let bracket = memchr(base + index, 0x5D, bound.upperBound - index) {
                    let at = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(bracket))
                    if at + 1 < bound.upperBound && bytes[at + 1] == UInt8(ascii: "(") {
                        found.append(offset)
                        break
                    }
                    index = at + 1
                }
            }
            return found
        }
        var inFence = false
        for offset in candidates {
            read(text.bytes(bounds[bounds.startIndex + offset]), number: firstLine + offset, inFence: &inFence)
        }
        fit()
    }

    /// One body line: a fence opened or closed, a heading, links outside fences.
    private mutating func read(_ line: Substring, number: Int, inFence: inout Bool) {
        // Only a line whose first byte after spaces is "`", "~" or "#" can open or close a
        // fence or be a heading: most lines are told from that byte, without Characters.
        let lead = line.utf8.first { $0 != 0x20 }
        if lead == 0x60 || lead == 0x7E || lead == 0x23 {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                inFence.toggle()
                return
            }
            if !inFence, let heading = Self.heading(in: trimmed, line: number) {
                headings.append(heading)
            }
        }
        if inFence { return }
        links.append(contentsOf: Self.links(in: line, line: number))
    }

    private static func heading(in line: Substring, line number: Int) -> Heading? {
        if line.utf8.allSatisfy({ $0 < 0x80 }) { return asciiHeading(in: line, line: number) }
        let hashes = line.prefix { $0 == "#" }
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = line.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var text = rest.trimmingSpaces()
        while text.hasSuffix("#") { text.removeLast() }
        return Heading(level: hashes.count, text: String(text.trimmingSpaces()), line: number)
    }

    /// `heading(in:line:)` for a line of ASCII text, where every byte is a Character: the
    /// same reading, on the bytes.
    private static func asciiHeading(in line: Substring, line number: Int) -> Heading? {
        let bytes = line.utf8
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }
        var start = bytes.startIndex
        var level = 0
        while start != bytes.endIndex, bytes[start] == 0x23 {
            level += 1
            start = bytes.index(after: start)
        }
        guard (1...6).contains(level), start == bytes.endIndex || isSpace(bytes[start]) else { return nil }
        var end = bytes.endIndex
        while start != end, isSpace(bytes[start]) { start = bytes.index(after: start) }
        // Spaces, then closing "#"s, then the spaces before them.
        for strip in [isSpace, { $0 == 0x23 }, isSpace] as [(UInt8) -> Bool] {
            while start != end, strip(bytes[bytes.index(before: end)]) { end = bytes.index(before: end) }
        }
        return Heading(level: level, text: String(Substring(bytes[start..<end])), line: number)
    }

    private static func links(in line: Substring, line number: Int) -> [Link] {
        // Most lines hold no "](" at all: looked for in the bytes before any scalar is read.
        guard containsLinkStart(line.utf8) else { return [] }
        var found: [Link] = []
        let scalars = Array(line.unicodeScalars)
        var index = 0
        while index + 1 < scalars.count {
            if scalars[index] == "]" && scalars[index + 1] == "(" {
                let start = index + 2
                let angled = start < scalars.count && scalars[start] == "<"
                var end = angled ? start + 1 : start
                while end < scalars.count && (angled ? scalars[end] != ">" : scalars[end] != ")" && scalars[end] != " ") { end += 1 }
                if end < scalars.count && end > start {
                    let first = angled ? start + 1 : start
                    let target = String(String.UnicodeScalarView(scalars[first..<end]))
                    found.append(Link(target: target, location: SourceLocation(line: number, column: first + 1)))
                }
                index = end
            } else {
                index += 1
            }
        }
        return found
    }

    private static func containsLinkStart(_ bytes: Substring.UTF8View) -> Bool {
        func search(_ bytes: some Collection<UInt8>) -> Bool {
            var previous: UInt8 = 0
            for byte in bytes {
                if previous == UInt8(ascii: "]") && byte == UInt8(ascii: "(") { return true }
                previous = byte
            }
            return false
        }
        return bytes.withContiguousStorageIfAvailable { search($0) } ?? search(bytes)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> Substring {
        let text = self[...]
        // Nothing to trim when neither end is a space or a tab (a Character is one only
        // when its scalar is): the common case, without reading Characters.
        if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           first != " ", first != "\t", last != " ", last != "\t" {
            return Substring(text)
        }
        let start = text.firstIndex { $0 != " " && $0 != "\t" } ?? text.endIndex
        let end = text[start...].lastIndex { $0 != " " && $0 != "\t" }.map { text.index(after: $0) } ?? start
        return Substring(text[start..<end])
    }
}
