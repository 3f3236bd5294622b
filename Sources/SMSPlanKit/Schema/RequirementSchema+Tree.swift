/// The parent links of a schema made a forest no deeper than `maximumDepth`: a parent chain
/// that comes back to itself, or goes deeper, is cut (and reported), so that every walk of
/// the tree ends, and none needs a deep stack.
extension RequirementSchema {
    /// The deepest a requirement may sit below its top-level clause.
    public static let maximumDepth = 32

    /// A parent link that was cut, and why.
    public struct ParentProblem: Sendable {
        public var id: String
        public var message: String
    }

    /// Cuts the parent links that form cycles or pass `maximumDepth`; returns what was cut.
    static func cutParents(of requirements: inout [Requirement]) -> [ParentProblem] {
        var index: [String: Int] = [:]
        for (position, requirement) in requirements.enumerated() where index[requirement.id] == nil { index[requirement.id] = position }
        var parent = requirements.map { $0.parent.flatMap { index[$0] } }
        var problems: [ParentProblem] = []
        func cut(_ position: Int, _ message: String) {
            parent[position] = nil
            requirements[position].parent = nil
            problems.append(ParentProblem(id: requirements[position].id, message: message))
        }
        // Cycles: walk each chain once, marking what is on the walk.
        var state = [UInt8](repeating: 0, count: requirements.count)
        for start in requirements.indices where state[start] == 0 {
            var path: [Int] = []
            var current: Int? = start
            while let position = current, state[position] == 0 {
                state[position] = 1
                path.append(position)
                current = parent[position]
            }
            if let position = current, state[position] == 1, let last = path.last, let first = path.firstIndex(of: position) {
                let cycle = path[first...].map { requirements[$0].id }
                let shown = cycle.count > 6 ? cycle.prefix(5) + ["..."] : cycle[...]
                cut(last, "requirement \"\(requirements[last].id)\" is its own ancestor (parents \(shown.joined(separator: " -> ")) -> \(requirements[position].id)); its parent is ignored")
            }
            for position in path { state[position] = 2 }
        }
        // Depth: from each chain's top down, without recursion.
        var depth = [Int?](repeating: nil, count: requirements.count)
        for start in requirements.indices where depth[start] == nil {
            var path: [Int] = []
            var current: Int? = start
            while let position = current, depth[position] == nil {
                path.append(position)
                current = parent[position]
            }
            var level = current.flatMap { depth[$0] } ?? -1
            for position in path.reversed() {
                level += 1
                if level > maximumDepth {
                    cut(position, "requirement \"\(requirements[position].id)\" sits more than \(maximumDepth) levels below its top-level clause; its parent is ignored")
                    level = 0
                }
                depth[position] = level
            }
        }
        return problems
    }
}
