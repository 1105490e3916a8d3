import Glibc
import OrgModel

extension OrgDocumentBuilder {
    /// What the synthetic start tags of a part of a split file contributed (see ``init(file:diagnostics:syntheticElements:)``).
    struct SyntheticShare: Equatable {
        var units = 0
        var mandates = 0
        var nestedParentAttributes = 0
        var dutyIDHashes = 0
    }
}

/// Reading the attributes of the builder's empty elements, from bytes.
extension OrgDocumentBuilder {
    /// The leadership posts a `<leadership>` start tag gives.
    func leadership(_ tag: XMLStartTag) -> Leadership {
        var heads: Int??, deputies: Int??, vacantHeads: Int??, maxDeputies: Int??
        tag.forEachAttribute { attribute, value in
            if heads == nil, Self.named(attribute, "heads") {
                heads = .some(Self.count(value))
            } else if deputies == nil, Self.named(attribute, "deputies") {
                deputies = .some(Self.count(value))
            } else if vacantHeads == nil, Self.named(attribute, "vacantHeads") {
                vacantHeads = .some(Self.count(value))
            } else if maxDeputies == nil, Self.named(attribute, "maxDeputies") {
                maxDeputies = .some(Self.count(value))
            }
        }
        return Leadership(heads: heads ?? nil, deputies: deputies ?? nil, vacantHeads: vacantHeads ?? nil,
                          maxDeputies: maxDeputies ?? nil)
    }

    /// The staffing a `<staffing>` start tag gives; nil without a known category.
    func staffing(_ tag: XMLStartTag, location: @autoclosure () -> SourceLocation) -> Staffing? {
        var category: StaffCategory??, quota: Int??, actual: Int??
        tag.forEachAttribute { attribute, value in
            if category == nil, Self.named(attribute, "category") {
                category = .some(vocabulary.categories.match(value))
            } else if quota == nil, Self.named(attribute, "quota") {
                quota = .some(Self.count(value))
            } else if actual == nil, Self.named(attribute, "actual") {
                actual = .some(Self.count(value))
            }
        }
        guard let category = category ?? nil else { return nil }
        return Staffing(category: category, quota: quota ?? nil, actual: actual ?? nil, location: location())
    }

    /// Whether an attribute's local name (NUL-terminated) is `literal`.
    static func named(_ name: UnsafePointer<UInt8>, _ literal: StaticString) -> Bool {
        sameName(name, literal.utf8Start)
    }
}
