import Foundation

/// A static HTML dashboard of a plan: phase timeline and progress, the coverage heat map of
/// every clause, what comes due, the registers and the findings, in one folder
/// (`index.html` and its style sheet) that needs no network, no script and no server.
public struct Dashboard: Sendable {
    /// One file of the dashboard.
    public struct File: Sendable {
        public var name: String
        public var contents: String
    }

    /// The name of the style sheet beside `index.html`.
    public static let styleSheetName = "dashboard.css"

    var status: StatusReport
    var coverage: CoverageReport?
    var documents: DocumentRegister
    var records: RecordsRegister
    var diagnostics: [Diagnostic]
    var baselines: [BaselineTag]
    /// The title of each phase's plan (`type: phase-plan`), by phase.
    var phaseTitles: [Int: String]
    var schemaTitle: String?
    /// The state read, in words: "working tree", "index", "revision baseline/phase-1".
    var revision: String
    /// What made the page ("smsplan 0.1.0").
    var generator: String

    /// A dashboard of `plan`, with `result` the findings of checking it and `baselines` the
    /// phase baselines in its history.
    public init(plan: Plan, result: CheckResult, baselines: [BaselineTag], revision: String, generator: String = "smsplan") {
        status = StatusReport(plan: plan, result: result)
        coverage = CoverageReport(plan: plan)
        documents = DocumentRegister(plan: plan)
        records = RecordsRegister(plan: plan)
        diagnostics = result.diagnostics
        self.baselines = baselines
        var titles: [Int: String] = [:]
        for document in plan.corpus.documents where document.type?.value == .phasePlan && document.isActive {
            if let phase = document.phase?.value, let title = document.title?.value, titles[phase] == nil { titles[phase] = title }
        }
        phaseTitles = titles
        schemaTitle = plan.schema?.title
        self.revision = revision
        self.generator = generator
    }

    /// `index.html` and the style sheet it links to.
    public var files: [File] {
        [File(name: Self.styleSheetName, contents: DashboardStyle.css), File(name: "index.html", contents: page.text)]
    }

    /// Writes the dashboard's files into `folder`, making it when missing, each through a
    /// temporary file and a rename, so a browser never reads half a page. Refuses a
    /// `folder` that is a file. Returns the files written, `index.html` last.
    @discardableResult
    public func write(to folder: URL) throws(SMSPlanError) -> [URL] {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), !isFolder.boolValue {
            throw .refused("\(folder.path) is a file, not a folder; the dashboard needs a folder of its own (nothing was written)")
        }
        return try files.map { file throws(SMSPlanError) -> URL in
            let url = folder.appendingPathComponent(file.name)
            try AtomicFile.write(Data(file.contents.utf8), to: url, overwrite: true)
            return url
        }
    }
}
