// libFuzzer target: the whole check of a plan with one arbitrary document beside a valid
// one, through every report format. Built and run by `make fuzz` (scripts/fuzz).
import Foundation
import SMSPlanKit

private let config = Data("smsplan: 1\norganization: Fuzz Ltd\nrules: { review-overdue: off }\n".utf8)
private let roles = Data("""
    smsplan: 1
    roles:
      - { id: top-management, name: Top management, members: [{ name: Dana Lee, email: dana@example.org, handle: dlee }] }
      - { id: service-manager, name: Service manager, members: [{ name: Sam Okafor, email: sam@example.org }] }

    """.utf8)
private let good = Data("""
    ---
    id: POL-001
    title: Service management policy
    type: policy
    version: "1.0"
    status: approved
    owner: service-manager
    approved-by: top-management
    approved-on: 2026-03-01
    satisfies: ["4.1.2"]
    history:
      - { version: "1.0", date: 2026-03-01, author: A. Writer, summary: Approved for issue }
    ---
    # Service management policy

    """.utf8)
private let date = PlanDate("2026-06-01")!

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCheck(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let source = InMemorySource(data: ["smsplan.yaml": config, "roles.yaml": roles, "policies/good.md": good, "policies/fuzz.md": data])
    let result: CheckResult
    do {
        result = try Engine.check(source: source, planRoot: "", revisionDate: date)
    } catch {
        fatalError("a document stopped the whole check: \(error)")
    }
    for diagnostic in result.diagnostics where diagnostic.line < 1 || diagnostic.column < 1 || diagnostic.path.isEmpty {
        fatalError("diagnostic without a place: \(diagnostic)")
    }
    for format in ReportFormat.allCases {
        _ = format.reporter(color: false).render(result)
    }
    return 0
}

/// Runs one check before fuzzing starts, so that lazily made globals (the rule registry, the
/// bundled schemas, the plan above) are not taken for leaks of the first input.
@_cdecl("LLVMFuzzerInitialize")
public func initializeCheck(_ argc: UnsafeMutablePointer<CInt>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?) -> CInt {
    good.withUnsafeBytes { _ = fuzzCheck($0.bindMemory(to: UInt8.self).baseAddress, $0.count) }
    return 0
}
