import Foundation
import TestSupport
import XCTest

/// A plan repository made by `smsplan init --example` (the Northwind exemplar), with its hooks installed and smsplan on the
/// hooks' PATH; git runs with the test identity and commits dated now, so the commit dates
/// agree with the dates smsplan writes into documents.
final class PlanSession {
    let repository: TestRepository

    init() throws {
        repository = try TestRepository()
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        repository.extraEnvironment = ["PATH": SMSPlanBinary.url.deletingLastPathComponent().path + ":" + path]
        repository.commitTimeOverride = Int(Date().timeIntervalSince1970)
        let created = try run("init", ".", "--example")
        XCTAssertEqual(created.status, 0, created.output + created.errors)
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: repository.url(".git/hooks/pre-commit").path), "init installs the hooks")
    }

    func remove() {
        repository.remove()
    }

    /// Runs smsplan in the repository with git's environment (identity, HOME, PATH).
    @discardableResult
    func run(_ arguments: String...) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: repository.childEnvironment)
    }

    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> CommandResult {
        try SMSPlanBinary.run(arguments, in: repository.directory, environment: repository.childEnvironment.merging(environment) { _, new in new })
    }

    /// `git add -A` and `git commit` through the hooks (never --no-verify): status and what was said.
    func commit(_ message: String, environment: [String: String] = [:]) throws -> (status: Int32, output: String) {
        try repository.git("add", "-A")
        let result = try repository.attempt(["commit", "-q", "-m", message], environment: environment)
        return (result.status, result.output + result.errors)
    }

    /// The text of a file of the plan.
    func read(_ path: String) throws -> String {
        try repository.read(path)
    }

    /// The git identity of Dana Lee, the exemplar's top management (approval.identity: author).
    static let topManagement = ["GIT_AUTHOR_NAME": "Dana Lee", "GIT_AUTHOR_EMAIL": "dana.lee@northwind.example",
                                "GIT_COMMITTER_NAME": "Dana Lee", "GIT_COMMITTER_EMAIL": "dana.lee@northwind.example"]

    /// Today in UTC, as smsplan writes dates.
    static var today: String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}

/// A test on a plan made by `smsplan init --example` (`session`), removed after each test.
/// `initialCommit` is the message of the first commit, made through the hooks before each
/// test; nil makes none.
class PlanSessionTestCase: XCTestCase {
    var session: PlanSession!
    var initialCommit: String? { "plan from smsplan init" }

    override func setUpWithError() throws {
        session = try PlanSession()
        if let message = initialCommit {
            let first = try session.commit(message)
            XCTAssertEqual(first.status, 0, first.output)
        }
    }

    override func tearDown() {
        session?.remove()
    }
}
