import Foundation
import TestSupport
import XCTest

/// Starting on ISO/IEC 20000-1:2018: `init` gives a 2018 plan unless `--standard` says 2011,
/// the exemplar exists in both editions (the 2018 one being the 2011 one migrated, with
/// Northwind's committed decisions and additions, kept in step here), and `migrate` leaves a
/// clause once in a list when two old clauses become it.
final class EditionStartCommandTests: XCTestCase {
    private var sandbox: URL!

    override func setUpWithError() throws {
        sandbox = try CommandSandbox.make("edition")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: sandbox)
    }

    private let identity = CommandSandbox.identity

    private func run(_ arguments: [String], in folder: String = "") throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: folder.isEmpty ? sandbox : sandbox.appendingPathComponent(folder), environment: identity)
    }

    private func text(_ path: String) throws -> String {
        try String(contentsOf: sandbox.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file of the plan in `folder` (the git folder left out), relative, with its text.
    private func files(in folder: String) throws -> [String: String] {
        let root = sandbox.appendingPathComponent(folder).standardizedFileURL
        var result: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == ".git" { walker?.skipDescendants(); continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    private func commit(_ folder: String, _ message: String, as person: (name: String, email: String) = ("Ada Lovelace", "ada@example.com")) throws {
        let plan = TestRepository(wrapping: sandbox.appendingPathComponent(folder))
        try plan.git("add", "-A")
        try plan.git("commit", "-q", "--no-verify", "--author", "\(person.name) <\(person.email)>", "-m", message)
    }

    func testInitGivesA2018PlanUnlessTheStandardSays2011() throws {
        let created = try run(["init", "acme", "--organization", "Acme Hosting"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.hasPrefix("created the starting plan of Acme Hosting (iso20000-1:2018) in acme: "), created.output)
        let config = try text("acme/smsplan.yaml")
        XCTAssertTrue(config.contains("standard: iso20000-1:2018\nclaims-edition: iso20000-1:2018\n"), config)
        let phase = try text("acme/plan/phase-1.md")
        XCTAssertTrue(phase.contains("requirements: [\"4.1\", \"4.2\"]") && !phase.contains("\"4.5.1\""), "phase 1 schedules the 2018 clauses: \(phase)")
        let status = try run(["status"], in: "acme")
        XCTAssertTrue(status.output.hasPrefix("Acme Hosting - iso20000-1:2018, phase 1"), status.output)

        let older = try run(["init", "older", "--organization", "Acme Hosting", "--standard", "iso20000-1:2011"])
        XCTAssertEqual(older.status, 0, older.errors)
        XCTAssertTrue(older.output.hasPrefix("created the starting plan of Acme Hosting (iso20000-1:2011) in older: "), older.output)
        XCTAssertTrue(try text("older/smsplan.yaml").contains("standard: iso20000-1:2011\nclaims-edition: iso20000-1:2011\n"))
        let check = try run(["check"], in: "older")
        XCTAssertTrue(check.output.contains("requirement 4.1.2 \"Service management policy\""), check.output)

        let help = try run(["init", "--help"])
        for lesson in ["written for ISO/IEC 20000-1:2018 unless --standard", "transition period ended in 2021",
                       "smsplan migrate --to iso20000-1:2018", "ISO/IEC TR 20000-5:2013, written for 2011", "ISO/IEC TS 20000-5:2022",
                       "--example --standard iso20000-1:2018"] {
            XCTAssertTrue(help.output.replacingOccurrences(of: "\n", with: " ").replacingOccurrences(of: "  ", with: " ").contains(lesson),
                          "init --help teaches \"\(lesson)\": \(help.output)")
        }
    }

    func testSwitchingA2018PlanBackTo2011SaysToSetTheStandardBackNotToMigrate() throws {
        XCTAssertEqual(try run(["init", "acme", "--organization", "Acme Hosting", "--commit"]).status, 0)
        let config = try text("acme/smsplan.yaml")
        try config.replacingOccurrences(of: "standard: iso20000-1:2018\n", with: "standard: iso20000-1:2011\n")
            .write(to: sandbox.appendingPathComponent("acme/smsplan.yaml"), atomically: true, encoding: .utf8)
        let check = try run(["check"], in: "acme")
        XCTAssertEqual(check.status, 1)
        let finding = check.output.split(separator: "\n").first { $0.hasSuffix("[edition-mismatch]") }.map(String.init) ?? ""
        XCTAssertTrue(finding.hasPrefix("smsplan.yaml:6:17: error: satisfies claims are written for \"iso20000-1:2018\""), check.output)
        XCTAssertTrue(finding.contains("smsplan migrates claims from iso20000-1:2011 to iso20000-1:2018 only: set standard: back to iso20000-1:2018"),
                      finding)
        XCTAssertFalse(finding.contains("smsplan migrate --to"), "no command that would refuse is named: \(finding)")
        let migrate = try run(["migrate", "--to", "iso20000-1:2011", "--dry-run"], in: "acme")
        XCTAssertEqual(migrate.status, 2, "the direction the finding does not offer is refused: \(migrate.errors)")
    }

    func testTheExemplarChecksCleanInBothEditions() throws {
        let older = try run(["init", "northwind-2011", "--example", "--commit"])
        XCTAssertEqual(older.status, 0, older.errors)
        XCTAssertTrue(older.output.hasPrefix("created the exemplar plan (iso20000-1:2011) in northwind-2011: "), older.output)
        XCTAssertEqual(try files(in: "northwind-2011")["smsplan.yaml"], try String(contentsOf: ProjectFiles.planTemplate.appendingPathComponent("smsplan.yaml"), encoding: .utf8))
        let newer = try run(["init", "northwind-2018", "--example", "--standard", "iso20000-1:2018", "--commit"])
        XCTAssertEqual(newer.status, 0, newer.errors)
        XCTAssertTrue(newer.output.hasPrefix("created the exemplar plan (iso20000-1:2018) in northwind-2018: "), newer.output)
        XCTAssertTrue(try text("northwind-2018/smsplan.yaml").contains("standard: iso20000-1:2018\nclaims-edition: iso20000-1:2018\n"))
        for folder in ["northwind-2011", "northwind-2018"] {
            for target in [["check"], ["check", "--rev", "HEAD"]] {
                let check = try run(target, in: folder)
                XCTAssertEqual(check.status, 0, "\(folder): \(check.output)")
                XCTAssertTrue(check.output.hasSuffix(" documents checked, no findings\n"), "\(folder): \(check.output)")
            }
        }
        let status = try SMSPlanBinary.json(["status", "--format", "json"], in: sandbox.appendingPathComponent("northwind-2018"))
        XCTAssertEqual(status["edition"] as? String, "iso20000-1:2018")
        let coverage = try SMSPlanBinary.json(["coverage", "--format", "json"], in: sandbox.appendingPathComponent("northwind-2018"))
        let rows = try XCTUnwrap(coverage["requirements"] as? [[String: Any]])
        for clause in ["4.1", "4.2", "6.1", "6.3", "7.6", "8.2.2", "8.2.5", "8.4.2"] {
            XCTAssertEqual(rows.first { $0["id"] as? String == clause }?["status"] as? String, "covered", "2018 clause \(clause) in the 2018 exemplar")
        }
    }

    /// The 2018 exemplar is what a person gets by migrating the 2011 one, making the decisions
    /// in examples/northwind-2018/decisions.yaml by hand and adding the files of
    /// examples/northwind-2018/files; and that plan checks clean once committed.
    func testThe2018ExemplarIsThe2011OneMigratedWithTheCommittedAdditions() throws {
        XCTAssertEqual(try run(["init", "migrated", "--example", "--commit"]).status, 0)
        let migration = try run(["migrate", "--to", "iso20000-1:2018"], in: "migrated")
        XCTAssertEqual(migration.status, 0, migration.errors)
        XCTAssertTrue(migration.output.contains("then commit the migration as one commit (smsplan makes none)"), migration.output)
        let plan = TestRepository(wrapping: sandbox.appendingPathComponent("migrated"))
        XCTAssertNotEqual(try plan.git("status", "--porcelain"), "", "migrate leaves its changes in the working tree")

        let additions = ProjectFiles.root.appendingPathComponent("examples/northwind-2018")
        let decisions = try String(contentsOf: additions.appendingPathComponent("decisions.yaml"), encoding: .utf8)
        let entry = try NSRegularExpression(pattern: #"^  - \{ path: (\S+), clause: "([^"]+)", becomes: \[(.*)\] \}$"#, options: .anchorsMatchLines)
        let matches = entry.matches(in: decisions, range: NSRange(decisions.startIndex..., in: decisions))
        let open = migration.output.components(separatedBy: "\n").first { $0.hasPrefix("decisions (") }
        XCTAssertEqual(open, "decisions (\(matches.count)): clauses that map to several clauses of iso20000-1:2018 or to none, written as a placeholder that `smsplan check` reports until it is replaced",
                       "the decisions file decides every clause the migration lists")
        for match in matches {
            func group(_ index: Int) -> String { String(decisions[Range(match.range(at: index), in: decisions)!]) }
            let path = group(1), placeholder = "\"from-2011:\(group(2))\"", becomes = group(3)
            var document = try plan.read(path)
            XCTAssertTrue(document.contains(placeholder), "\(path) holds \(placeholder)")
            if becomes.isEmpty {
                let removal = [", " + placeholder, placeholder + ", ", placeholder].first { document.contains($0) }!
                document = document.replacingOccurrences(of: removal, with: "")
            } else {
                document = document.replacingOccurrences(of: placeholder, with: becomes)
            }
            try plan.write(path, document)
        }
        let added = FileManager.default.enumerator(at: additions.appendingPathComponent("files"), includingPropertiesForKeys: [.isRegularFileKey])
        var addedFiles = 0
        while let url = added?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            let relative = String(url.standardizedFileURL.path.dropFirst(additions.appendingPathComponent("files").standardizedFileURL.path.count + 1))
            try plan.write(relative, try Data(contentsOf: url))
            addedFiles += 1
        }
        XCTAssertGreaterThanOrEqual(addedFiles, 5, "the documents the new 2018 clauses need")

        XCTAssertEqual(try run(["init", "northwind-2018", "--example", "--standard", "iso20000-1:2018"]).status, 0)
        let byHand = try files(in: "migrated"), byInit = try files(in: "northwind-2018")
        XCTAssertEqual(Set(byHand.keys), Set(byInit.keys))
        for (path, text) in byHand where byInit[path] != text {
            XCTFail("\(path) differs between the migrated exemplar with the additions and init --example --standard iso20000-1:2018")
        }

        // The migration, decisions and additions are one commit by the service manager, which checks clean.
        try commit("migrated", "Migrate the plan to ISO/IEC 20000-1:2018", as: ("Sam Okafor", "sam.okafor@northwind.example"))
        for target in [["check"], ["check", "--rev", "HEAD"]] {
            let check = try run(target, in: "migrated")
            XCTAssertTrue(check.output.hasSuffix(" documents checked, no findings\n"), check.output)
        }
        XCTAssertEqual(try plan.git("log", "--format=%s").components(separatedBy: "\n").filter { !$0.isEmpty },
                       ["Migrate the plan to ISO/IEC 20000-1:2018", "Start the SMS plan from the smsplan template"])
    }

    /// An installed binary finds the 2018 additions in share/smsplan/examples, as `make install`
    /// puts them there, and says where it looked when they are missing.
    func testAnInstalledBinaryFindsThe2018Additions() throws {
        let prefix = sandbox.appendingPathComponent("prefix")
        let share = prefix.appendingPathComponent("share/smsplan")
        try FileManager.default.createDirectory(at: prefix.appendingPathComponent("bin"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: share, withIntermediateDirectories: true)
        let binary = prefix.appendingPathComponent("bin/smsplan")
        try FileManager.default.copyItem(at: SMSPlanBinary.url, to: binary)
        try FileManager.default.copyItem(at: ProjectFiles.planTemplate, to: share.appendingPathComponent("plan-template"))
        func initialise(_ folder: String) throws -> CommandResult {
            try SMSPlanBinary.run(["init", folder, "--example", "--standard", "iso20000-1:2018"], in: sandbox, environment: identity, binary: binary)
        }
        let missing = try initialise("without")
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.errors.contains("examples/northwind-2018") && missing.errors.contains("SMSPLAN_EXAMPLES"), missing.errors)
        XCTAssertTrue(missing.errors.contains(share.appendingPathComponent("examples/northwind-2018").path), missing.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.appendingPathComponent("without").path))

        try FileManager.default.copyItem(at: ProjectFiles.root.appendingPathComponent("examples"), to: share.appendingPathComponent("examples"))
        let installed = try initialise("with")
        XCTAssertEqual(installed.status, 0, installed.errors)
        let check = try SMSPlanBinary.run(["check"], in: sandbox.appendingPathComponent("with"), environment: identity, binary: binary)
        XCTAssertTrue(check.output.hasSuffix(" documents checked, no findings\n"), check.output)
    }

    func testADryRunOfTheMigrationLeavesTheFilesAndGitStatusAsTheyWere() throws {
        XCTAssertEqual(try run(["init", "plan", "--example", "--commit"]).status, 0)
        let plan = TestRepository(wrapping: sandbox.appendingPathComponent("plan"))
        let before = try files(in: "plan"), status = try plan.git("status", "--porcelain")
        for format in ["text", "markdown", "json"] {
            let dry = try run(["migrate", "--to", "iso20000-1:2018", "--dry-run", "--format", format], in: "plan")
            XCTAssertEqual(dry.status, 0, dry.errors)
        }
        XCTAssertEqual(try files(in: "plan"), before)
        XCTAssertEqual(try plan.git("status", "--porcelain"), status)
        XCTAssertEqual(status, "")
    }

    /// Two 2011 clauses (5.1 and 5.2) that become one 2018 clause (8.5.2.1) leave it once,
    /// in a flow list and in a block list, with every other byte kept.
    func testTwoOldClausesThatBecomeOneAreListedOnce() throws {
        XCTAssertEqual(try run(["init", "plan", "--example", "--commit"]).status, 0)
        let plan = TestRepository(wrapping: sandbox.appendingPathComponent("plan"))
        let flow = "---\nid: PLN-090\ntitle: Service design plan\ntype: plan\nversion: \"0.1\"\nstatus: draft\nowner: change-manager\nauthor: Aiko Tanaka\nclassification: internal\nsatisfies: [\"5.1\", \"5.2\", \"4.5.1\"] # design\nhistory:\n  - { version: \"0.1\", date: 2026-11-20, author: Aiko Tanaka, summary: First draft }\n---\n# Service design plan\n\n## Purpose\n\n## Scope\n\n## Responsibilities\n\n## Review\n"
        let block = flow.replacingOccurrences(of: "PLN-090", with: "PLN-091")
            .replacingOccurrences(of: "satisfies: [\"5.1\", \"5.2\", \"4.5.1\"] # design\n", with: "satisfies:\n  - \"5.1\"\n  - '5.2' # the same clause in 2018\n  - \"4.5.1\"\n")
        try plan.write("plan/service-design.md", flow)
        try plan.write("plan/service-design-block.md", block)
        var phase = try plan.read("plan/phase-3.md")
        phase = phase.replacingOccurrences(of: "requirements: [\"4.5.4.3\"], status: open", with: "requirements: [\"4.5.4.3\", \"5.1\", \"5.2\"], status: open")
        try plan.write("plan/phase-3.md", phase)
        try commit("plan", "Two design drafts")

        let result = try SMSPlanBinary.run(["migrate", "--to", "iso20000-1:2018", "--format", "json"], in: plan.directory)
        XCTAssertEqual(result.status, 0, result.errors)
        XCTAssertEqual(try plan.read("plan/service-design.md"),
                       flow.replacingOccurrences(of: "satisfies: [\"5.1\", \"5.2\", \"4.5.1\"]", with: "satisfies: [\"8.5.2.1\", \"4.3\"]"))
        XCTAssertEqual(try plan.read("plan/service-design-block.md"),
                       block.replacingOccurrences(of: "  - \"5.1\"\n  - '5.2' # the same clause in 2018\n  - \"4.5.1\"\n", with: "  - \"8.5.2.1\"\n  - \"4.3\"\n"))
        XCTAssertTrue(try plan.read("plan/phase-3.md").contains("requirements: [\"9.3\", \"8.5.2.1\"], status: open"))
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any])
        let merged = (report["rewrites"] as? [[String: Any]] ?? []).filter { $0["merged"] as? Bool == true }
        XCTAssertEqual(Set(merged.compactMap { $0["path"] as? String }), ["plan/service-design.md", "plan/service-design-block.md", "plan/phase-3.md", "plan/phase-2.md"])
        XCTAssertEqual(merged.filter { $0["path"] as? String != "plan/phase-2.md" }.map { "\($0["from"] ?? "") -> \($0["to"] ?? "")" },
                       ["5.2 -> 8.5.2.1", "5.2 -> 8.5.2.1", "5.2 -> 8.5.2.1"])
        XCTAssertTrue(try plan.read("plan/phase-2.md").contains("requirements: [\"8\", \"8.3.1\", \"8.6\"], status: done"), "2011 6 and 9 are both 2018 8")
        let check = try run(["check"], in: "plan")
        XCTAssertEqual(check.output.components(separatedBy: "\n").filter { $0.hasPrefix("plan/service-design") }, [])
    }
}
