import Foundation

/// The master list of controlled documents: every document but records, sorted by id.
public struct DocumentRegister: Sendable, Encodable {
    /// One controlled document.
    public struct Entry: Sendable, Encodable {
        public var id: String
        public var title: String?
        public var type: String?
        public var version: String?
        public var status: String?
        public var owner: String?
        public var approvedBy: String?
        public var approvedOn: String?
        /// `next-review`, else `approved-on` plus the configured review interval.
        public var nextReview: String?
        /// True when `nextReview` was computed from the review interval.
        public var nextReviewComputed: Bool
        public var classification: String?
        public var path: String
        /// For a document under revision: `1.0 approved (in force), 1.1 in review`.
        public var revision: String?
    }

    public var organization: String?
    public var date: String
    public var reviewInterval: String
    public var documents: [Entry]
    /// Which register this is, in JSON: `documents`.
    public var register = "documents"

    public init(plan: Plan) {
        organization = plan.config.organization
        date = plan.revisionDate.description
        let interval = plan.config.reviewInterval
        reviewInterval = interval.description
        documents = plan.corpus.documents.filter { $0.type?.value != .record }.map { document in
            // An obsolete document is never reviewed again.
            let obsolete = document.status?.value == .obsolete
            let computed = document.nextReview == nil && !obsolete ? document.approvedOn.map { interval.after($0.value) } : nil
            return Entry(id: document.id?.value ?? "", title: document.title?.value, type: document.type?.value.rawValue,
                         version: document.version?.value.description, status: document.status?.value.rawValue,
                         owner: document.owner?.value, approvedBy: document.approvedBy?.value,
                         approvedOn: document.approvedOn?.value.description,
                         nextReview: obsolete ? nil : (document.nextReview?.value ?? computed)?.description, nextReviewComputed: computed != nil,
                         classification: document.classification?.value.rawValue, path: document.path,
                         revision: plan.revisionState(of: document))
        }.sorted { RegisterOrder.precedes(($0.id, $0.path), ($1.id, $1.path)) }
    }
}

/// The records register: every record with its retention, when it may be disposed of,
/// and its corrections.
public struct RecordsRegister: Sendable, Encodable {
    /// One record.
    public struct Entry: Sendable, Encodable {
        public var id: String
        public var title: String?
        /// What it records: `record-of`.
        public var kind: String?
        public var recordedOn: String?
        public var retention: String?
        /// `recorded-on` plus `retention`.
        public var disposalDue: String?
        /// True when the retention has ended by the date of the revision read.
        public var forDisposal: Bool
        /// The record this one corrects (`corrects:`).
        public var corrects: String?
        /// The records that correct this one.
        public var correctedBy: [String]
        public var path: String
        /// For a record held in another system (`held-in:`): the system and when it was last checked.
        public var heldIn: String?
        public var lastChecked: String?

        /// In JSON, `kind` names the output; what a record records is `recordOf`.
        private enum CodingKeys: String, CodingKey {
            case id, title, recordedOn, retention, disposalDue, forDisposal, corrects, correctedBy, path, heldIn, lastChecked
            case kind = "recordOf"
        }
    }

    public var organization: String?
    public var date: String
    public var records: [Entry]
    /// Which register this is, in JSON: `records`.
    public var register = "records"

    public init(plan: Plan) {
        organization = plan.config.organization
        date = plan.revisionDate.description
        let records = plan.corpus.documents.filter { $0.type?.value == .record }
        var correctedBy: [String: [String]] = [:]
        for record in records {
            if let corrected = record.corrects?.value { correctedBy[corrected, default: []].append(record.id?.value ?? record.path) }
        }
        let date = plan.revisionDate
        self.records = records.map { record in
            let id = record.id?.value ?? ""
            let due = record.recordedOn.flatMap { recorded in record.retention.flatMap { PlanDuration($0.value)?.after(recorded.value) } }
            return Entry(id: id, title: record.title?.value, kind: record.recordOf?.value, recordedOn: record.recordedOn?.value.description,
                         retention: record.retention?.value, disposalDue: due?.description, forDisposal: due.map { $0 <= date } ?? false,
                         corrects: record.corrects?.value,
                         correctedBy: id.isEmpty ? [] : (correctedBy[id] ?? []).sorted { RegisterOrder.precedes(($0, ""), ($1, "")) },
                         path: record.path, heldIn: record.heldIn?.system?.value, lastChecked: record.heldIn?.lastChecked?.value.description)
        }.sorted { RegisterOrder.precedes(($0.id, $0.path), ($1.id, $1.path)) }
    }

    /// How many records are past their retention.
    public var forDisposalCount: Int { records.count { $0.forDisposal } }
}

/// Registers list documents by id, numbers compared as numbers (POL-9 before POL-10);
/// documents without a readable id come last, by path.
enum RegisterOrder {
    static func precedes(_ lhs: (id: String, path: String), _ rhs: (id: String, path: String)) -> Bool {
        if lhs.id.isEmpty != rhs.id.isEmpty { return !lhs.id.isEmpty }
        switch lhs.id.compare(rhs.id, options: [.numeric]) {
        case .orderedAscending: return true
        case .orderedDescending: return false
        case .orderedSame: return lhs.path < rhs.path
        }
    }
}
