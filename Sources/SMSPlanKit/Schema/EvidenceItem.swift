extension RequirementSchema {
    /// One piece of evidence a requirement calls for, such as a policy or a periodic record.
    /// Each item is met on its own: one document meets at most one item of a requirement.
    public struct EvidenceItem: Sendable, Hashable {
        /// How firmly the standard asks for the item.
        public enum Level: String, Sendable, CaseIterable {
            /// The standard asks for it as documented information: an unmet item blocks coverage.
            case required
            /// Good practice (the standard asks for the activity, not the document): shown, never blocking.
            case goodPractice = "good-practice"
        }

        /// What an item counts: one per service of the catalogue, per supplier, per process.
        public enum Counting: String, Sendable, CaseIterable {
            case service, supplier, process
        }

        /// Stable within its requirement ("incident-procedure"); shown as `8.1/incident-procedure`.
        public var id: String = ""
        /// The document types that meet it; empty means any type.
        public var types: [DocumentType] = []
        /// What is expected, in a few words ("change management policy").
        public var name: String?
        /// For records: the kind of record (`record-of`).
        public var recordOf: String?
        /// For periodic records: how often a new one is due unless smsplan.yaml plans another interval.
        public var every: PlanDuration?
        public var level: Level = .required
        /// Counted items: met once every service (supplier, process) is named by a meeting document.
        public var per: Counting?
        /// Topics the meeting document addresses, each as a heading (`## Objectives`).
        public var topics: [String] = []
        /// Words a heading uses when a document addresses the item (a note for authors and for
        /// the check of the exemplar); never required.
        public var covers: [String] = []
        /// Met when that requirement is covered: an item that asks for documents other clauses
        /// already ask for (4.3.1's list). Documents never claim it directly.
        public var asIn: String?

        public init() {}

        /// True when a document of this type (and, for records, this kind) can meet the item.
        public func accepts(_ type: DocumentType?, recordOf kind: String?) -> Bool {
            guard asIn == nil else { return false }
            if !types.isEmpty, !(type.map(types.contains) ?? false) { return false }
            if let recordOf, kind != recordOf { return false }
            return true
        }

        /// "procedure or process", "any type": the types it accepts, for messages.
        public var typeLabel: String {
            var text = types.isEmpty ? "any type" : types.map(\.rawValue).joined(separator: " or ")
            if let recordOf { text += " (record-of: \(recordOf))" }
            return text
        }

        /// "service management policy", "record (management-review), every 12 months": for messages.
        public var label: String {
            var text = name ?? (types.isEmpty && recordOf == nil ? "any approved document" : typeLabel)
            if let every { text += ", every \(every)" }
            return text
        }

        /// True when the item is a periodic record.
        public var isPeriodic: Bool { every != nil && types == [.record] }
    }
}
