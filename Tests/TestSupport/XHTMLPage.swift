import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A page written as XHTML-compatible HTML5, parsed as XML: parsing fails on markup that is
/// not well-formed. Elements are found by local name, whatever their namespace (XHTML, SVG).
public struct XHTMLPage {
    public let document: XMLDocument

    public init(data: Data) throws {
        document = try XMLDocument(data: data, options: [])
    }

    public init(contentsOf url: URL) throws {
        try self.init(data: try Data(contentsOf: url))
    }

    /// Every element named `name` (`tr`, `a`, `svg`), in document order, optionally only
    /// those carrying `attribute`.
    public func elements(_ name: String, having attribute: String? = nil) throws -> [XMLElement] {
        let condition = attribute.map { "[@\($0)]" } ?? ""
        return try document.nodes(forXPath: "//*[local-name()='\(name)']\(condition)").compactMap { $0 as? XMLElement }
    }

    /// The value of every attribute named `name`, on any element.
    public func attributeValues(_ name: String) throws -> [String] {
        try document.nodes(forXPath: "//@\(name)").compactMap(\.stringValue)
    }

    /// The element whose `id` is `id`.
    public func element(id: String) throws -> XMLElement? {
        try document.nodes(forXPath: "//*[@id='\(id)']").first as? XMLElement
    }
}

extension XMLElement {
    /// The value of an attribute, or nil.
    public func value(of attribute: String) -> String? {
        attributes?.first { $0.name == attribute || $0.localName == attribute }?.stringValue
    }

    /// The text inside the element, its text nodes joined with spaces and runs of white
    /// space made one space (so table cells read "a b", not "ab").
    public var text: String {
        func texts(_ node: XMLNode) -> [String] {
            node.kind == .text ? [node.stringValue ?? ""] : (node.children ?? []).flatMap(texts)
        }
        return texts(self).joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
