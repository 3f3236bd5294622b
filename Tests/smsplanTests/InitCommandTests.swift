import Foundation
import TestSupport
import XCTest

/// `smsplan init --organization NAME`: the starting plan a new team gets, in either edition,
/// and copies that hold only the files git tracks in the project.
final class InitCommandTests: XCTestCase {
    private var sandbox: URL!

    override func setUpWithError() throws {
        sandbox = try CommandSandbox.make("start")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: sandbox)
    }

    private let identity = CommandSandbox.identity

    private func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: sandbox, environment: identity.merging(environment) { _, new in new })
    }

    /// The plan's files below `folder` (the git folder left out), relative, with their text.
    private func files(in folder: URL) throws -> [String: String] {
        var result: [String: String] = [:]
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            if url.lastPathComponent == ".git" { walker?.skipDescendants(); continue }
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            result[String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1))] = try String(contentsOf: url, encoding: .utf8)
        }
        return result
    }

    /// What identifies the exemplar: its organization, its people and its record titles.
    private func exemplarMarks() throws -> [String] {
        let roles = try String(contentsOf: ProjectFiles.planTemplate.appendingPathComponent("roles.yaml"), encoding: .utf8)
        let people = roles.split(separator: "\n").compactMap { line -> String? in
            guard let range = line.range(of: "name: "), line.contains("email:") else { return nil }
            return String(line[range.upperBound...].prefix { $0 != "," })
        }
        XCTAssertGreaterThan(people.count, 5)
        let records = try FileManager.default.contentsOfDirectory(atPath: ProjectFiles.planTemplate.appendingPathComponent("records").path)
        return ["Northwind"] + people + records.map { String($0.dropLast(3)) }
    }

    func testInitWritesTheStartingPlanOfTheOrganization() throws {
        let created = try run(["init", "acme", "--organization", "Acme Hosting", "--standard", "iso20000-1:2011", "--commit"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(created.output.hasPrefix("created the starting plan of Acme Hosting (iso20000-1:2011) in acme: "), created.output)
        let plan = sandbox.appendingPathComponent("acme")
        let written = try files(in: plan)
        XCTAssertTrue(written["smsplan.yaml"]?.contains("organization: \"Acme Hosting\"\n") == true)
        XCTAssertTrue(written["smsplan.yaml"]?.contains("current-phase: 1\n") == true)
        XCTAssertTrue(written["README.md"]?.hasPrefix("# Service management system of Acme Hosting\n") == true)
        XCTAssertTrue(written["README.md"]?.contains("smsplan hooks install") == true)
        for folder in ["processes", "services", "records"] {
            XCTAssertEqual(written.keys.filter { $0.hasPrefix(folder + "/") }, [folder + "/.gitkeep"])
        }
        for file in ["plan/scope.md", "plan/business-case.md", "plan/project-initiation.md", "policies/service-management-policy.md",
                     "procedures/document-control.md", "procedures/records-control.md", "templates/policy.md", ".gitlab-ci.yml"] {
            XCTAssertNotNil(written[file], file)
        }
        XCTAssertTrue(written["plan/business-case.md"]?.contains("\nstatus: draft\n") == true)
        XCTAssertTrue(written["plan/business-case.md"]?.contains("\n## Options considered\n") == true)
        XCTAssertTrue(written.keys.allSatisfy { !$0.hasPrefix(".build") })
        XCTAssertTrue(written.values.allSatisfy { $0.range(of: "\\{\\{[a-z-]+\\}\\}", options: .regularExpression) == nil })

        let check = try run(["check", "-C", "acme", "--format", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any], check.errors)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(Set(diagnostics.compactMap { $0["rule"] as? String }), ["requirement-uncovered"], check.output)
        // The open work of the current phase: warnings, which the phase gate then requires.
        XCTAssertEqual(check.status, 0, check.output)
        XCTAssertEqual(Set(diagnostics.compactMap { $0["severity"] as? String }), ["warning"], check.output)
        XCTAssertTrue(diagnostics.allSatisfy { ($0["message"] as? String)?.contains("is due by phase 1, the current one,") == true }, check.output)
        XCTAssertTrue(diagnostics.contains { ($0["message"] as? String)?.hasPrefix("requirement 4.1.2 ") == true })

        let status = try run(["status", "-C", "acme", "--format", "json"])
        let progress = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(status.output.utf8)) as? [String: Any], status.errors)
        XCTAssertEqual(progress["organization"] as? String, "Acme Hosting")
        let phases = try XCTUnwrap(progress["phases"] as? [[String: Any]])
        XCTAssertEqual(phases.map { $0["state"] as? String }, ["current", "planned", "planned"])
        XCTAssertTrue(phases.allSatisfy { $0["activitiesDone"] as? Int == 0 && ($0["activitiesTotal"] as? Int ?? 0) > 5 })

        let dashboard = sandbox.appendingPathComponent("dashboard")
        XCTAssertEqual(try run(["report", "-C", "acme", "--html", dashboard.path]).status, 0)
        let page = try String(contentsOf: dashboard.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(page.contains("Acme Hosting"))

        let text = try run(["status", "-C", "acme"]).output + check.output + page + written.values.joined()
        for mark in try exemplarMarks() {
            XCTAssertFalse(text.contains(mark), "the starting plan mentions \"\(mark)\" of the exemplar")
        }
    }

    func testInitWritesTheStartingPlanIn2018() throws {
        let created = try run(["init", "acme", "--organization", "Acme Hosting", "--standard", "iso20000-1:2018"])
        XCTAssertEqual(created.status, 0, created.errors)
        XCTAssertTrue(try String(contentsOf: sandbox.appendingPathComponent("acme/smsplan.yaml"), encoding: .utf8).contains("standard: iso20000-1:2018\n"))
        let check = try run(["check", "-C", "acme", "--format", "json"])
        let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(check.output.utf8)) as? [String: Any], check.errors)
        let diagnostics = try XCTUnwrap(report["diagnostics"] as? [[String: Any]])
        XCTAssertEqual(Set(diagnostics.compactMap { $0["rule"] as? String }), ["requirement-uncovered"], check.output)
        XCTAssertTrue(diagnostics.contains { ($0["message"] as? String)?.hasPrefix("requirement 5.2.1 ") == true }, check.output)
        XCTAssertFalse(diagnostics.contains { ($0["message"] as? String)?.hasPrefix("requirement 8.") == true }, check.output)
    }

    func testInitAsksForTheOrganizationAndAKnownStandard() throws {
        let missing = try run(["init", "acme"])
        XCTAssertEqual(missing.status, 64)
        XCTAssertTrue(missing.errors.contains("give the organization's name with --organization NAME (or --example for the exemplar plan)"), missing.errors)
        let standard = try run(["init", "acme", "--organization", "Acme", "--standard", "iso9001"])
        XCTAssertEqual(standard.status, 64)
        XCTAssertTrue(standard.errors.contains("unknown standard \"iso9001\"; choose one of \"iso20000-1:2011\", \"iso20000-1:2018\""), standard.errors)
        XCTAssertFalse(FileManager.default.fileExists(atPath: sandbox.appendingPathComponent("acme").path))
    }

    /// A template folder inside a git working tree gives only its tracked files: build
    /// output that `make run` or an editor leaves in it is never copied.
    func testInitCopiesOnlyTheFilesGitTracks() throws {
        let project = try TestRepository()
        try project.copyTree(from: ProjectFiles.planTemplate, to: "plan-template")
        try project.copyTree(from: ProjectFiles.starter, to: "starter")
        try project.write(".gitignore", ".build/\n")
        try project.commitAll("The project")
        for folder in ["plan-template", "starter"] {
            try project.write(folder + "/.build/reports/dashboard/index.html", "<html>Northwind</html>")
            try project.write(folder + "/policies/untracked.md", "scratch")
        }
        let environment = ["SMSPLAN_TEMPLATE": project.url("plan-template").path]
        XCTAssertEqual(try run(["init", "example", "--example"], environment: environment).status, 0)
        XCTAssertEqual(try run(["init", "start", "--organization", "Acme"], environment: environment).status, 0)
        for plan in ["example", "start"] {
            let written = try files(in: sandbox.appendingPathComponent(plan)).keys
            XCTAssertFalse(written.contains { $0.hasPrefix(".build/") || $0 == "policies/untracked.md" }, "\(plan): \(written.sorted())")
        }
        XCTAssertEqual(try files(in: sandbox.appendingPathComponent("example")).count,
                       try project.git(["ls-files", "plan-template"]).split(separator: "\n").count)
    }
}

