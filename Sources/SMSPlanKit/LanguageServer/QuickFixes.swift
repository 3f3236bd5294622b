import Foundation

/// The mechanical repairs the editor offers for a finding, each a new text of the buffer:
/// quote an unquoted version, add the missing history entry, raise the version of an
/// approved document whose content changed, insert a missing field or heading, and put the
/// nearest known clause or role in place of an unknown one. Front-matter edits go through
/// `FrontMatterEditor`, so every other byte of the front matter stays as written.
struct QuickFixes {
    /// One repair: what the editor shows, and the buffer's text after it.
    struct Fix {
        var title: String
        var text: String
        /// The one the editor may apply on its own (`isPreferred`).
        var preferred: Bool
    }

    let text: String
    /// The buffer's path relative to the repository (or the plan folder outside git).
    let path: String
    let plan: Plan?
    let today: PlanDate

    /// The repairs for one finding about the buffer.
    func fixes(for diagnostic: Diagnostic) -> [Fix] {
        switch diagnostic.rule.rawValue {
        case "field-invalid": return quoteVersion(diagnostic).map { [$0] } ?? []
        case "history-missing": return addHistoryEntry().map { [$0] } ?? []
        case "approved-content-changed":
            guard diagnostic.message.contains("without a new version") else { return [] }
            return newVersion().map { [$0] } ?? []
        case "field-missing": return insertField(diagnostic)
        case "heading-missing": return insertHeading(diagnostic).map { [$0] } ?? []
        case "requirement-unknown":
            guard let known = plan?.schema?.requirements.map(\.id) else { return [] }
            return replaceNearest(diagnostic, among: known, noun: "clause").map { [$0] } ?? []
        case "owner-unknown":
            guard let known = plan?.roles?.roles.map(\.id) else { return [] }
            return replaceNearest(diagnostic, among: known, noun: "role").map { [$0] } ?? []
        default: return []
        }
    }

    private var document: Document? { DocumentDecoder.decode(Data(text.utf8), path: path).document }

    /// Runs an edit of the front matter on the buffer's text; nil when the editor refuses.
    private func editing(_ edit: (inout FrontMatterEditor) throws(SMSPlanError) -> Void) -> String? {
        guard var editor = try? FrontMatterEditor(Data(text.utf8), path: path) else { return nil }
        do { try edit(&editor) } catch { return nil }
        let edited = String(decoding: editor.data, as: UTF8.self)
        return edited == text ? nil : edited
    }

    // MARK: field-invalid: an unquoted version

    /// `version: 1.10` becomes `version: "1.10"` (the value as written, so that YAML no
    /// longer reads it as a number); a history entry's version likewise, in place.
    private func quoteVersion(_ diagnostic: Diagnostic) -> Fix? {
        guard diagnostic.message.contains("is not quoted") else { return nil }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard diagnostic.line >= 1, diagnostic.line <= lines.count else { return nil }
        guard let span = ScalarSpan(line: lines[diagnostic.line - 1], column: diagnostic.column), !span.quoted else { return nil }
        let written = span.value
        let title = "Quote the version: \"\(written)\""
        if diagnostic.message.hasPrefix("\"version\""), let edited = editing({ editor throws(SMSPlanError) in
            try editor.set("version", to: YAMLText.quoted(written))
        }) {
            return Fix(title: title, text: edited, preferred: true)
        }
        return Fix(title: title, text: replacing(span, line: diagnostic.line, with: YAMLText.quoted(written)), preferred: true)
    }

    // MARK: history-missing and approved-content-changed

    private func historyEntry(_ version: DocumentVersion, _ document: Document, summary: String) -> [(key: String, value: YAMLValue)] {
        FrontMatterEditor.historyEntry(version: version, date: today, author: document.author?.value, summary: summary)
    }

    /// Appends the entry of the current version, dated today, in the style of the others.
    private func addHistoryEntry() -> Fix? {
        guard let document, let version = document.version?.value else { return nil }
        let summary = document.history.isEmpty ? "First draft" : "Version \(version)"
        guard let edited = editing({ editor throws(SMSPlanError) in
            try editor.appendHistoryEntry(historyEntry(version, document, summary: summary))
        }) else { return nil }
        return Fix(title: "Add the history entry of version \(version)", text: edited, preferred: true)
    }

