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

    /// Every claim of the exemplar is backed by a section of the document that addresses it: a
    /// heading holding one of the topics or `covers` words of an evidence item of that clause
    /// that the document's type can meet, or the clause number itself.
    func testEveryClaimIsBackedByASectionOfTheDocument() throws {
        let plan = try loadTemplate()
        let schema = try XCTUnwrap(plan.schema)
        var unbacked: [String] = []
        var claims = 0
        for document in plan.corpus.documents where document.isActive && document.type?.value != .template {
            let headings = document.body.headings.map { RequiredTopics.normalized($0.text) }
            for claim in document.satisfies {
                claims += 1
                let requirement = try XCTUnwrap(schema.requirement(claim.value), claim.value)
                let items = requirement.evidence.filter { $0.accepts(document.type?.value, recordOf: document.recordOf?.value) }
                let words = items.flatMap { $0.topics + $0.covers }.map(RequiredTopics.normalized) + [claim.value]
                if !headings.contains(where: { heading in words.contains { heading.contains($0) } }) {
                    unbacked.append("\(document.path) claims \(claim.value) (\(words.joined(separator: ", "))) under \(headings)")
                }
            }
        }
        XCTAssertGreaterThan(claims, 70)
        XCTAssertEqual(unbacked, [])
    }

    func testTheExemplarIsMostlyCoveredAndHasTheDocumentsAnAuditorAsksFor() throws {
        let plan = try loadTemplate()
        let report = try XCTUnwrap(CoverageReport(plan: plan))
        // 39 clauses without sub-clauses: all covered but the internal audit programme (4.5.4.2),
        // a draft until the management review that closes phase 2 approves it.
        XCTAssertEqual(report.totals, ["covered": 38, "partial": 1, "uncovered": 0, "excluded": 0])
        XCTAssertEqual(report.requirements.filter { $0.status == "partial" && plan.schema!.isLeaf($0.id) }.map(\.id), ["4.5.4.2"])
        let kinds = Set(plan.corpus.documents.compactMap(\.recordOf?.value))
        XCTAssertTrue(kinds.isSuperset(of: ["corrective-action", "improvement", "service-report", "service-request", "availability-monitoring"]), "\(kinds)")
        XCTAssertFalse(plan.corpus.documents.filter { $0.heldIn != nil }.isEmpty, "records held in other systems")
        let titles = plan.corpus.documents.compactMap { $0.title?.value.lowercased() }
        for wanted in ["risk register", "service management objectives", "improvement register", "management review agenda",
                       "internal audit plan template", "internal audit report template", "competence matrix", "iso/iec 20000-1:2011"] {
            XCTAssertTrue(titles.contains { $0.contains(wanted) }, wanted)
        }
        let catalogue = try XCTUnwrap(plan.corpus.documents.first { $0.type?.value == .catalogue })
        XCTAssertEqual(catalogue.services.count, 3)
        let slas = try XCTUnwrap(report.requirements.first { $0.id == "6.1" }?.evidence.first { $0.id == "6.1/slas" })
        XCTAssertTrue(slas.met, "one SLA per service of the catalogue")
        XCTAssertEqual(Engine.check(plan).diagnostics.filter { $0.rule == EvidenceTypeMismatchRule.id }.count, 0)
        let continuity = try XCTUnwrap(report.requirements.first { $0.id == "6.3.2" })
        XCTAssertEqual(continuity.parties, ["PRC-018 operated by CloudHarbour Ltd, governed by AGR-002 (PRC-002, PRC-017)"])
    }
}
