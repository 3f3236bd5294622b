/// Text from a plan (paths, quoted values) made safe to print on one terminal line: a
/// control character can neither break the `path:line:column:` format nor send escape
/// sequences to the terminal.
public enum TerminalText {
    /// A path as git prints one (`core.quotePath`): unchanged when it holds no control
    /// character, else in double quotes with C escapes (`"new\nline.md"`).
    public static func path(_ path: String) -> String {
        guard path.unicodeScalars.contains(where: isControl) else { return path }
        var quoted = "\""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            default: quoted += escape(scalar)
            }
        }
        return quoted + "\""
    }

    /// A message with every control character written as a C escape.
    public static func line(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        return text.unicodeScalars.map(escape).joined()
    }

    /// Text of several lines with every control character but the line feeds between its
    /// lines written as a C escape: what every text report prints.
    public static func lines(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && isControl($0) }) else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case _ where isControl(scalar):
            return String(scalar).utf8.map { "\\" + String($0, radix: 8).leftPadded(to: 3) }.joined()
        default:
            return String(scalar)
        }
    }

    /// C0 and C1 controls, DEL, the Unicode line and paragraph separators, and the
    /// bidirectional controls that reorder what a reader sees.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
            || (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) || scalar.value == 0x200E
            || scalar.value == 0x200F || scalar.value == 0x061C
    }
}
