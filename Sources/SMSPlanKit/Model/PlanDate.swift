import Foundation

/// A calendar date as written in front matter (`2026-03-01`), with no time or zone.
public struct PlanDate: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Parses `YYYY-MM-DD`, refusing dates that do not exist (such as 2026-02-30).
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= PlanDate.days(inMonth: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The UTC calendar date of a point in time.
    public init(_ date: Date) {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        self = PlanDate.epoch.adding(days: days)
    }

    private init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static let epoch = PlanDate(unchecked: 1970, 1, 1)

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// This date moved by whole months; the day is clamped to the end of a shorter month.
    public func adding(months: Int) -> PlanDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        return PlanDate(unchecked: newYear, newMonth, min(day, PlanDate.days(inMonth: newMonth, year: newYear)))
    }

    /// This date moved by whole days (negative values go back).
    public func adding(days: Int) -> PlanDate {
        var date = self
        var remaining = days
        while remaining > 0 {
            let left = PlanDate.days(inMonth: date.month, year: date.year) - date.day
            if remaining <= left { return PlanDate(unchecked: date.year, date.month, date.day + remaining) }
            remaining -= left + 1
            date = date.month == 12 ? PlanDate(unchecked: date.year + 1, 1, 1) : PlanDate(unchecked: date.year, date.month + 1, 1)
        }
        while remaining < 0 {
            if -remaining < date.day { return PlanDate(unchecked: date.year, date.month, date.day + remaining) }
            remaining += date.day
            let previousMonth = date.month == 1 ? 12 : date.month - 1
            let previousYear = date.month == 1 ? date.year - 1 : date.year
            date = PlanDate(unchecked: previousYear, previousMonth, PlanDate.days(inMonth: previousMonth, year: previousYear))
        }
        return date
    }

    public static func < (lhs: PlanDate, rhs: PlanDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }
}
