/// The kinds of document front matter may declare in `type:`.
public enum DocumentType: String, Sendable, Hashable, CaseIterable, Codable {
    case policy, plan, phasePlan = "phase-plan", procedure, process, catalogue, agreement
    case record, template, external, other
}

/// Where a document stands in its life: `status:`. Records are `final` once written.
public enum DocumentStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case draft, review, approved, obsolete, final

    /// The statuses a document of this type may carry.
    public static func allowed(for type: DocumentType?) -> [DocumentStatus] {
        type == .record ? [.final] : [.draft, .review, .approved, .obsolete]
    }
}

/// Who may read a document: `classification:`.
public enum Classification: String, Sendable, Hashable, CaseIterable, Codable {
    case `public`, `internal`, confidential, restricted
}

/// The state of a phase-plan activity.
public enum ActivityStatus: String, Sendable, Hashable, CaseIterable, Codable {
    case open, inProgress = "in-progress", done
}

/// A document version, `MAJOR.MINOR`; `0.x` while the document was never approved.
public struct DocumentVersion: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let major: Int
    public let minor: Int

    /// Parses `1.0`, `2.13`; refuses anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2,
            parts.allSatisfy({ !$0.isEmpty && $0.count <= 6 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.major = major
        self.minor = minor
    }

    public init(major: Int, minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The next minor version (1.3 -> 1.4), or with `major` the next major one (1.3 -> 2.0).
    public func next(major: Bool = false) -> DocumentVersion {
        major ? DocumentVersion(major: self.major + 1, minor: 0) : DocumentVersion(major: self.major, minor: minor + 1)
    }

    public static func < (lhs: DocumentVersion, rhs: DocumentVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    public var description: String { "\(major).\(minor)" }
}
