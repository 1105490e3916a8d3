/// The clauses of one article as a tree: clauses (khoản), their points (điểm), and the "-"/"+" items
/// under either. A node with children only introduces them; the leaves are the duties or the units.
struct ItemTree {
    final class Node {
        enum Label {
            case clause(Int)
            case point(String)
            case item(Character)
        }

        let label: Label
        let text: String
        let position: Int
        let cells: [String]?
        var children: [Node] = []

        init(label: Label, text: String, position: Int, cells: [String]? = nil) {
            self.label = label
            self.text = text
            self.position = position
            self.cells = cells
        }

        /// Every node below, in order.
        func descendants() -> [Node] { children.flatMap { [$0] + $0.descendants() } }
    }

    private(set) var roots: [Node] = []
    /// Paragraphs that fit nowhere, with why.
    private(set) var unused: [(position: Int, reason: String)] = []

    mutating func add(_ line: DecisionLine, paragraph: DecisionParagraph) {
        let position = paragraph.position
        switch line {
        case .clause(let number, let text):
            roots.append(Node(label: .clause(number), text: text, position: position))
        case .point(let letter, let text):
            let node = Node(label: .point(letter), text: text, position: position)
            if let clause = roots.last, case .clause = clause.label { clause.children.append(node) } else { roots.append(node) }
        case .item(let mark, let text):
            let node = Node(label: .item(mark), text: text, position: position)
            guard let container = roots.last else { roots.append(node); return }
            var parent = container
            if case .clause = container.label, let point = container.children.last, case .point = point.label { parent = point }
            if mark == "+", let dash = parent.children.last, case .item("-") = dash.label { parent = dash }
            parent.children.append(node)
        case .plain(let text):
            if let cells = paragraph.cells, let container = roots.last {
                container.children.append(Node(label: .item("-"), text: text, position: position, cells: cells))
            } else if paragraph.cells != nil {
                roots.append(Node(label: .item("-"), text: text, position: position, cells: paragraph.cells))
            } else {
                unused.append((position, "a paragraph without a clause or point number inside the article, not taken: "
                    + "“\(DecisionParser.clip(text))”"))
            }
        case .article, .chapter:
            break
        }
    }

    /// Every node, depth first.
    func all() -> [Node] { roots.flatMap { [$0] + $0.descendants() } }

    /// The leaves with their provision, smallest part first ("điểm b khoản 5", "gạch đầu dòng thứ nhất
    /// điểm a khoản 2"), without the article.
    func leaves() -> [(text: String, provision: String, position: Int)] {
        var out: [(String, String, Int)] = []
        // Items are numbered among the items of their mark, clauses and points by their own label.
        func walk(_ nodes: [Node], suffix: String) {
            var counts: [Character: Int] = [:]
            for node in nodes {
                let own: String
                switch node.label {
                case .clause(let number): own = "khoản \(number)"
                case .point(let letter): own = "điểm \(letter)"
                case .item(let mark):
                    counts[mark, default: 0] += 1
                    own = "gạch đầu dòng " + Self.ordinal(counts[mark] ?? 1)  // "+" items are cited as "-" items are
                }
                let provision = suffix.isEmpty ? own : own + " " + suffix
                if node.children.isEmpty {
                    out.append((node.text, provision, node.position))
                } else {
                    walk(node.children, suffix: provision)
                }
            }
        }
        walk(roots, suffix: "")
        return out
    }

    /// "thứ nhất", "thứ hai", … "thứ mười", then "thứ 11".
    static func ordinal(_ value: Int) -> String {
        let words = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"]
        return "thứ " + (value >= 1 && value <= words.count ? words[value - 1] : String(value))
    }
}
