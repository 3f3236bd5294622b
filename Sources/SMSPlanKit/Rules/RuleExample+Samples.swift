import Foundation

extension RuleExample {
    /// An approved policy that passes every rule, for examples to start from and vary.
    static let approvedPolicy = """
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
          - { version: "0.1", date: 2026-01-10, author: A. Writer, summary: First draft }
          - { version: "1.0", date: 2026-03-01, author: A. Writer, summary: Approved for issue }
        ---
        # Service management policy

        ## Purpose
        Why the policy exists.

        """

    /// The approved policy with one piece of text replaced.
    static func policy(replacing original: String, with replacement: String) -> RuleExample {
        precondition(approvedPolicy.contains(original), "example text not found: \(original)")
        return .document(approvedPolicy.replacingOccurrences(of: original, with: replacement))
    }

    /// POL-000, obsolete and superseded by POL-001.
    static let obsoletePolicy = approvedPolicy
        .replacingOccurrences(of: "POL-001", with: "POL-000")
        .replacingOccurrences(of: "status: approved", with: "status: obsolete\nsuperseded-by: POL-001")

    /// POL-001, approved, superseding POL-000.
    static let supersedingPolicy = approvedPolicy
        .replacingOccurrences(of: "satisfies:", with: "supersedes: [POL-000]\nsatisfies:")

    /// A plan where POL-001 replaced POL-000, correctly marked.
    static let supersededPair = RuleExample(files: [
        ("policies/old.md", obsoletePolicy),
        ("policies/new.md", supersedingPolicy),
    ])

    /// An approved phase plan for `phase` with one activity; `activity` is its flow mapping body.
    static func phasePlan(phase: Int, activity: String) -> String {
        """
        ---
        id: PHS-00\(phase)
        title: Phase \(phase) plan
        type: phase-plan
        version: "1.0"
        status: approved
        owner: service-manager
        approved-by: top-management
        approved-on: 2026-01-20
        phase: \(phase)
        activities:
          - { \(activity) }
        history:
          - { version: "0.1", date: 2026-01-10, author: A. Writer, summary: First draft }
          - { version: "1.0", date: 2026-01-20, author: A. Writer, summary: Approved for issue }
        ---
        # Phase \(phase) plan

        """
    }

    /// A final management review record made on `date`, with the topics its evidence item asks for.
    static func managementReview(on date: String) -> String {
        """
        ---
        id: REC-001
        title: Management review
        type: record
        status: final
        owner: service-manager
        record-of: management-review
        recorded-on: \(date)
        retention: 6 years
        satisfies: ["4.5.4.3"]
        ---
        # Management review

        ## Inputs
        ## Decisions
        ## Actions

        """
    }
}