/// The reminder a clone without hooks gets.
final class HooksReminderTests: XCTestCase {
    private let reminder = "smsplan: note: the git hooks are not installed in this clone; run `smsplan hooks install`\n"

    func testCheckInACloneWithoutHooksSaysSoOnceOnStandardError() throws {
        let origin = try TestRepository.withPlanTemplate()
        let repository = TestRepository(wrapping: origin.sandbox.appendingPathComponent("clone"))
        try origin.git("clone", "-q", origin.directory.path, repository.directory.path)
        let person = ["CI": ""]
        XCTAssertEqual(try SMSPlanBinary.run(["check"], in: origin.directory, environment: person).errors, "", "not a clone")
        let text = try SMSPlanBinary.run(["check"], in: repository.directory, environment: person)
        XCTAssertEqual(text.status, 0, text.output)
        XCTAssertEqual(text.errors, reminder)
        XCTAssertFalse(text.output.contains("hooks"))
        let json = try SMSPlanBinary.run(["check", "--format", "json"], in: repository.directory, environment: person)
        XCTAssertEqual(json.errors, reminder)
        XCTAssertFalse(json.output.contains("hooks install"))
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.output.utf8)))

        XCTAssertEqual(try SMSPlanBinary.run(["check", "--hook"], in: repository.directory, environment: person).errors, "")
        XCTAssertEqual(try SMSPlanBinary.run(["check"], in: repository.directory, environment: ["CI": "true"]).errors, "")
        XCTAssertEqual(try SMSPlanBinary.run(["hooks", "install"], in: repository.directory).status, 0)
        XCTAssertEqual(try SMSPlanBinary.run(["check"], in: repository.directory, environment: person).errors, "")
    }
}
