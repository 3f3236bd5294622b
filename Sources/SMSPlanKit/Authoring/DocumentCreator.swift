import Foundation

/// `smsplan new`: a new draft document from its type's template, with the next free id.
public enum DocumentCreator {
    /// What to create.
    public struct Request: Sendable {
        public var type: DocumentType
        public var title: String
        public var owner: String?
        public var author: String?
        /// Phase plans: the phase they plan.
        public var phase: Int?
        /// Records: the kind of record and how long it is kept.
        public var recordOf: String?
        public var retention: String?
        /// External documents: where the original is kept.
        public var source: String?
        public var date: PlanDate
        /// Ids in use elsewhere (other branches, remote-tracking refs), never given out.
        public var taken: Set<String> = []

        public init(type: DocumentType, title: String, owner: String? = nil, author: String? = nil, phase: Int? = nil,
                    recordOf: String? = nil, retention: String? = nil, source: String? = nil, date: PlanDate) {
            self.type = type
            self.title = title
            self.owner = owner
            self.author = author
            self.phase = phase
            self.recordOf = recordOf
            self.retention = retention
            self.source = source
            self.date = date
        }
    }

    /// The folder, below the plan root, where documents of each type go.
    public static func folder(for type: DocumentType) -> String {
        switch type {
        case .policy: "policies"
        case .plan, .phasePlan, .other: "plan"
        case .procedure: "procedures"
        case .process: "processes"
        case .catalogue, .agreement, .external: "services"
        case .record: "records"
        case .template: "templates"
        }
    }

