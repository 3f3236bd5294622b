import Foundation
@testable import SMSPlanKit

/// In-memory plans for engine tests: a default configuration and roles register, plus
/// the files a test adds. Dates are judged as of `reviewDate`.
enum PlanFixtures {
    static let reviewDate = PlanDate("2026-06-01")!

    static let config = "smsplan: 1\norganization: Example Services Ltd\n"

    static let roles = """
        smsplan: 1
        roles:
          - id: top-management
            name: Top management
            members:
              - { name: Dana Lee, email: dana@example.org, handle: dlee }
          - id: service-manager
            name: Service manager
            members:
              - { name: Sam Okafor, email: sam@example.org, handle: sokafor }
          - id: quality-manager
            name: Quality manager
            members:
              - { name: Priya Raman, email: priya@example.org }

        """

    /// Checks `files` (paths relative to the plan root) with the default config and roles
    /// unless the files bring their own.
    static func check(_ files: [(path: String, text: String)], planRoot: String = "") throws -> CheckResult {
        var contents = ["smsplan.yaml": config, "roles.yaml": roles]
        for file in files { contents[file.path] = file.text }
        let rooted = Dictionary(uniqueKeysWithValues: contents.map { (planRoot.appendingPathComponent($0.key), $0.value) })
        return try Engine.check(source: InMemorySource(files: rooted), planRoot: planRoot, revisionDate: reviewDate)
    }

    /// Checks an example: its files, compared with its previous state when it has one.
    static func check(_ example: RuleExample) throws -> CheckResult {
        var plan = try load(example.files, links: example.links)
        if let previous = example.previous {
            plan.change = PlanChange(previous: try load(previous).corpus, current: plan.corpus)
            plan.change?.author = example.committer
        }
        if let scope = example.baselineScope {
            plan.baselineScope = BaselineScope(tag: "baseline/phase-1", path: "plan/scope.md", contents: Data(scope.utf8))
        }
        return Engine.check(plan)
    }

    static func load(_ files: [(path: String, text: String)], links: [(path: String, target: String)] = []) throws -> Plan {
        var contents = ["smsplan.yaml": config, "roles.yaml": roles]
        for file in files { contents[file.path] = file.text }
        let linked = Dictionary(links.map { ($0.path, $0.target) }, uniquingKeysWith: { first, _ in first })
        return try Engine.load(source: InMemorySource(files: contents, links: linked), planRoot: "", revisionDate: reviewDate)
    }

    static func check(document text: String, at path: String = "policies/example.md") throws -> CheckResult {
        try check([(path, text)])
    }

    /// "rule line:column" for each diagnostic, the shape most assertions compare.
    static func summary(_ result: CheckResult) -> [String] {
        result.diagnostics.map { "\($0.rule) \($0.path):\($0.line):\($0.column)" }
    }
}
