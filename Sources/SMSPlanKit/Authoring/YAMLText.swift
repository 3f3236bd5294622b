/// Writing YAML scalars by hand, for front matter smsplan generates.
enum YAMLText {
    /// A double-quoted YAML string.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
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
        return text.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || punctuation.contains($0) }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
