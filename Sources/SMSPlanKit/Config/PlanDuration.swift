/// A period such as `12 months`, `6 years`, `30 days` or `2 weeks`.
public struct PlanDuration: Hashable, Sendable, CustomStringConvertible {
    public enum Unit: String, Sendable, CaseIterable {
        case days, weeks, months, years
    }

    public let count: Int
    public let unit: Unit

    public init(count: Int, unit: Unit) {
        self.count = count
        self.unit = unit
    }

    /// Parses "<count> <unit>", singular or plural ("1 year", "18 months").
    public init?(_ text: String) {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, let count = Int(parts[0]), count >= 0, count <= 10_000 else { return nil }
        let name = parts[1].hasSuffix("s") ? String(parts[1]) : parts[1] + "s"
        guard let unit = Unit(rawValue: name) else { return nil }
        self.init(count: count, unit: unit)
    }

    /// `date` moved forward by this period.
    public func after(_ date: PlanDate) -> PlanDate {
        switch unit {
        case .days: date.adding(days: count)
        case .weeks: date.adding(days: count * 7)
        case .months: date.adding(months: count)
        case .years: date.adding(months: count * 12)
        }
    }

    public var description: String { "\(count) \(count == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue)" }
}
