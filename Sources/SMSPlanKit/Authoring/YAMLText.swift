/// Writing YAML scalars by hand, for front matter smsplan generates.
///
/// Whatever the text holds, what is written is one line that YAML reads back as the same
/// text: every line break YAML knows (LF, CR, U+0085, U+2028, U+2029) and every character
/// YAML does not allow raw is written as an escape, so no value can start a new line, a new
/// key or a second document.
enum YAMLText {
    /// A double-quoted YAML string, on one line.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if isPrintable(scalar) {
                    result.unicodeScalars.append(scalar)
                } else if scalar.value <= 0xFF {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else if scalar.value <= 0xFFFF {
                    result += "\\u" + String(scalar.value, radix: 16).leftPadded(to: 4)
                } else {
                    result += "\\U" + String(scalar.value, radix: 16).leftPadded(to: 8)
                }
            }
        }
        return result + "\""
    }

    /// True for a character YAML lets stand raw inside a quoted scalar on one line: not a
    /// line break, a control character, a byte order mark (skipped at a line's start) or a
    /// non-character.
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0xA0...0xD7FF, 0xE000...0xFEFE, 0xFF00...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// True for the characters YAML counts as the end of a line.
    static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar)
    }

    /// The text as a plain scalar when YAML reads it back as the same text, else quoted.
    /// Inside a flow collection (`{ ... }`, `[ ... ]`) commas and brackets need quotes too.
    /// Anything that could read as a number, date, boolean or null is quoted.
    static func scalar(_ text: String, inFlow: Bool = false) -> String {
        isPlainSafe(text, inFlow: inFlow) ? text : quoted(text)
    }

    private static let reservedWords: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    private static func isPlainSafe(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
            first.properties.isAlphabetic, last != " ", !reservedWords.contains(text.lowercased()),
            !text.contains(": "), !text.contains(" #"), !text.hasSuffix(":")
        else { return false }
        let punctuation: Set<Unicode.Scalar> = inFlow ? [" ", ".", "-", "_", "/", "(", ")", "'", "+", "&"]
            : [" ", ".", "-", "_", "/", "(", ")", "'", "+", "&", ",", ";", ":"]
        return text.unicodeScalars.allSatisfy {
            isPrintable($0) && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || punctuation.contains($0))
        }
    }

    /// The text on one line for a message meant for people (a tag message, a summary line):
    /// line breaks and control characters become spaces.
    static func oneLine(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { isPrintable($0) ? $0 : " " }))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
