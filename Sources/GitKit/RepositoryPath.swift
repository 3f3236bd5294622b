internal import CLibGit2
import Foundation

/// Helpers for repository-relative, "/"-separated paths.
public enum RepositoryPath {
    /// `prefix` without empty or "." components and with ".." applied, "" for the whole repository.
    /// - Throws: `GitError` when ".." climbs above the repository root.
    static func normalize(_ prefix: String, function: String) throws -> String {
        var components: [Substring] = []
        for component in prefix.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".":
                continue
            case "..":
                guard components.popLast() != nil else {
                    throw GitError.make(
                        GIT_EINVALIDSPEC, GIT_ERROR_INVALID, function: function,
                        message: "prefix '\(prefix)' lies outside the repository")
                }
            default:
                components.append(component)
            }
        }
        return components.joined(separator: "/")
    }

    /// Whether `path` is `prefix` itself or lies inside it; everything lies under "".
    static func path(_ path: String, isUnder prefix: String) -> Bool {
        prefix.isEmpty || path == prefix || path.utf8.starts(with: (prefix + "/").utf8)
    }

    /// git's path order: by UTF-8 bytes.
    static func precedes(_ lhs: String, _ rhs: String) -> Bool {
        order(lhs, rhs) < 0
    }

    /// git's order of two paths, by their UTF-8 bytes: negative when `left` comes first, zero
    /// for the same bytes, positive when `right` comes first.
    public static func order(_ left: String, _ right: String) -> Int {
        var (first, second) = (left, right)
        return first.withUTF8 { a in
            second.withUTF8 { b in
                let common = min(a.count, b.count)
                let order = common == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, common)
                return order != 0 ? Int(order) : a.count - b.count
            }
        }
    }
}
