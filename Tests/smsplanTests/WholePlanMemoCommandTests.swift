import Foundation
import TestSupport
import XCTest

/// Whatever `.git/smsplan/` holds (decoded front matter, each document's findings, the
/// whole-plan rules' findings), `smsplan check` prints and exits exactly as a run without any
/// cache: on a copy of plan-template, after each change (run with the caches of the state
/// before, without caches, and with the caches refilled), in the working tree and in the
/// index, and again once the plan is back at its commit. The changes are those whose effect
/// on whole-plan rules a cache could miss: prose, headings, links, ids, status, coverage,
/// smsplan.yaml, roles.yaml, documents deleted and added, the scope document's bytes.
final class WholePlanMemoCommandTests: XCTestCase {
    private var repository: TestRepository!
    /// What the committed plan gives, checked in the working tree and in the index.
    private var committed: (tree: CommandResult, index: CommandResult)!
    private let supplierPolicy = "policies/supplier-policy.md"

    override func setUpWithError() throws {
        repository = try TestRepository.withPlanTemplate()
    }

    override func tearDown() {
        repository.remove()
    }

    private func check(_ extra: [String]) throws -> CommandResult {
        try SMSPlanBinary.run(["check", "--format", "json"] + extra, in: repository.directory)
    }

    /// Checks with whatever is cached, then with `.git/smsplan` deleted, then with the cache
    /// that run filled: the three must print the same and exit alike. Returns the uncached run.
    @discardableResult
    private func same(_ extra: [String], _ label: String, file: StaticString = #filePath, line: UInt = #line) throws -> CommandResult {
        let cached = try check(extra)
        try? FileManager.default.removeItem(at: repository.url(".git/smsplan"))
        let uncached = try check(extra)
        XCTAssertTrue(FileManager.default.fileExists(atPath: repository.url(".git/smsplan").path), "\(label): no cache written", file: file, line: line)
        let refilled = try check(extra)
        XCTAssertTrue([0, 1].contains(uncached.status), "\(label): exit \(uncached.status): \(uncached.errors)", file: file, line: line)
        for (name, run) in [("with the caches of before", cached), ("with the caches refilled", refilled)] {
            XCTAssertEqual(run.output, uncached.output, "\(label): output \(name) is not what a run without cache prints", file: file, line: line)
            XCTAssertEqual(run.status, uncached.status, "\(label): exit status \(name)", file: file, line: line)
        }
        return uncached
    }

    /// The findings of a JSON check, each as "rule path".
    private func findings(_ result: CommandResult, file: StaticString = #filePath, line: UInt = #line) throws -> [String] {
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let diagnostics = try XCTUnwrap(object?["diagnostics"] as? [[String: Any]], result.output, file: file, line: line)
        return diagnostics.map { "\($0["rule"] as? String ?? "?") \($0["path"] as? String ?? "?")" }
    }

    /// Checks the committed plan (no findings) in the working tree and the index, filling the caches.
    private func start(file: StaticString = #filePath, line: UInt = #line) throws {
        committed = (try same([], "committed plan", file: file, line: line), try same(["--staged"], "committed plan, index", file: file, line: line))
        XCTAssertEqual(try findings(committed.tree), [], file: file, line: line)
        XCTAssertEqual(committed.index.output, committed.tree.output, file: file, line: line)
    }

