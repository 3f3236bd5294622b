@testable import SMSPlanKit
import XCTest

/// How the starting plan's placeholders are filled in.
final class StarterPlanTests: XCTestCase {
    func testPlaceholdersAreFilledInOnePass() {
        let values = ["organization": "{{date}} & Co", "date": "2026-12-01"]
        XCTAssertEqual(StarterPlan.fill("# {{organization}}, {{date}}", with: values), "# {{date}} & Co, 2026-12-01")
        XCTAssertEqual(StarterPlan.fill("run: ${{ github.token }} {{unknown}} {{", with: values), "run: ${{ github.token }} {{unknown}} {{")
    }

    func testATemplateBecomesADraftOfTheNewPlan() {
        let template = """
            ---
            id: TPL-001
            title: Policy template
            type: template
            template-for: policy
            version: "1.0"
            status: approved
            owner: quality-manager
            author: Priya Raman
            approved-by: service-manager
            approved-on: 2026-10-19
            classification: internal
            history:
              - { version: "1.0", date: 2026-10-19, author: Priya Raman, summary: Approved }
            ---
            # <Policy title>

            ## Purpose
            """
        XCTAssertEqual(StarterPlan.startingTemplate(template), """
            ---
            id: TPL-001
            title: Policy template
            type: template
            template-for: policy
            version: "0.1"
            status: draft
            owner: quality-manager
            author: {{author}}
            classification: internal
            history:
              - { version: "0.1", date: {{date}}, author: {{author}}, summary: Starting draft made by smsplan init }
            ---
            # <Policy title>

            ## Purpose
            """)
    }
}
