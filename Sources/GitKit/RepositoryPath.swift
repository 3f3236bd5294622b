internal import CLibGit2
import Foundation

/// Helpers for repository-relative, "/"-separated paths.
enum RepositoryPath {
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
        var lhs = lhs, rhs = rhs
        return lhs.withUTF8 { left in
            rhs.withUTF8 { right in
                let common = min(left.count, right.count)
                let order = common == 0 ? 0 : memcmp(left.baseAddress!, right.baseAddress!, common)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }
}
