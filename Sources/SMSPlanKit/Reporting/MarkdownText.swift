/// Text from a plan (titles, messages, paths) made literal in Markdown that others read: a
/// pull-request comment, a job summary, a register. Whatever a title holds, it cannot end
/// its line, start a heading, a list or a table row, open HTML (a comment that hides what
/// follows), make text bold, link somewhere, or mention a person or team.
public enum MarkdownText {
    /// One line of literal text: control characters and line breaks as visible escapes,
    /// Markdown and HTML punctuation escaped with `\`, `@` kept from making a mention.
    /// Pipes are left to `MarkdownTable`, which escapes them in cells.
    public static func inline(_ text: String) -> String {
        var escaped = ""
        for character in TerminalText.line(text) {
            switch character {
            case "@": escaped += "@&#8203;"
            case "\\", "`", "*", "_", "[", "]", "<", "#", "!", "~", "&":
                escaped.append("\\")
                escaped.append(character)
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
