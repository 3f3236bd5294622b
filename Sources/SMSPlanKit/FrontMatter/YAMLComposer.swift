internal import CYaml

/// Composes YAML text into positioned nodes, with limits that keep hostile input cheap.
///
/// One pass of libyaml's event parser builds the nodes and counts the limits on the way
/// (see ``YAMLLimits``); no intermediate node tree is built. Front matter in the plain layout
/// (``YAMLPlainLayout``) gives the same events without libyaml's scanner. Every scalar is text: smsplan
/// types values itself.
enum YAMLComposer {
    /// Why YAML text could not be composed, and where.
    struct Failure: Error {
        var location: SourceLocation
        var message: String
    }

    /// The most nodes a front matter may expand to (aliases included).
    static let maximumNodes = YAMLLimits.maximumNodes
    /// The deepest nesting accepted.
    static let maximumDepth = YAMLLimits.maximumDepth

    /// Composes `text`, whose first line is line `firstLine` of the file.
    /// Returns nil for an empty document.
    static func compose(_ text: String, firstLine: Int) throws(Failure) -> YAMLNode? {
        if text.isEmpty { return nil }
        var text = text
        let outcome: Result<YAMLNode?, Refusal> = text.withUTF8 { buffer in
            // The plain layout most front matter keeps is read without libyaml's scanner.
            if let events = YAMLPlainLayout.events(buffer) {
                var builder = YAMLNodeBuilder(firstLine: firstLine)
                if let limit = YAMLPlainLayout.feed(events, of: buffer, to: &builder) { return .failure(.limit(limit)) }
                return builder.finish()
            }
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { return .failure(.syntax(Problem(kind: .memory))) }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = YAMLNodeBuilder(firstLine: firstLine)
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return .failure(builder.refusal ?? .syntax(Problem(from: parser)))
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { return builder.finish() }
                if let limit = builder.take(event) { return .failure(.limit(limit)) }
            }
        }
        switch outcome {
        case .success(let root): return root
        case .failure(let refusal): throw failure(from: refusal, in: text, firstLine: firstLine)
        }
    }

    /// A 1-based line and column of the composed text, as libyaml reports them plus one.
    struct Mark: Equatable {
        var line: Int
        var column: Int
    }

    /// What stopped composition, before it is put in a user's words.
    enum Refusal: Error {
        /// A limit, already worded and placed.
        case limit(Failure)
        /// libyaml's problem, or a composition problem worded the same way.
        case syntax(Problem)
        /// Keys repeated in one mapping: their texts in order, and where the first of the
        /// first one is written.
        case duplicateKeys([String], first: Mark)
    }

    /// A problem as libyaml reports it: what, where, and the construct it was in.
    struct Problem {
        enum Kind { case reader, scanner, parser, composer, memory, none }
        var kind: Kind
        var problem = ""
        var mark = Mark(line: 1, column: 1)
        var context: (text: String, mark: Mark)?
    }
}

extension YAMLComposer.Problem {
    /// The error a failed `yaml_parser_parse` left in `parser`.
    init(from parser: yaml_parser_t) {
        func mark(_ mark: yaml_mark_t) -> YAMLComposer.Mark {
            YAMLComposer.Mark(line: Int(mark.line) + 1, column: Int(mark.column) + 1)
        }
        switch parser.error {
        case YAML_MEMORY_ERROR: kind = .memory
        case YAML_READER_ERROR: kind = .reader
        case YAML_SCANNER_ERROR: kind = .scanner
        case YAML_PARSER_ERROR: kind = .parser
        case YAML_COMPOSER_ERROR: kind = .composer
        default: kind = .none
        }
        problem = parser.problem.map { String(cString: $0) } ?? ""
        self.mark = mark(parser.problem_mark)
        if kind != .reader, let text = parser.context {
            context = (String(cString: text), mark(parser.context_mark))
        }
    }
}
