/// Tells, for each line of front matter, whether it holds part of a value or only spaces
/// and a comment, as YAML reads it: a line starting with `#` inside a block scalar (`|`,
/// `>`), a quoted scalar or a bracketed list that goes on over several lines is text, not a
/// comment.
///
/// It follows quotes, brackets and block scalars from line to line; anything else on a line
/// (keys, plain scalars, `- `) only counts as text.
struct YAMLLineClassifier {
    private enum State {
        case normal
        case quoted(Unicode.Scalar)
        /// Inside brackets, `depth` deep; `plain` when the line before ended inside a plain
        /// scalar (a quote on this line is then its text, not the start of a quoted scalar).
        case flow(depth: Int, plain: Bool)
        /// Inside a quoted scalar within brackets `depth` deep.
        case quotedInFlow(Unicode.Scalar, depth: Int)
        /// Inside a block scalar whose parent node starts at column `parent`; its lines are
        /// indented `indent` (known from its first line that is not empty); `keep` keeps
        /// trailing empty lines (`|+`).
        case block(parent: Int, indent: Int?, keep: Bool)
    }

    /// For each line given, true when it holds part of a value.
    static func contentLines(_ lines: [String]) -> [Bool] {
        var state = State.normal
        var result: [Bool] = []
        for line in lines {
            let scanner = YAMLLineScanner(line)
            let first = scanner.skipSpaces(from: 0)
            let blank = first == scanner.scalars.count
            if case .block(let parent, let indent, let keep) = state {
                let spaces = scanner.scalars.prefix { $0 == " " }.count
                if blank {
                    result.append(keep)
                    continue
                }
                if let indent, spaces >= indent {
                    result.append(true)
                    continue
                }
                if indent == nil && spaces > parent {
                    state = .block(parent: parent, indent: spaces, keep: keep)
                    result.append(true)
                    continue
                }
                state = .normal
            }
            switch state {
            case .normal:
                if blank || scanner.scalars[first] == "#" {
                    result.append(false)
                    continue
                }
                result.append(true)
                state = scanLine(scanner, from: first)
            case .quoted(let quote):
                result.append(true)
                state = continueQuoted(scanner, quote: quote, from: 0)
            case .flow(let depth, let plain):
                result.append(!(blank || scanner.scalars[first] == "#"))
                state = scanFlow(scanner, depth: depth, plain: plain, from: first)
            case .quotedInFlow(let quote, let depth):
                result.append(true)
                guard let end = closingQuote(scanner, quote: quote, from: 0) else {
                    state = .quotedInFlow(quote, depth: depth)
                    continue
                }
                state = scanFlow(scanner, depth: depth, plain: false, from: end)
            case .block:
                result.append(true)
            }
        }
        return result
    }

    /// Reads a line that starts outside any value.
    private static func scanLine(_ line: YAMLLineScanner, from start: Int) -> State {
        let scalars = line.scalars
        var index = start
        var parent = -1
        while index < scalars.count {
            let scalar = scalars[index]
            let followedBySpace = index + 1 >= scalars.count || scalars[index + 1] == " " || scalars[index + 1] == "\t"
            switch scalar {
            case "#":
                return .normal
            case "-" where followedBySpace, "?" where followedBySpace:
                parent = index
                index = line.skipSpaces(from: index + 1)
            case "&", "!":
                while index < scalars.count && scalars[index] != " " && scalars[index] != "\t" { index += 1 }
                index = line.skipSpaces(from: index)
            case "|", ">":
                return blockHeader(line, at: index, parent: parent)
            case "\"", "'":
                let state = continueQuoted(line, quote: scalar, from: index + 1)
                guard case .normal = state else { return state }
                index = keyOrValueEnd(line, from: line.quotedEnd(from: index) ?? scalars.count, parent: &parent, keyStart: index)
            case "[", "{":
                return scanFlow(line, depth: 0, plain: false, from: index)
            default:
                var end = index
                while end < scalars.count {
                    if scalars[end] == ":" && (end + 1 >= scalars.count || scalars[end + 1] == " " || scalars[end + 1] == "\t") { break }
                    if scalars[end] == "#" && end > 0 && (scalars[end - 1] == " " || scalars[end - 1] == "\t") { return .normal }
                    end += 1
                }
                index = keyOrValueEnd(line, from: end, parent: &parent, keyStart: index)
            }
        }
        return .normal
    }

