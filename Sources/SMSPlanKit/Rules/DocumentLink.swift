import Foundation

/// Resolving a relative Markdown link to a repository-relative path.
enum DocumentLink {
    /// The repository-relative path a link in the document at `documentPath` points to,
    /// or nil for links with a scheme, anchors only, or paths that leave the repository.
    static func resolve(_ target: String, from documentPath: String) -> String? {
        var target = Substring(target)
        if let hash = target.firstIndex(of: "#") { target = target[..<hash] }
        if let query = target.firstIndex(of: "?") { target = target[..<query] }
        guard !target.isEmpty, !target.contains(":") else { return nil }
        let decoded = String(target).removingPercentEncoding ?? String(target)
        var parts: [Substring] = decoded.hasPrefix("/") ? [] : documentPath.split(separator: "/").dropLast()
        for part in decoded.split(separator: "/") {
            switch part {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }
}
