import Foundation
import TestSupport
import XCTest
@testable import SMSPlanKit

/// The exemplar plan (plan-template) as a whole: valid, fully planned, in the state it
/// claims (phase 1 finished, phase 2 under way, phase 3 planned).
final class TemplateTests: XCTestCase {
    private func loadTemplate() throws -> Plan {
        var files: [String: Data] = [:]
        let root = ProjectFiles.planTemplate.standardizedFileURL
        let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = walker?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))] = try Data(contentsOf: url)
        }
        return try Engine.load(source: InMemorySource(data: files), planRoot: "", revisionDate: PlanDate("2026-11-29")!)
    }

    func testTheTemplateHasNoFindings() throws {
        XCTAssertEqual(Engine.check(try loadTemplate()).diagnostics.map { "\($0.path):\($0.line): \($0.message)" }, [])
    }

    func testEveryClauseOfThe2011SchemaIsServedByAnActivity() throws {
        let plan = try loadTemplate()
        let schema = try XCTUnwrap(plan.schema)
        XCTAssertEqual(schema.id, "iso20000-1:2011")
        let phases = try XCTUnwrap(plan.analysis?.phases)
        let unplanned = schema.requirements.map(\.id).filter { phases.listings[$0] == nil }
        XCTAssertEqual(unplanned, [], "clauses no activity lists")
    }

    func testPhaseOneIsFinishedPhaseTwoUnderWayPhaseThreePlanned() throws {
        let plan = try loadTemplate()
        let status = StatusReport(plan: plan, result: Engine.check(plan))
        XCTAssertEqual(plan.config.currentPhase, 2)
        XCTAssertEqual(status.phases.map(\.state), ["complete", "current", "planned"])
        XCTAssertEqual(status.phases[0].activitiesDone, status.phases[0].activitiesTotal)
        XCTAssertLessThan(status.phases[1].activitiesDone, status.phases[1].activitiesTotal, "phase 2 has open activities")
        XCTAssertEqual(status.phases[2].activitiesDone, 0)
    }

    func testActivitiesSpanPhasesAndEachPhaseEndsWithLessonsLearnt() throws {
        let plan = try loadTemplate()
        let phases = try XCTUnwrap(plan.analysis?.phases)
        var phasesByRequirement: [String: Set<Int>] = [:]
        for planned in phases.activities {
            for requirement in planned.activity.requirements { phasesByRequirement[requirement.value, default: []].insert(planned.phase) }
        }
        XCTAssertGreaterThanOrEqual(phasesByRequirement.values.filter { $0.count > 1 }.count, 3, "several activities span phases")
        for phase in 1...3 {
            let titles = phases.activities(in: phase).compactMap { $0.activity.title?.value.lowercased() }
            XCTAssertTrue(titles.contains { $0.contains("lessons") }, "phase \(phase) ends with lessons learnt")
        }
        let lessons = plan.corpus.documents.filter { $0.recordOf?.value == "lessons-learnt" && $0.status?.value == .final }
        XCTAssertFalse(lessons.isEmpty, "the lessons-learnt record of phase 1")
    }

    func testTheTemplateHasTheAnnexDocuments() throws {
        let plan = try loadTemplate()
        let paths = Set(plan.corpus.documents.map(\.path))
        for path in ["plan/business-case.md", "plan/project-initiation.md", "plan/sms-plan.md", "plan/phase-1.md", "plan/phase-2.md",
                     "plan/phase-3.md", "procedures/document-control.md", "procedures/records-control.md"] {
            XCTAssertTrue(paths.contains(path), path)
        }
        let policies = plan.corpus.documents.filter { $0.type?.value == .policy }
        XCTAssertGreaterThanOrEqual(policies.count, 7)
        let templated = Set(plan.corpus.documents.compactMap(\.templateFor?.value))
        let expected: Set<DocumentType> = [.policy, .plan, .phasePlan, .procedure, .process, .catalogue, .agreement, .record, .external]
        XCTAssertEqual(templated.intersection(expected), expected, "a template per document type")
        let records = Set(plan.corpus.documents.compactMap(\.recordOf?.value))
        XCTAssertTrue(records.isSuperset(of: ["management-review", "internal-audit", "training", "lessons-learnt"]), "\(records)")
    }
}
