import OrgAnalysis
import OrgModel

/// The names of evidence figures in each report language, so that a Vietnamese report shows no English
/// key. JSON keeps the keys themselves (they are the machine interface).
enum EvidenceNames {
    static let names: [String: LocalizedText] = [
        "actual": LocalizedText(vi: "có mặt", en: "in post"),
        "allowed": LocalizedText(vi: "được phép", en: "allowed"),
        "allowedTotal": LocalizedText(vi: "tổng được phép", en: "allowed in total"),
        "average": LocalizedText(vi: "bình quân", en: "average"),
        "basis": LocalizedText(vi: "căn cứ", en: "basis"),
        "category": LocalizedText(vi: "loại biên chế", en: "category"),
        "deadline": LocalizedText(vi: "thời hạn", en: "deadline"),
        "departmentIds": LocalizedText(vi: "các sở", en: "departments"),
        "departments": LocalizedText(vi: "số sở", en: "departments"),
        "departmentsAboveAverage": LocalizedText(vi: "sở trên mức bình quân", en: "departments above the average"),
        "deputies": LocalizedText(vi: "cấp phó", en: "deputies"),
        "dutiesOfSmaller": LocalizedText(vi: "nhiệm vụ của đơn vị nhỏ hơn", en: "duties of the smaller unit"),
        "excess": LocalizedText(vi: "vượt", en: "excess"),
        "functions": LocalizedText(vi: "chức năng", en: "functions"),
        "heads": LocalizedText(vi: "người đứng đầu", en: "heads"),
        "inferred": LocalizedText(vi: "suy luận", en: "inferred"),
        "inferredDuties": LocalizedText(vi: "nhiệm vụ suy luận", en: "inferred duties"),
        "inferredOnly": LocalizedText(vi: "chỉ dựa trên suy luận", en: "inferred only"),
        "jurisdiction": LocalizedText(vi: "địa bàn", en: "jurisdiction"),
        "jurisdictionsDue": LocalizedText(vi: "số địa bàn phải thực hiện", en: "jurisdictions due"),
        "jurisdictionsMissing": LocalizedText(vi: "số địa bàn bỏ sót", en: "jurisdictions missing"),
        "leadUnits": LocalizedText(vi: "đơn vị chủ trì", en: "lead units"),
        "leads": LocalizedText(vi: "số đơn vị chủ trì", en: "leads"),
        "mandateLevel": LocalizedText(vi: "cấp của nhiệm vụ", en: "mandate level"),
        "mandateSource": LocalizedText(vi: "nguồn nhiệm vụ", en: "mandate source"),
        "mandateText": LocalizedText(vi: "nội dung nhiệm vụ", en: "mandate text"),
        "maximum": LocalizedText(vi: "tối đa", en: "maximum"),
        "minSimilarity": LocalizedText(vi: "độ tương đồng thấp nhất", en: "lowest similarity"),
        "minimum": LocalizedText(vi: "tối thiểu", en: "minimum"),
        "pairs": LocalizedText(vi: "các cặp", en: "pairs"),
        "posts": LocalizedText(vi: "biên chế", en: "posts"),
        "powers": LocalizedText(vi: "quyền hạn", en: "powers"),
        "provinceCategory": LocalizedText(vi: "loại tỉnh", en: "province category"),
        "quota": LocalizedText(vi: "biên chế giao", en: "quota"),
        "ratio": LocalizedText(vi: "tỉ lệ", en: "ratio"),
        "recorded": LocalizedText(vi: "có ghi nhận", en: "recorded"),
        "reorganized": LocalizedText(vi: "ngày sắp xếp", en: "reorganised"),
        "shared": LocalizedText(vi: "số nhiệm vụ trùng", en: "shared"),
        "sharedPairs": LocalizedText(vi: "các cặp trùng", en: "shared pairs"),
        "similarity": LocalizedText(vi: "độ tương đồng", en: "similarity"),
        "subUnits": LocalizedText(vi: "đơn vị trực thuộc", en: "sub-units"),
        "subUnitsTotal": LocalizedText(vi: "tổng của đơn vị trực thuộc", en: "sub-units' total"),
        "supporters": LocalizedText(vi: "số đơn vị phối hợp", en: "supporters"),
        "texts": LocalizedText(vi: "nội dung", en: "texts"),
        "unitKind": LocalizedText(vi: "loại đơn vị", en: "unit kind"),
        "unitLevels": LocalizedText(vi: "cấp của đơn vị", en: "unit levels"),
        "weakInferredMatches": LocalizedText(vi: "khớp yếu qua suy luận", en: "weak inferred matches"),
    ]

    /// The name of `key` in `language` (the key itself when unknown).
    static func name(_ key: String, _ language: Language) -> String { names[key]?.text(language) ?? key }

    /// A value in `language`: yes/no for flags, decimal comma in Vietnamese.
    static func value(_ value: EvidenceValue, _ language: Language) -> String {
        switch value {
        case .bool(let flag): language == .vi ? (flag ? "có" : "không") : (flag ? "yes" : "no")
        case .number(let number):
            JSONValue.localized(JSONValue.format(number), vi: language == .vi)
        default: TextReporter.describe(value)
        }
    }

    /// `name = value` pairs, sorted by key, in `language`.
    static func list(_ evidence: [String: EvidenceValue], _ language: Language, separator: String) -> String {
        evidence.sorted { $0.key < $1.key }.map { "\(name($0.key, language)) = \(value($0.value, language))" }
            .joined(separator: separator)
    }
}
