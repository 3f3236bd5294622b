/// A piece of HTML or SVG. The literal parts written in smsplan's source are markup as
/// they stand; every `String` or number interpolated into them is escaped, so text from a
/// plan (titles, ids, messages) can never become markup. Interpolated `Markup` is inserted
/// as it is. The output is well-formed XML, so the page reads as XHTML-compatible HTML5.
struct Markup: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var text: String

    init(stringLiteral value: String) {
        text = value
    }

    init(stringInterpolation: Interpolation) {
        text = stringInterpolation.text
    }

    var description: String { text }

    static func + (lhs: Markup, rhs: Markup) -> Markup {
        "\(lhs)\(rhs)"
    }

    /// Escapes `&`, `<`, `>`, both quotes, and drops the characters XML forbids.
    static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                // XML 1.0 allows no other control characters, nor the non-characters U+FFFE and U+FFFF.
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    result += "\u{FFFD}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// Builds markup from literals and escaped values.
    struct Interpolation: StringInterpolationProtocol {
        var text = ""

        init(literalCapacity: Int, interpolationCount: Int) {
            text.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        mutating func appendLiteral(_ literal: String) {
            text += literal
        }

        mutating func appendInterpolation(_ value: String) {
            text += Markup.escape(value)
        }

        mutating func appendInterpolation(_ value: Int) {
            text += String(value)
        }

        /// A coordinate or length, with at most one decimal.
        mutating func appendInterpolation(_ value: Double) {
            text += Markup.number(value)
        }

        mutating func appendInterpolation(_ markup: Markup) {
            text += markup.text
        }

        mutating func appendInterpolation(_ list: [Markup]) {
            text += list.map(\.text).joined()
        }
    }

    /// `12`, `12.5`: numbers as SVG attributes take them.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }

    /// A fragment identifier made of letters, digits, `.`, `_` and `-` only.
    static func anchor(_ prefix: String, _ value: String) -> String {
        prefix + "-" + String(value.unicodeScalars.map { scalar -> Character in
            ("0"..."9").contains(scalar) || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || scalar == "." || scalar == "_" || scalar == "-" ? Character(scalar) : "_"
        })
    }
}

extension Array where Element == Markup {
    func joined(separator: Markup) -> Markup {
        Markup(stringInterpolation: {
            var interpolation = Markup.Interpolation(literalCapacity: 0, interpolationCount: count * 2)
            for (index, part) in enumerated() {
                if index > 0 { interpolation.appendInterpolation(separator) }
                interpolation.appendInterpolation(part)
            }
            return interpolation
        }())
    }
}

/// Fitting text into the fixed widths of a chart.
enum ChartText {
    /// About how wide a character of a sans-serif font is, as a fraction of its size.
    static let averageWidth = 0.56

    /// `text` cut to fit `width` at `size`, with an ellipsis where it was cut.
    static func fit(_ text: String, width: Double, size: Double) -> String {
        let room = max(1, Int(width / (size * averageWidth)))
        guard text.count > room else { return text }
        return String(text.prefix(room - 1)).trimmingCharacters(in: .whitespaces) + "\u{2026}"
    }

    /// `text` broken into at most `lines` lines that fit `width` at `size`; the last one cut.
    static func wrap(_ text: String, width: Double, size: Double, lines: Int) -> [String] {
        let room = max(1, Int(width / (size * averageWidth)))
        var result: [String] = []
        var current = ""
        var rest = text.split(separator: " ").map(String.init)[...]
        while let word = rest.first {
            let candidate = current.isEmpty ? word : current + " " + word
            if candidate.count <= room || current.isEmpty {
                current = candidate
                rest = rest.dropFirst()
            } else {
                if result.count == lines - 1 { break }
                result.append(current)
                current = ""
            }
        }
        let last = ([current] + rest).filter { !$0.isEmpty }.joined(separator: " ")
        if !last.isEmpty { result.append(last) }
        return result.map { fit($0, width: width, size: size) }
    }
}