    /// What `smsplan revise` does: the next version with its history entry, back in draft
    /// for approval, approved-by and approved-on removed.
    private func newVersion() -> Fix? {
        guard let document, let version = document.version?.value else { return nil }
        let next = version.next()
        guard !document.history.contains(where: { $0.version?.value == next }) else { return nil }
        guard let edited = editing({ editor throws(SMSPlanError) in
            try editor.revise(to: next, entry: historyEntry(next, document, summary: "Revised"))
        }) else { return nil }
        return Fix(title: "Raise the version to \(next) with a history entry, back to draft for approval", text: edited, preferred: true)
    }

    // MARK: field-missing and heading-missing

    /// The values a missing required field can take without a decision: the title from the
    /// first heading, the next free id of the type, draft, one action per role for owner.
    private func insertField(_ diagnostic: Diagnostic) -> [Fix] {
        guard let key = Self.quotedWord(in: diagnostic.message) else { return [] }
        let document = document
        var values: [String] = []
        switch key {
        case "title":
            let heading = document?.body.headings.first { $0.level == 1 }?.text
            values = [heading ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent]
        case "status": values = [DocumentStatus.draft.rawValue]
        case "version":
            values = [YAMLText.quoted((document?.history.last?.version?.value ?? DocumentVersion(major: 0, minor: 1)).description)]
        case "owner": values = plan?.roles?.roles.map(\.id) ?? []
        case "id": values = nextID(for: document).map { [$0] } ?? []
        case "recorded-on": values = [today.description]
        case "phase": values = ["1"]
        default: return []
        }
        return values.compactMap { value in
            let rendered = key == "title" ? YAMLText.scalar(value) : value
            guard let edited = editing({ editor throws(SMSPlanError) in try editor.set(key, to: rendered) }) else { return nil }
            return Fix(title: "Insert \(key): \(rendered)", text: edited, preferred: values.count == 1)
        }
    }

    /// The id after the highest one of the document's type in the plan (POL-015 after POL-014).
    private func nextID(for document: Document?) -> String? {
        guard let type = document?.type?.value, let plan, let prefix = plan.config.idPrefixes[type] else { return nil }
        let numbers = plan.corpus.documents.compactMap { other -> Int? in
            guard let id = other.id?.value, id.hasPrefix(prefix + "-") else { return nil }
            return Int(id.dropFirst(prefix.count + 1))
        }
        return "\(prefix)-" + String(format: "%03d", (numbers.max() ?? 0) + 1)
    }

    /// A missing `## Heading` goes before the next heading the template has after it (so
    /// the template's order holds), else at the end of the file.
    private func insertHeading(_ diagnostic: Diagnostic) -> Fix? {
        guard let heading = Self.quotedWord(in: diagnostic.message) else { return nil }
        let title = heading.hasPrefix("## ") ? String(heading.dropFirst(3)) : heading
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let present = document?.body.headings ?? []
        var at: Int?
        if let type = document?.type?.value,
            let template = plan?.corpus.documents.first(where: { $0.type?.value == .template && $0.templateFor?.value == type }) {
            let order = template.body.headings.filter { $0.level == 2 }.map { Self.normalized($0.text) }
            if let position = order.firstIndex(of: Self.normalized(title)) {
                let later = Set(order[(position + 1)...])
                at = present.first { $0.level == 2 && later.contains(Self.normalized($0.text)) }.map { $0.line - 1 }
            }
        }
        if let at, at < lines.count {
            lines.insert(contentsOf: ["## \(title)", ""], at: at)
        } else {
            while lines.last?.isEmpty == true { lines.removeLast() }
            lines += ["", "## \(title)", ""]
        }
        return Fix(title: "Insert the section \"## \(title)\"", text: lines.joined(separator: "\n"), preferred: true)
    }

