/// An area a submitting unit can belong to (districts.xml). Order is the book's order.
public struct District: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
    /// The code meaning "province level": never a source of district conflicts.
    public static let provinceCode = "province"
}

/// A field (lĩnh vực): one part of the book (fields.xml). Order is the book's order.
public struct Field: Hashable, Sendable, Codable {
    public var code: String
    public var name: String
    public init(code: String, name: String) {
        self.code = code
        self.name = name
    }
}

public struct Criterion: Hashable, Sendable, Codable {
    public var key: String
    /// Relative weight, > 0.
    public var weight: Double
    public var label: String
    public init(key: String, weight: Double, label: String) {
        self.key = key
        self.weight = weight
        self.label = label
    }
}

/// Scoring criteria and their weights; every score lies in [min, max].
public struct Rubric: Hashable, Sendable, Codable {
    public var min: Double
    public var max: Double
    public var criteria: [Criterion]
    public init(min: Double, max: Double, criteria: [Criterion]) {
        self.min = min
        self.max = max
        self.criteria = criteria
    }
}

public struct Reviewer: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    /// A code of districts.xml.
    public var district: String
    /// The reviewer's work unit, for conflicts of interest.
    public var unit: String
    public var name: String
    public init(id: String, district: String, unit: String, name: String) {
        self.id = id
        self.district = district
        self.unit = unit
        self.name = name
    }
}