    /// Writes the new document into the working tree at `root` (the repository's top level)
    /// and returns its repository-relative path and id.
    public static func create(_ request: Request, in plan: Plan, root: URL) throws(SMSPlanError) -> (path: String, id: String) {
        let template = plan.corpus.documents
            .filter { $0.type?.value == .template && $0.templateFor?.value == request.type }
            .min { ($0.status?.value == .approved ? 0 : 1, $0.path) < ($1.status?.value == .approved ? 0 : 1, $1.path) }
        let owner = request.owner ?? template?.owner?.value
        guard let owner else {
            throw .refused("no owner: give --owner ROLE (no template for \(request.type.rawValue) names one)")
        }
        guard let roles = plan.roles else {
            throw .refused("roles.yaml is missing beside smsplan.yaml, so owner \"\(owner)\" cannot be checked; add roles.yaml first")
        }
        if roles.role(owner) == nil {
            throw .refused("owner \"\(owner)\" is not a role in roles.yaml (roles: \(roles.roles.map(\.id).joined(separator: ", ")))")
        }
        if request.type == .record && request.recordOf == nil {
            throw .refused("a record needs --record-of KIND (such as management-review or training)")
        }
        if request.type == .phasePlan && request.phase == nil {
            throw .refused("a phase plan needs --phase N")
        }
        let folderName = folder(for: request.type)
        guard plan.config.isInRoots(folderName) || resolvesIntoRoots(folderName, plan: plan, root: root) else {
            throw .refused("\(request.type.rawValue) documents go in \(folderName)/, which documents.roots in smsplan.yaml does not list (roots: \(plan.config.roots.joined(separator: ", "))), so check would never read it; add \(folderName) to documents.roots first")
        }
        let id = try nextID(for: request.type, in: plan, taken: request.taken)
        let heading = YAMLText.oneLine(request.title)
        var body = "# \(heading)\n"
        if let template {
            do {
                let text = try String(contentsOf: root.appendingPathComponent(template.path), encoding: .utf8)
                body = retitled(bodyOf: text, title: heading)
                // A record is final from the start: the template's instructions would stay in it for good.
                if request.type == .record { body = headings(of: body) }
            } catch {
                throw .unreadable(path: template.path, reason: error.localizedDescription)
            }
        }
        let text = frontMatter(request, id: id, owner: owner) + body
        let folder = plan.path(folderName)
        let slug = Self.slug(request.title)
        var path = folder.appendingPathComponent((slug.isEmpty ? id.lowercased() : slug) + ".md")
        if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) {
            path = folder.appendingPathComponent("\(slug)-\(id.lowercased()).md")
        }
        try AtomicFile.write(Data(text.utf8), to: root.appendingPathComponent(path), within: root)
        return (path, id)
    }

    /// True when the folder is a link (inside the working tree) to a documents root or a
    /// folder inside one: what is written there is read from the root.
    private static func resolvesIntoRoots(_ folder: String, plan: Plan, root: URL) -> Bool {
        let resolved = root.appendingPathComponent(plan.path(folder)).resolvingSymlinksInPath().path
        return plan.config.roots.contains { documentsRoot in
            let target = root.appendingPathComponent(plan.path(documentsRoot)).resolvingSymlinksInPath().path
            return resolved == target || resolved.hasPrefix(target + "/")
        }
    }

    /// The next id for the type: its prefix and one more than the highest number in use.
    /// Refuses when the highest is the largest number there is. `taken` are ids in use elsewhere.
    static func nextID(for type: DocumentType, in plan: Plan, taken: Set<String> = []) throws(SMSPlanError) -> String {
        let prefix = plan.config.idPrefixes[type] ?? "DOC"
        let numbers = (plan.corpus.documents.compactMap { $0.id?.value } + taken).compactMap { id -> Int? in
            guard id.hasPrefix(prefix + "-") else { return nil }
            let digits = id.dropFirst(prefix.count + 1)
            guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
        let highest = numbers.max() ?? 0
        guard highest < Int.max else {
            throw .refused("no number is left after \(prefix)-\(highest): give the new document an id by hand")
        }
        return "\(prefix)-" + String(highest + 1).leftPadded(to: 3)
    }

    private static func frontMatter(_ request: Request, id: String, owner: String) -> String {
        var lines = ["---", "id: \(YAMLText.scalar(id))", "title: \(YAMLText.quoted(request.title))", "type: \(request.type.rawValue)"]
        if request.type == .record {
            lines += ["status: final", "owner: \(YAMLText.scalar(owner))"]
            if let author = request.author { lines.append("author: \(YAMLText.scalar(author))") }
            lines += ["record-of: \(YAMLText.scalar(request.recordOf ?? ""))", "recorded-on: \(request.date)",
                      "retention: \(YAMLText.scalar(request.retention ?? "6 years"))", "classification: internal", "satisfies: []", "---", ""]
            return lines.joined(separator: "\n")
        }
        lines += ["version: \"0.1\"", "status: draft", "owner: \(YAMLText.scalar(owner))"]
        if let author = request.author { lines.append("author: \(YAMLText.scalar(author))") }
        lines += ["classification: internal", "satisfies: []"]
        if let phase = request.phase { lines.append("phase: \(phase)") }
        if request.type == .phasePlan { lines.append("activities: []") }
        if let source = request.source { lines.append("source: \(YAMLText.quoted(source))") }
        // Written as revise and approve write their entries: quoted only where YAML needs it.
        let author = request.author.map { ", author: \(YAMLText.scalar($0, inFlow: true))" } ?? ""
        lines += ["history:", "  - { version: \"0.1\", date: \(request.date)\(author), summary: First draft }", "---", ""]
        return lines.joined(separator: "\n")
    }

    /// The template's body with its first `# ` heading replaced by the new title.
    static func retitled(bodyOf text: String, title: String) -> String {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard lines.first?.trimmingSpaces() == "---",
            let close = lines.indices.dropFirst().first(where: { ["---", "..."].contains(lines[$0].trimmingSpaces()) })
        else { return "# \(title)\n" }
        var body = Array(lines[(close + 1)...].map(String.init))
        if let heading = body.firstIndex(where: { $0.hasPrefix("# ") }) {
            body[heading] = "# \(title)"
        } else {
            body.insert(contentsOf: ["# \(title)", ""], at: 0)
        }
        return body.joined(separator: "\n")
    }

    /// Only the headings of a body, each followed by an empty line: the sections to write.
    static func headings(of body: String) -> String {
        let headings = body.split(separator: "\n", omittingEmptySubsequences: false).filter { $0.hasPrefix("#") }
        return headings.map { "\($0)\n" }.joined(separator: "\n")
    }

    /// "Access policy" -> "access-policy".
    static func slug(_ title: String) -> String {
        var slug = ""
        for character in title.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return String(slug.prefix(60))
    }
}
