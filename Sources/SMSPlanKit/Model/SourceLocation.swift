/// A 1-based line and column in a file, counted from the top of the file
/// (front-matter lines included). Columns count Unicode scalars, as libyaml does.
///
/// Stored in 32 bits each: every value of a document carries one, and a plan holds tens of
/// thousands of documents. A line or column beyond 32 bits (never in a file smsplan reads,
/// whose size `documents.max-file-size` bounds) is kept as the largest 32-bit value.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    private var storedLine: Int32
    private var storedColumn: Int32

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Self.narrowed(newValue) }
    }

    public var column: Int {
        get { Int(storedColumn) }
        set { storedColumn = Self.narrowed(newValue) }
    }

    public init(line: Int, column: Int) {
        storedLine = Self.narrowed(line)
        storedColumn = Self.narrowed(column)
    }

    private static func narrowed(_ value: Int) -> Int32 {
        Int32(clamping: value)
    }

    private enum CodingKeys: String, CodingKey {
        case line, column
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(line: try container.decode(Int.self, forKey: .line), column: try container.decode(Int.self, forKey: .column))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
    }

    /// The start of a file: where findings about a whole file point.
    public static let fileStart = SourceLocation(line: 1, column: 1)

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A value together with the place in the file where it was written.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
