import ArgumentParser
import Foundation
import SMSPlanKit

/// `smsplan schema`: the requirement schema in use, or the front matter's JSON Schema.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the requirement schema in use, or a JSON Schema of document front matter.",
        discussion: """
            The schema is the one smsplan.yaml names in standard: (a bundled id such as \
            iso20000-1:2011 or iso20000-1:2018, or a schema file in the plan repository).
            --json-schema prints a JSON Schema (draft 2020-12) of the front matter, with the \
            requirement ids and role ids of this plan, for editors that validate YAML:
              smsplan schema --json-schema > .smsplan-front-matter.schema.json
            """
    )

    @OptionGroup var repository: RepositoryOptions
    @OptionGroup var source: SourceOptions

    @Option(help: "Output format: text, json, markdown.")
    var format: OutputFormat = .text

    @Flag(help: "Print the JSON Schema (draft 2020-12) of document front matter instead.")
    var jsonSchema = false

    func run() throws {
        let plan = try source.loadPlan(from: repository.directoryURL)
        if jsonSchema {
            print(FrontMatterJSONSchema.render(plan: plan), terminator: "")
            return
        }
        guard let schema = plan.schema else {
            FileHandle.standardError.write(Data("smsplan: error: no usable requirement schema; `smsplan check` says why\n".utf8))
            throw ExitCode(2)
        }
        print(SchemaReport(schema: schema).render(format), terminator: "")
    }
}
