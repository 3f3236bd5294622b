/// The lines one text removed and added to become another, in order, by a longest common
/// subsequence of lines: what a line-by-line diff shows. Lines are split at "\n" only, so a
/// CRLF line keeps its "\r".
public struct LineChanges: Equatable, CustomStringConvertible {
    public var removed: [String]
    public var added: [String]

    public init(removed: [String], added: [String]) {
        self.removed = removed
        self.added = added
    }

    public init(from before: String, to after: String) {
        let old = Self.lines(before), new = Self.lines(after)
        var common = Array(repeating: Array(repeating: 0, count: new.count + 1), count: old.count + 1)
        for i in stride(from: old.count - 1, through: 0, by: -1) {
            for j in stride(from: new.count - 1, through: 0, by: -1) {
                common[i][j] = old[i] == new[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
            }
        }
        var (i, j) = (0, 0)
        var removed: [String] = [], added: [String] = []
        while i < old.count && j < new.count {
            if old[i] == new[j] {
                i += 1
                j += 1
            } else if common[i + 1][j] >= common[i][j + 1] {
                removed.append(old[i])
                i += 1
            } else {
                added.append(new[j])
                j += 1
            }
        }
        self.init(removed: removed + old[i...], added: added + new[j...])
    }

    /// Lines split at each "\n" scalar (a String sees "\r\n" as one character, so split scalars).
    private static func lines(_ text: String) -> [String] {
        text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
    }

    public var description: String {
        (removed.map { "-" + $0 } + added.map { "+" + $0 }).joined(separator: "\n")
    }
}
