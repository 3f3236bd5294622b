import Foundation
import GitKit

/// What changed between two states of the SMS (two baselines, or a baseline and HEAD),
/// in an auditor's words.
public struct BaselineDiff: Sendable, Encodable {
    public struct Change: Sendable, Encodable {
        public var id: String
        public var title: String
        public var from: String?
        public var to: String?
    }

    public var from: String
    public var to: String
    public var added: [Change]
    public var revised: [Change]
    public var approved: [Change]
    public var retired: [Change]
    public var removed: [Change]
    public var recordsAdded: [Change]
    public var coverageGained: [String]
    public var coverageLost: [String]

    /// Compares the plan at two revisions (tags, branches or commits).
    public static func between(_ from: String, _ to: String, directory: URL, toolVersion: String,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(SMSPlanError) -> BaselineDiff {
        func manifest(_ revision: String) throws(SMSPlanError) -> BaselineManifest {
            let plan = try Checker.load(CheckRequest(directory: directory, target: .revision(revision), environment: environment))
            let repository = try Checker.openRepository(CheckRequest(directory: directory, environment: environment))
            let commit = try Checker.resolve(revision, in: repository)
            return BaselineManifest(plan: plan, phase: plan.config.currentPhase, commit: commit.id.hex,
                                    blobs: try Baselines.blobMap(of: commit.id, in: repository), toolVersion: toolVersion)
        }
        return BaselineDiff(from: from, to: to, old: try manifest(from), new: try manifest(to))
    }

    init(from: String, to: String, old: BaselineManifest, new: BaselineManifest) {
        self.from = from
        self.to = to
        let before = Dictionary(old.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(new.documents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func change(_ entry: BaselineManifest.Entry, _ from: String?, _ to: String?) -> Change {
            Change(id: entry.id, title: entry.title, from: from, to: to)
        }
        added = new.documents.filter { before[$0.id] == nil }.map { change($0, nil, $0.version) }
        removed = old.documents.filter { after[$0.id] == nil }.map { change($0, $0.version, nil) }
        revised = new.documents.compactMap { entry in
            guard let previous = before[entry.id], previous.version != entry.version else { return nil }
            return change(entry, previous.version, entry.version)
        }
        approved = new.documents.compactMap { entry in
            guard let previous = before[entry.id], entry.status == "approved", previous.status != "approved" || previous.version != entry.version
            else { return nil }
            // "1.0 approved" -> "1.1 approved": the versions say what was approved.
            return change(entry, "\(previous.version ?? "-") \(previous.status)", "\(entry.version ?? "-") \(entry.status)")
        }
        retired = new.documents.compactMap { entry in
            guard let previous = before[entry.id], entry.status == "obsolete", previous.status != "obsolete" else { return nil }
            return change(entry, previous.status, entry.status)
        }
        let oldRecords = Set(old.records.map(\.id))
        recordsAdded = new.records.filter { !oldRecords.contains($0.id) }.map { change($0, nil, nil) }
        let covered = (Set(old.coverage.coveredRequirements), Set(new.coverage.coveredRequirements))
        coverageGained = covered.1.subtracting(covered.0).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
        coverageLost = covered.0.subtracting(covered.1).sorted { $0.compare($1, options: .numeric) == .orderedAscending }
    }

    public func render(_ format: OutputFormat) -> String {
        switch format {
        case .json: return JSONOutput.render(self, kind: .baselineDiff)
        case .text, .markdown:
            let markdown = format == .markdown
            var text = markdown ? "# Changes from \(MarkdownText.inline(from)) to \(MarkdownText.inline(to))\n"
                : "Changes from \(TerminalText.line(from)) to \(TerminalText.line(to)):\n"
            func section(_ title: String, _ lines: [String]) {
                guard !lines.isEmpty else { return }
                text += markdown ? "\n## \(title)\n\n" : "\n\(title):\n"
                text += lines.map { markdown ? "- " + MarkdownText.inline($0) : "  " + TerminalText.line($0) }.joined(separator: "\n") + "\n"
            }
            section("Documents added", added.map { "\($0.id) \($0.title), version \($0.to ?? "-")" })
            section("Documents revised", revised.map { "\($0.id) \($0.title): version \($0.from ?? "-") -> \($0.to ?? "-")" })
            section("Documents approved", approved.map { "\($0.id) \($0.title): \($0.to ?? "-") (was \($0.from ?? "-"))" })
            section("Documents retired", retired.map { "\($0.id) \($0.title) is now obsolete" })
            section("Documents removed", removed.map { "\($0.id) \($0.title), last version \($0.from ?? "-")" })
            section("Records added", recordsAdded.map { "\($0.id) \($0.title)" })
            section("Coverage gained", coverageGained.isEmpty ? [] : [coverageGained.joined(separator: ", ")])
            section("Coverage lost", coverageLost.isEmpty ? [] : [coverageLost.joined(separator: ", ")])
            if [added.count, revised.count, approved.count, retired.count, removed.count, recordsAdded.count, coverageGained.count, coverageLost.count]
                .allSatisfy({ $0 == 0 }) {
                text += markdown ? "\nNo change.\n" : "  no change\n"
            }
            return text
        }
    }
}
