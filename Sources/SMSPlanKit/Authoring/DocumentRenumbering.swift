import Foundation

/// `smsplan renumber OLD NEW`: a document's id changed, and every reference to it
/// (supersedes, superseded-by, corrects, activity evidence, links and mentions in the text),
/// as edits of exactly those words. For an id two documents share (two branches each took
/// it), `path` names the one that gets the new id; the references are left to the other.
public enum DocumentRenumbering {
    public static func renumber(_ old: String, to new: String, path: String?, in plan: Plan, root: URL) throws(SMSPlanError) -> TransitionOutcome {
        guard new.range(of: "^[A-Z][A-Z0-9]*-[0-9]+$", options: .regularExpression) != nil else {
            throw .refused("\"\(new)\" is not an id such as POL-018 (a prefix, a dash and a number)")
        }
        let holders = plan.corpus.documents.filter { $0.id?.value == old }
        guard !holders.isEmpty else { throw .refused("no document has id \"\(old)\"") }
        if let taken = plan.corpus.byID[new] { throw .refused("\(new) is already the id of \(taken.path); choose a free id") }
        let target: Document
        if let path {
            let wanted = plan.path(path)
            guard let match = holders.first(where: { $0.path == wanted || $0.path == path }) else {
                throw .refused("\(path) does not hold \(old); it is held by \(holders.map(\.path).joined(separator: ", "))")
            }
            target = match
        } else {
            guard holders.count == 1 else {
                throw .refused("\(old) is held by \(holders.map(\.path).joined(separator: " and ")); name the one to renumber with --path")
            }
            target = holders[0]
        }
        let prefix = new.split(separator: "-").first.map(String.init)
        if let type = target.type?.value, let expected = plan.config.idPrefixes[type], prefix != expected {
            throw .refused("a \(type.rawValue) id starts with \(expected)-; \"\(new)\" does not")
        }
        // With a shared id, the references stay with the document that keeps it.
        let files = holders.count == 1 ? plan.corpus.documents.filter { $0.type?.value != .template || $0.path == target.path } : [target]
        var edits: [TransitionOutcome.Edit] = []
        var writes: [(URL, Data)] = []
        for document in files {
            let text = String(decoding: document.contents, as: UTF8.self)
            let (edited, count) = replacingWord(old, with: new, in: text)
            guard count > 0 else { continue }
            writes.append((root.appendingPathComponent(document.path), Data(edited.utf8)))
            let what = document.path == target.path ? "id \(old) is now \(new)" : "\(count) reference\(count == 1 ? "" : "s") to \(old) now name\(count == 1 ? "s" : "") \(new)"
            edits.append(.init(path: document.path, id: document.id?.value ?? document.path, summary: what))
        }
        for (url, data) in writes { try AtomicFile.write(data, to: url, overwrite: true, within: root) }
        var outcome = TransitionOutcome(edits: edits)
        if holders.count > 1 { outcome.warnings = ["references to \(old) were left as they are: they name the document that keeps it"] }
        return outcome
    }

    /// `text` with every whole-word `old` (not part of a longer id) replaced, and how many.
    static func replacingWord(_ old: String, with new: String, in text: String) -> (String, Int) {
        let pattern = "(?<![A-Za-z0-9_-])" + NSRegularExpression.escapedPattern(for: old) + "(?![A-Za-z0-9_-])"
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return (text, 0) }
        let range = NSRange(text.startIndex..., in: text)
        let count = expression.numberOfMatches(in: text, range: range)
        return (expression.stringByReplacingMatches(in: text, range: range, withTemplate: NSRegularExpression.escapedTemplate(for: new)), count)
    }
}