    /// Makes `change` in the working tree and checks it there; checks the index, which must
    /// still give what it gave before; then, when `stage`, runs `git add -A` and checks the
    /// index, which must now give what the working tree gives. The change must show every
    /// finding of `shows` ("rule path") and no finding of a rule in `hides`.
    private func step(_ label: String, shows: [String], hides: [String] = [], stage: Bool = true,
                      file: StaticString = #filePath, line: UInt = #line, change: () throws -> Void) throws {
        let indexBefore = try same(["--staged"], "\(label): index before", file: file, line: line)
        try change()
        let tree = try same([], "\(label): working tree", file: file, line: line)
        let found = try findings(tree, file: file, line: line)
        for finding in shows {
            XCTAssertTrue(found.contains(finding), "\(label): no \(finding) in \(found)", file: file, line: line)
        }
        for rule in hides {
            XCTAssertFalse(found.contains { $0.hasPrefix(rule + " ") }, "\(label): \(rule) in \(found)", file: file, line: line)
        }
        XCTAssertEqual(try same(["--staged"], "\(label): index unchanged", file: file, line: line).output, indexBefore.output, label, file: file, line: line)
        guard stage else { return }
        try repository.git("add", "-A")
        let index = try same(["--staged"], "\(label): index", file: file, line: line)
        XCTAssertEqual(index.output, tree.output, "\(label): the index gives what the same working tree gave", file: file, line: line)
        XCTAssertEqual(index.status, tree.status, label, file: file, line: line)
    }

    /// `git reset --hard` to the commit: both checks give what they gave first.
    private func back(file: StaticString = #filePath, line: UInt = #line) throws {
        try repository.git("reset", "-q", "--hard")
        XCTAssertEqual(try same([], "back at the commit", file: file, line: line).output, committed.tree.output, file: file, line: line)
        XCTAssertEqual(try same(["--staged"], "back at the commit, index", file: file, line: line).output, committed.index.output, file: file, line: line)
    }

    private func replace(_ path: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try repository.read(path)
        XCTAssertTrue(text.contains(old), "\(path) lacks \(old)", file: file, line: line)
        try repository.write(path, text.replacingOccurrences(of: old, with: new))
    }

    private func append(_ path: String, _ sentence: String) throws {
        try repository.write(path, try repository.read(path) + sentence + "\n")
    }

    func testAProseOnlyEditOfABodyThenCheckoutGivesTheFirstOutput() throws {
        try start()
        try step("sentence appended", shows: ["approved-content-changed \(supplierPolicy)"], stage: false) {
            try append(supplierPolicy, "Suppliers are told of this policy when they are engaged.")
        }
        try repository.git("checkout", "--", ".")
        XCTAssertEqual(try same([], "checked out").output, committed.tree.output)
        XCTAssertEqual(try same(["--staged"], "checked out, index").output, committed.index.output)
        try step("sentence appended and staged", shows: ["approved-content-changed \(supplierPolicy)"]) {
            try append(supplierPolicy, "Suppliers are told of this policy when they are engaged.")
        }
        try back()
    }

    func testTheSameProseEditInTwoDocumentsAtOnce() throws {
        try start()
        let second = "policies/service-management-policy.md"
        try step("sentence appended to two policies", shows: ["approved-content-changed \(supplierPolicy)", "approved-content-changed \(second)"]) {
            for path in [supplierPolicy, second] { try append(path, "This policy is read at induction.") }
        }
        try back()
    }

    func testAHeadingRenamedOrRemovedInADocumentOrItsTemplate() throws {
        try start()
        try step("heading renamed", shows: ["heading-missing \(supplierPolicy)"]) {
            try replace(supplierPolicy, "\n## Scope\n", "\n## Range\n")
        }
        // The policies stay as they are; the template they follow asks for another heading.
        try step("template heading renamed", shows: ["heading-missing policies/service-management-policy.md", "heading-missing policies/release-policy.md"]) {
            try replace("templates/policy.md", "\n## Roles\n", "\n## Responsibilities\n")
        }
        try back()
        try step("heading removed", shows: ["heading-missing \(supplierPolicy)"]) {
            try replace(supplierPolicy, "\n## Review\n", "\n")
        }
        try back()
    }

    func testALinkRetargetedToAnObsoleteDocumentThenToAMissingOne() throws {
        let obsolete = try repository.read(supplierPolicy).replacingOccurrences(of: "POL-015", with: "POL-090")
            .replacingOccurrences(of: "\nstatus: approved\n", with: "\nstatus: obsolete\n")
            .replacingOccurrences(of: "title: Supplier policy", with: "title: Old supplier policy")
        try repository.write("policies/old-supplier-policy.md", obsolete)
        try repository.commitAll("The old supplier policy, kept as obsolete")
        try start()
        try step("link to the obsolete policy", shows: ["obsolete-referenced \(supplierPolicy)"]) {
            try replace(supplierPolicy, "(../plan/scope.md)", "(old-supplier-policy.md)")
        }
        try step("link to a missing document", shows: ["approved-content-changed \(supplierPolicy)"], hides: ["obsolete-referenced"]) {
            try replace(supplierPolicy, "(old-supplier-policy.md)", "(no-such-policy.md)")
        }
        try back()
    }