    private static func normalized(_ heading: String) -> String {
        heading.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    // MARK: requirement-unknown and owner-unknown

    /// The known id nearest the unknown one (fewest letters to change), in its place.
    private func replaceNearest(_ diagnostic: Diagnostic, among known: [String], noun: String) -> Fix? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard diagnostic.line >= 1, diagnostic.line <= lines.count,
            let span = ScalarSpan(line: lines[diagnostic.line - 1], column: diagnostic.column), !span.value.isEmpty
        else { return nil }
        let unknown = span.value
        let scored = known.map { ($0, EditDistance.between(unknown, $0)) }
        guard let best = scored.min(by: { ($0.1, $0.0) < ($1.1, $1.0) }), best.1 <= max(2, unknown.count / 2) else { return nil }
        let replacement = span.quoted ? YAMLText.quoted(best.0) : YAMLText.scalar(best.0, inFlow: span.inFlow)
        return Fix(title: "Replace \"\(unknown)\" with the \(noun) \"\(best.0)\"",
                   text: replacing(span, line: diagnostic.line, with: replacement), preferred: true)
    }

    /// The first "quoted" word of a message.
    static func quotedWord(in message: String) -> String? {
        let parts = message.split(separator: "\"", omittingEmptySubsequences: false)
        return parts.count >= 3 ? String(parts[1]) : nil
    }

    /// The text with one scalar on line `line` (1-based) replaced.
    private func replacing(_ span: ScalarSpan, line: Int, with replacement: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var scalars = Array(lines[line - 1].unicodeScalars)
        scalars.replaceSubrange(span.range, with: replacement.unicodeScalars)
        lines[line - 1] = String(String.UnicodeScalarView(scalars))
        return lines.joined(separator: "\n")
    }
}

/// A YAML scalar written on one line at a finding's column: plain, or in quotes.
struct ScalarSpan {
    /// Scalar offsets in the line of the whole scalar, quotes included.
    var range: Range<Int>
    var value: String
    var quoted: Bool
    /// Inside brackets or braces, where `,` ends a plain scalar.
    var inFlow: Bool

    init?(line: Substring, column: Int) {
        let scalars = Array(line.unicodeScalars)
        var start = column - 1
        guard start >= 0, start < scalars.count else { return nil }
        inFlow = scalars[..<start].contains { "[{".unicodeScalars.contains($0) }
        if scalars[start] == "\"" || scalars[start] == "'" {
            let quote = scalars[start]
            guard let close = scalars[(start + 1)...].firstIndex(of: quote) else { return nil }
            range = start..<(close + 1)
            value = String(String.UnicodeScalarView(scalars[(start + 1)..<close]))
            quoted = true
            return
        }
        while start < scalars.count, scalars[start] == " " { start += 1 }
        var end = start
        let stops: Set<Unicode.Scalar> = inFlow ? [",", "]", "}", "#"] : ["#"]
        while end < scalars.count, !stops.contains(scalars[end]) { end += 1 }
        while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\r" { end -= 1 }
        range = start..<end
        value = String(String.UnicodeScalarView(scalars[start..<end]))
        quoted = false
    }
}

extension TextBuffer {
    /// The one edit that turns this text into `new`: the span between their common start
    /// and their common end, as an LSP range over this text and the new text for it.
    func edit(to new: String) -> (start: (line: Int, character: Int), end: (line: Int, character: Int), text: String) {
        let old = Array(text.utf16), updated = Array(new.utf16)
        var prefix = 0
        while prefix < old.count, prefix < updated.count, old[prefix] == updated[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < updated.count - prefix,
            old[old.count - 1 - suffix] == updated[updated.count - 1 - suffix] { suffix += 1 }
        // Never split a surrogate pair.
        while prefix > 0, UTF16.isLeadSurrogate(old[prefix - 1]) { prefix -= 1 }
        while suffix > 0, UTF16.isTrailSurrogate(old[old.count - suffix]) { suffix -= 1 }
        func position(_ offset: Int) -> (line: Int, character: Int) {
            var line = 0, lineStart = 0
            for index in 0..<offset where old[index] == 0x0A {
                line += 1
                lineStart = index + 1
            }
            return (line, offset - lineStart)
        }
        let replacement = String(decoding: updated[prefix..<(updated.count - suffix)], as: UTF16.self)
        return (position(prefix), position(old.count - suffix), replacement)
    }
}
