import Foundation

/// What a Markdown file under the document roots must pass before it is parsed: it is no
/// symbolic link, it is no larger than `documents.max-file-size`, and it can be read. A
/// file that fails gets one finding at its own path, and the rest of the plan is checked
/// as usual: one bad file never stops a run.
enum FileScreen {
    /// A file's bytes, or the finding that says why it was not read.
    enum Outcome {
        case contents(Data)
        case refused(Finding)
    }

    /// Reads `path` unless it is too large (known from the source's listing or a blob
    /// header, so a huge file is never loaded) or unreadable.
    static func read(_ path: String, from source: some PlanSource, maximumSize: ByteSize) -> Outcome {
        if let size = source.size(path), size > maximumSize.bytes {
            return .refused(tooLarge(size, maximumSize))
        }
        let data: Data?
        do {
            data = try source.read(path)
        } catch {
            let reason: String = switch error {
            case .unreadable(_, let reason): reason
            default: error.description
            }
            return .refused(Finding(FileUnreadableRule.id, at: .fileStart, "file cannot be read: \(reason)"))
        }
        guard let data else {
            if path.contains("\u{FFFD}") {
                return .refused(Finding(FileUnreadableRule.id, at: .fileStart,
                                        "file name is not valid UTF-8 (shown with \u{FFFD}), so the file cannot be opened by name; rename it"))
            }
            return .refused(Finding(FileUnreadableRule.id, at: .fileStart, "file vanished while the plan was being read; check again"))
        }
        if data.count > maximumSize.bytes { return .refused(tooLarge(data.count, maximumSize)) }
        if let line = conflictMarkerLine(in: data) {
            return .refused(Finding(FileUnreadableRule.id, at: SourceLocation(line: line, column: 1),
                                    "file holds unresolved merge conflict markers from line \(line); it was not checked. Resolve the conflict (keep one side, remove the <<<<<<<, ======= and >>>>>>> lines), then check again"))
        }
        return .contents(data)
    }

    /// The line of the first `<<<<<<< ` marker of a conflict git left in the file (followed
    /// by `=======` and `>>>>>>> ` lines, in that order); nil when there is none.
    static func conflictMarkerLine(in data: Data) -> Int? {
        guard holdsDivider(data) else { return nil }
        var opened: Int?
        var divided = false
        var number = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            number += 1
            let text = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            if text.starts(with: "<<<<<<< ".utf8) || text.elementsEqual("<<<<<<<".utf8) {
                opened = opened ?? number
            } else if opened != nil, text.elementsEqual("=======".utf8) {
                divided = true
            } else if divided, text.starts(with: ">>>>>>> ".utf8) || text.elementsEqual(">>>>>>>".utf8) {
                return opened
            }
        }
        return nil
    }

    /// Whether a line starts with `=======` after the first (a conflict's divider): a scan
    /// from line break to line break, the cheap test every file that is read goes through.
    private static func holdsDivider(_ data: Data) -> Bool {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Bool in
            // A divider's line break is at most 8 bytes from the end.
            guard let base = raw.baseAddress, raw.count >= 8 else { return false }
            let end = raw.count - 7
            var offset = 0
            while offset < end, let found = memchr(base + offset, 0x0A, end - offset) {
                let position = base.distance(to: UnsafeRawPointer(found))
                if memcmp(base + position + 1, "=======", 7) == 0 { return true }
                offset = position + 1
            }
            return false
        }
    }

    /// The finding for a symbolic link where a document was expected.
    static func link(_ path: String, in source: some PlanSource) -> Finding {
        let never = "smsplan never follows links, so it is not checked"
        guard let target = source.linkTarget(path) else {
            return Finding(FileUnreadableRule.id, at: .fileStart, "file is a symbolic link; \(never)")
        }
        guard let resolved = resolve(target, from: path) else {
            return Finding(FileUnreadableRule.id, at: .fileStart,
                           "file is a symbolic link to \"\(target)\", which leads outside the repository; \(never)")
        }
        return Finding(FileUnreadableRule.id, at: .fileStart,
                       "file is a symbolic link to \"\(target)\" (\(resolved)); \(never): keep each document in one place, under its own path")
    }

    /// The repository-relative path a link's target names, read without touching the
    /// disk; nil when it is absolute or climbs above the repository's top level.
    static func resolve(_ target: String, from path: String) -> String? {
        guard !target.hasPrefix("/") else { return nil }
        var parts = path.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/") where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    private static func tooLarge(_ size: Int, _ limit: ByteSize) -> Finding {
        Finding(FileTooLargeRule.id, at: .fileStart,
                "file is \(ByteSize(bytes: size)) (\(size) bytes), more than documents.max-file-size (\(limit)); it was not read. Keep large evidence outside the document roots, or raise the limit in smsplan.yaml")
    }
}