    func testAnIDChangedToDuplicateAnother() throws {
        try start()
        try step("POL-015 renamed POL-001", shows: ["id-duplicate \(supplierPolicy)", "reference-unresolved plan/phase-2.md"]) {
            try replace(supplierPolicy, "\nid: POL-015\n", "\nid: POL-001\n")
        }
        try back()
    }

    func testADocumentOthersReferenceMadeObsolete() throws {
        try start()
        // Only the referenced document changes; the findings are on the documents that name it.
        try step("supplier policy obsolete", shows: ["obsolete-referenced plan/phase-2.md", "obsolete-referenced processes/supplier-management.md",
                                                     "obsolete-referenced services/supplier-agreement-hosting.md"]) {
            try replace(supplierPolicy, "\nstatus: approved\n", "\nstatus: obsolete\n")
        }
        try back()
    }

    func testASatisfiesEntryRemovedLeavesARequirementUncovered() throws {
        try start()
        try step("4.1.2 no longer claimed", shows: ["requirement-uncovered plan/phase-1.md"]) {
            try replace("policies/service-management-policy.md", "\nsatisfies: [\"4.1.2\"]\n", "\nsatisfies: []\n")
        }
        try back()
    }

    func testEditsOfTheConfigAndOfTheRoles() throws {
        try start()
        try step("phase 3", shows: ["activity-open plan/phase-2.md", "requirement-uncovered plan/phase-3.md"]) {
            try replace("smsplan.yaml", "\ncurrent-phase: 2\n", "\ncurrent-phase: 3\n")
        }
        try step("requirement-uncovered off", shows: ["activity-open plan/phase-2.md"], hides: ["requirement-uncovered"]) {
            try replace("smsplan.yaml", "\nrules:\n", "\nrules:\n  requirement-uncovered: off\n")
        }
        try back()
        try step("role renamed", shows: ["owner-unknown \(supplierPolicy)", "owner-unknown processes/supplier-management.md"]) {
            try replace("roles.yaml", "- id: relationship-manager\n", "- id: business-manager\n")
        }
        try back()
    }

    func testADocumentDeletedThenAddedUnderAnotherPath() throws {
        try start()
        let text = try repository.read(supplierPolicy)
        try step("supplier policy deleted", shows: ["document-deleted \(supplierPolicy)", "reference-unresolved plan/phase-2.md"]) {
            try FileManager.default.removeItem(at: repository.url(supplierPolicy))
        }
        // The evidence POL-015 of phase 2 resolves again through a document the plan did not have.
        try step("vendor policy added", shows: [], hides: ["document-deleted", "reference-unresolved"]) {
            try repository.write("policies/vendor-policy.md", text)
        }
        try back()
    }

    func testAnEditOfTheScopeDocumentsBytesAndOfTheRecordThatApprovesIt() throws {
        try repository.write("records/scope-change-2026-11.md", """
            ---
            id: REC-950
            title: Scope change decided by top management
            type: record
            status: final
            owner: service-manager
            record-of: scope-change
            recorded-on: 2026-11-28
            retention: 6 years
            ---
            # Scope change

            ## Summary
            Top management discussed widening the scope to the hosting service.

            ## Details
            Decided at the management review.

            ## Actions
            None.

            """)
        try repository.commitAll("Scope change record")
        try repository.git("tag", "-a", "baseline/phase-1", "-m", "Phase 1 baseline")
        try start()
        try step("scope sentence appended", shows: ["scope-changed plan/scope.md"]) {
            try append("plan/scope.md", "The hosting service joins the scope.")
        }
        // Prose only: the record's front matter, headings and links stay, and it now names PLN-001 1.1.
        try step("approval named in the record", shows: ["record-modified records/scope-change-2026-11.md"], hides: ["scope-changed"]) {
            try append("records/scope-change-2026-11.md", "Top management approved PLN-001 1.1.")
        }
        try back()
    }

