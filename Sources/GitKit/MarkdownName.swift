/// Whether a path names a Markdown document: it ends in `.md`, in any case.
public enum MarkdownName {
    /// `path.lowercased().hasSuffix(".md")`, decided on the last bytes where that gives the
    /// same answer: no other character lowercases to an ASCII ".", "m" or "d", and an ASCII
    /// byte before the suffix keeps the "." a character of its own. Anything else (a
    /// character before the "." that may join it, such as a prepended mark) takes the
    /// Unicode way.
    public static func matches(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.count >= 3 else { return path.lowercased().hasSuffix(".md") }
        var end = bytes.endIndex
        end = bytes.index(before: end)
        let d = bytes[end] | 0x20
        end = bytes.index(before: end)
        let m = bytes[end] | 0x20
        end = bytes.index(before: end)
        guard bytes[end] == UInt8(ascii: "."), m == UInt8(ascii: "m"), d == UInt8(ascii: "d") else {
            // Not ".md" in ASCII: only a non-ASCII ending could still lowercase to it, and none does.
            return bytes[bytes.index(before: bytes.endIndex)] >= 0x80 ? path.lowercased().hasSuffix(".md") : false
        }
        guard end != bytes.startIndex else { return true }
        return bytes[bytes.index(before: end)] < 0x80 ? true : path.lowercased().hasSuffix(".md")
    }

    /// `path.hasSuffix(".md")` (lowercase only), decided on the last bytes where that gives
    /// the same answer, as `matches` does.
    public static func endsInLowercase(_ path: String) -> Bool {
        let bytes = path.utf8
        guard bytes.count >= 3 else { return path.hasSuffix(".md") }
        let end = bytes.endIndex
        let d = bytes.index(before: end), m = bytes.index(before: d), dot = bytes.index(before: m)
        guard bytes[dot] == UInt8(ascii: "."), bytes[m] == UInt8(ascii: "m"), bytes[d] == UInt8(ascii: "d") else {
            // A character that is no ASCII "d" cannot end in one.
            return false
        }
        guard dot != bytes.startIndex else { return true }
        return bytes[bytes.index(before: dot)] < 0x80 ? true : path.hasSuffix(".md")
    }
}