    /// After a scalar ending at `end`: past `: ` when it was a key (which becomes the parent
    /// of what follows), else the end of the line.
    private static func keyOrValueEnd(_ line: YAMLLineScanner, from end: Int, parent: inout Int, keyStart: Int) -> Int {
        let colon = line.skipSpaces(from: end)
        guard colon < line.scalars.count, line.scalars[colon] == ":" else {
            let rest = colon
            return rest < line.scalars.count && line.scalars[rest] == "#" ? rest : line.scalars.count
        }
        parent = keyStart
        return line.skipSpaces(from: colon + 1)
    }

    /// A block scalar's header `|`, `>`, with its indentation and chomping indicators.
    private static func blockHeader(_ line: YAMLLineScanner, at index: Int, parent: Int) -> State {
        var keep = false
        var indent: Int?
        var cursor = index + 1
        while cursor < line.scalars.count {
            let scalar = line.scalars[cursor]
            if scalar == "+" {
                keep = true
            } else if ("1"..."9").contains(scalar), let value = Int(String(scalar)) {
                indent = max(parent, 0) + value
            } else if scalar != "-" {
                break
            }
            cursor += 1
        }
        return .block(parent: parent, indent: indent, keep: keep)
    }

    /// The index after the quote that closes a quoted scalar going on from `start`, or nil
    /// when it does not close on this line.
    private static func closingQuote(_ line: YAMLLineScanner, quote: Unicode.Scalar, from start: Int) -> Int? {
        let scalars = line.scalars
        var index = start
        while index < scalars.count {
            if quote == "\"" && scalars[index] == "\\" {
                index += 2
                continue
            }
            if scalars[index] == quote {
                if quote == "'" && index + 1 < scalars.count && scalars[index + 1] == "'" {
                    index += 2
                    continue
                }
                return index + 1
            }
            index += 1
        }
        return nil
    }

    /// Goes on with a quoted scalar from `start`; normal again when it closes on this line
    /// (what follows the closing quote is then read by the caller), else still quoted.
    private static func continueQuoted(_ line: YAMLLineScanner, quote: Unicode.Scalar, from start: Int) -> State {
        closingQuote(line, quote: quote, from: start) == nil ? .quoted(quote) : .normal
    }

    /// Goes on inside brackets from `start`, `depth` deep. A quote opens a quoted scalar only
    /// where a scalar starts (after a bracket, a comma or `: `); inside a plain scalar such as
    /// `a'b` it is text.
    private static func scanFlow(_ line: YAMLLineScanner, depth: Int, plain: Bool, from start: Int) -> State {
        var depth = depth
        var index = start
        var inPlain = plain
        let scalars = line.scalars
        func spaceOrEnd(_ position: Int) -> Bool {
            position >= scalars.count || scalars[position] == " " || scalars[position] == "\t"
        }
        while index < scalars.count {
            let scalar = scalars[index]
            switch scalar {
            case " ", "\t":
                break
            case "#" where index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t":
                return .flow(depth: depth, plain: false)
            case "\"" where !inPlain, "'" where !inPlain:
                guard let end = line.quotedEnd(from: index) else { return .quotedInFlow(scalar, depth: depth) }
                index = end
                continue
            case "[", "{":
                depth += 1
                inPlain = false
            case "]", "}":
                depth -= 1
                inPlain = false
                if depth == 0 { return .normal }
            case ",":
                inPlain = false
            case ":" where spaceOrEnd(index + 1) || [",", "[", "]", "{", "}"].contains(scalars[index + 1]):
                inPlain = false
            case "-" where !inPlain && spaceOrEnd(index + 1), "?" where !inPlain && spaceOrEnd(index + 1):
                break
            default:
                inPlain = true
            }
            index += 1
        }
        return .flow(depth: depth, plain: inPlain)
    }
}