    /// `status`, `report --html` and `baseline create --dry-run` run the rules as a check does,
    /// and replay the whole-plan findings a check of the same plan kept: each prints (and
    /// writes) what it does without any cache, with findings in the working tree and at HEAD.
    func testStatusReportAndABaselineGateReplayTheFindingsOfACheck() throws {
        try replace(supplierPolicy, "\n## Scope\n", "\n## Range\n")
        try replace(supplierPolicy, "(../plan/scope.md)", "(no-such-policy.md)")
        try repository.commitAll("A heading renamed and a link broken")
        try replace("policies/service-management-policy.md", "\nsatisfies: [\"4.1.2\"]\n", "\nsatisfies: []\n")
        let commands: [(label: String, arguments: [String])] = [
            ("status", ["status", "--format", "json"]), ("status of the index", ["status", "--staged"]),
            ("status of HEAD", ["status", "--rev", "HEAD", "--format", "markdown"]), ("report", ["report", "--html", "dashboard"]),
            ("baseline gate", ["baseline", "create", "1", "--dry-run"]),
        ]
        func run(_ arguments: [String]) throws -> (result: CommandResult, written: [String: String]) {
            let result = try SMSPlanBinary.run(arguments, in: repository.directory)
            let folder = repository.url("dashboard")
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            var written: [String: String] = [:]
            for name in names { written[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
            try? FileManager.default.removeItem(at: folder)
            return (result, written)
        }
        let checked = try findings(try check([]))
        for finding in ["heading-missing \(supplierPolicy)", "requirement-uncovered plan/phase-1.md"] {
            XCTAssertTrue(checked.contains(finding), "no \(finding) in \(checked)")
        }
        _ = try check(["--staged"])
        _ = try check(["--rev", "HEAD"])
        for command in commands {
            // After the checks above, a second time with what the first run kept, then without caches.
            let first = try run(command.arguments), second = try run(command.arguments)
            try? FileManager.default.removeItem(at: repository.url(".git/smsplan"))
            let uncached = try run(command.arguments)
            XCTAssertFalse(uncached.result.output.isEmpty && uncached.written.isEmpty, command.label)
            for (name, cached) in [("after the checks", first), ("a second time", second)] {
                XCTAssertEqual(cached.result.output, uncached.result.output, "\(command.label), \(name)")
                XCTAssertEqual(cached.result.status, uncached.result.status, "\(command.label), \(name): exit status")
                XCTAssertEqual(cached.written, uncached.written, "\(command.label), \(name): files written")
            }
            _ = try check([])
            _ = try check(["--staged"])
            _ = try check(["--rev", "HEAD"])
        }
        let gate = try run(["baseline", "create", "1", "--dry-run"]).result
        XCTAssertTrue(gate.output.contains("error finding") || gate.errors.contains("error finding"), gate.output + gate.errors)
    }

    /// `status` keeps its report beside the whole-plan findings of the plan it read, and
    /// takes it again for that plan only, with its counts of findings made anew: in every
    /// format, before an edit, after it and once it is undone, each run prints what a run
    /// without caches prints.
    func testStatusKeepsItsReportForThePlanItReadOnly() throws {
        func status(_ format: String) throws -> String {
            let result = try SMSPlanBinary.run(["status", "--format", format], in: repository.directory)
            XCTAssertEqual(result.status, 0, result.errors)
            return result.output
        }
        func errors(_ json: String) throws -> Int {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
            return try XCTUnwrap(object?["errors"] as? Int, json)
        }
        var counts: [Int] = []
        for state in ["committed", "a heading renamed", "the heading back"] {
            switch state {
            case "a heading renamed": try replace(supplierPolicy, "\n## Scope\n", "\n## Range\n")
            case "the heading back": try replace(supplierPolicy, "\n## Range\n", "\n## Scope\n")
            default: break
            }
            _ = try check([])
            for format in ["json", "text", "markdown"] {
                let first = try status(format), second = try status(format)
                try? FileManager.default.removeItem(at: repository.url(".git/smsplan"))
                let uncached = try status(format)
                XCTAssertEqual(first, uncached, "\(state), \(format): after a check")
                XCTAssertEqual(second, uncached, "\(state), \(format): a second time")
                if format == "json" { counts.append(try errors(uncached)) }
                _ = try check([])
            }
        }
        XCTAssertEqual(counts.count, 3)
        XCTAssertEqual(counts[0], 0)
        XCTAssertGreaterThan(counts[1], 0, "the renamed heading is an error")
        XCTAssertEqual(counts[2], 0)
    }

    /// A baseline's gate keeps its manifest and shortfalls beside the whole-plan findings of
    /// the commit it read, and takes them again for a plan that decodes the same, with the
    /// commit's own blob ids: after commits that change prose only (the same decoded plan,
    /// other blobs) and one that changes a heading, the dry run prints what it prints
    /// without caches, and its manifest names the blob each file has at HEAD.
    func testABaselineGateKeepsItsFactsForThePlanItReadOnly() throws {
        let arguments = ["baseline", "create", "1", "--dry-run", "--manifest"]
        for (label, change) in [("committed", { () throws in }),
                                ("prose", { try self.append(self.supplierPolicy, "One more sentence of prose.") }),
                                ("more prose", { try self.append(self.supplierPolicy, "And another.") }),
                                ("a heading renamed", { try self.replace(self.supplierPolicy, "\n## Scope\n", "\n## Range\n") })] {
            try change()
            if label != "committed" { try repository.commitAll(label) }
            _ = try check(["--rev", "HEAD"])
            let first = try SMSPlanBinary.run(arguments, in: repository.directory)
            let second = try SMSPlanBinary.run(arguments, in: repository.directory)
            try? FileManager.default.removeItem(at: repository.url(".git/smsplan"))
            let uncached = try SMSPlanBinary.run(arguments, in: repository.directory)
            for (name, run) in [("after a check", first), ("a second time", second)] {
                XCTAssertEqual(run.output, uncached.output, "\(label), \(name)")
                XCTAssertEqual(run.status, uncached.status, "\(label), \(name): exit status")
            }
            let blob = try repository.git("rev-parse", "HEAD:\(supplierPolicy)").trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertTrue(second.output.contains("\"blob\" : \"\(blob)\"") || second.output.contains("\"blob\":\"\(blob)\""),
                          "\(label): the manifest lacks \(supplierPolicy)'s blob \(blob)")
        }
    }

    /// A range's head is checked as a check of its revision, its whole-plan findings replayed
    /// where the memo knows the plan: the range prints what it does without caches.
    func testARangeReplaysTheFindingsOfItsHead() throws {
        try start()
        try replace(supplierPolicy, "\n## Scope\n", "\n## Range\n")
        try repository.commitAll("A heading renamed")
        try replace("policies/service-management-policy.md", "\nid: POL-001\n", "\nid: POL-015\n")
        try repository.commitAll("An id made a duplicate")
        let range = try same(["--range", "HEAD~2..HEAD"], "range")
        let found = try findings(range)
        for finding in ["heading-missing \(supplierPolicy)", "id-duplicate \(supplierPolicy)"] {
            XCTAssertTrue(found.contains(finding), "no \(finding) in \(found)")
        }
        XCTAssertEqual(try same(["--range", "HEAD~2..HEAD"], "range again").output, range.output)
        // The head checked as a revision between, and the working tree: the range gives the same.
        _ = try same(["--rev", "HEAD"], "head")
        _ = try same([], "working tree")
        XCTAssertEqual(try same(["--range", "HEAD~2..HEAD"], "range after the others").output, range.output)
        XCTAssertEqual(try same(["--range", "HEAD~1..HEAD"], "shorter range").status, 1)
    }
}
