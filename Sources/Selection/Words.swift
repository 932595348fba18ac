import ManuscriptModel
import Messages

/// The words of the selection, from the message catalogue: the names of the format's keywords, a
/// quota's label and bounds, and numbers the language's way.
extension Aggregate {
    /// `trung bình sau chuẩn hoá (zscore)` / `zscore`.
    public var message: Message {
        switch self {
        case .mean: SelectText.aggregateMean.message
        case .median: SelectText.aggregateMedian.message
        case .trimmedMean: SelectText.aggregateTrimmedMean.message
        case .zscore: SelectText.aggregateZscore.message
        }
    }

    /// The term a reader needs explained, if any.
    var plainWords: SelectText? {
        switch self {
        case .mean: nil
        case .median: .plainMedian
        case .trimmedMean: .plainTrimmedMean
        case .zscore: .plainZscore
        }
    }
}

extension Eligibility {
    /// A rule's name as `@rule` writes it, with its meaning in Vietnamese: `có xác nhận của cấp có
    /// thẩm quyền (has-endorsement)` / `has-endorsement`. A name the program does not know stays as it is.
    static func ruleWords(_ name: String) -> String {
        let key: SelectText? = switch name {
        case "period-within": .ruleNamePeriodWithin
        case "period-overlaps": .ruleNamePeriodOverlaps
        case "has-endorsement": .ruleNameHasEndorsement
        case "min-results": .ruleNameMinResults
        case "min-body-words": .ruleNameMinBodyWords
        default: nil
        }
        return key?.text ?? name
    }

    /// Several rule names in words, in the order given.
    static func ruleWords(_ names: [String]) -> String { names.map { ruleWords($0) }.joined(separator: ", ") }
}

extension QuotaDimension {
    /// `lĩnh vực` / `field`.
    public var message: Message {
        switch self {
        case .field: SelectText.dimensionField.message
        case .district: SelectText.dimensionDistrict.message
        case .kind: SelectText.dimensionKind.message
        case .unit: SelectText.dimensionUnit.message
        }
    }
}

extension SubmissionKind {
    /// `mô hình` / `model`.
    public var message: Message {
        switch self {
        case .model: SelectText.kindModel.message
        case .example: SelectText.kindExample.message
        }
    }
}

extension RoundType {
    /// `sơ loại` / `screen`.
    public var message: Message {
        switch self {
        case .screen: SelectText.typeScreen.message
        case .rank: SelectText.typeRank.message
        case .optimize: SelectText.typeOptimize.message
        }
    }
}

extension ExpandedQuota {
    /// `lĩnh vực economy` / `field economy`, `đơn vị “Đội A”` / `unit "Đội A"`.
    public var labelMessage: Message {
        dimension == .unit
            ? SelectText.quotaLabelUnit.with(["value": .text(value)])
            : SelectText.quotaLabel.with(["dimension": .message(dimension.message), "value": .text(value)])
    }

    /// `tối thiểu 6, tối đa 20` / `at least 6, at most 20`.
    public var boundsMessage: Message {
        switch (min, max) {
        case let (mn?, mx?): SelectText.boundsBoth.with(["min": .integer(mn), "max": .integer(mx)])
        case let (mn?, nil): SelectText.boundsMin.with(["min": .integer(mn)])
        case let (nil, mx?): SelectText.boundsMax.with(["max": .integer(mx)])
        case (nil, nil): .verbatim("")
        }
    }

    /// `lĩnh vực economy: tối thiểu 3` / `field economy: at least 3`.
    var labelAndBounds: Message {
        SelectText.quotaWithBounds.with(["quota": .message(labelMessage), "bounds": .message(boundsMessage)])
    }
}

extension MessageValue {
    /// A score or a statistic in prose: three decimals (`7,250` / `7.250`), `—` when there is none.
    static func score(_ x: Double?) -> MessageValue {
        x.map { .decimal($0, places: 3) } ?? .text("—")
    }

    /// A value as short as it can be written (`10`, `7,5` / `7.5`): criterion scores, equal totals.
    static func short(_ x: Double) -> MessageValue {
        var places = 0
        while places < 6, (x * pow10(places)).rounded() != x * pow10(places) { places += 1 }
        return .decimal(x, places: places)
    }

    private static func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { p, _ in p * 10 } }

    static func day(_ d: CalendarDate) -> MessageValue { .date(year: d.year, month: d.month, day: d.day) }

    /// A month: `6/2024` in Vietnamese, `2024-06` in English (as selection.xml writes it).
    static func month(_ m: YearMonth) -> MessageValue {
        .message(Message(code: "select.month", vietnamese: "\(m.month)/\(m.year)", english: m.description))
    }

    static func message(_ key: SelectText) -> MessageValue { .message(key.message) }
}

/// Prose lines of a report, in the current language, with each statistical term explained in
/// plain words the first time it is used.
struct ReportLines {
    var lines: [String] = []
    private var explained: Set<SelectText> = []

    mutating func add(_ key: SelectText, _ arguments: [String: MessageValue] = [:]) {
        lines.append(key.text(arguments))
    }

    mutating func add(_ line: String) { lines.append(line) }

    mutating func add(contentsOf more: [String]) { lines += more }

    /// The term's explanation as a line of its own, once per report.
    mutating func explain(_ term: SelectText?, indent: String = "  ") {
        guard let term, !explained.contains(term) else { return }
        explained.insert(term)
        lines.append(indent + "(" + term.text + ")")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }
}
