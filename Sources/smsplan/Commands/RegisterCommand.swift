import ArgumentParser
import SMSPlanKit

extension RegisterFormat: ExpressibleByArgument {}

/// `smsplan register`: the master list of controlled documents, or the records register.
struct RegisterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "register",
        abstract: "Print the master list of controlled documents, or with --records the records register.",
        discussion: """
            The master list has every document but records, sorted by id: id, title, type, \
            version, status, owner, approver, approval date, next review (next-review, else \
            approved-on plus documents.review-interval), classification and path.
            The records register has every record: id, title, kind (record-of), recorded on, \
            retention, disposal due (recorded-on plus retention), whether it is past its retention \
            at the date of the revision read (and so marked for disposal), and its corrections.
            CSV follows RFC 4180 (a header row, CRLF line ends); versions are written v1.10, so \
            that no spreadsheet reads them as numbers. --bom starts it with a UTF-8 byte order \
            mark, which Excel needs to read accented letters right:
              smsplan register --format csv --bom > register.csv
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions

    @Flag(help: "Print the records register instead of the master list of documents.")
    var records = false

    @Option(help: "Output format: text, markdown, csv, json.")
    var format: RegisterFormat = .text

    @Flag(help: "Start the CSV with a UTF-8 byte order mark, for Excel.")
    var bom = false

    func validate() throws {
        if bom && format != .csv { throw ValidationError("--bom goes with --format csv") }
    }

    func run() throws {
        let plan = try source.loadPlan(from: repository.directoryURL)
        let output = records ? RecordsRegister(plan: plan).render(format) : DocumentRegister(plan: plan).render(format)
        print((bom ? "\u{FEFF}" : "") + output, terminator: "")
    }
}
