import Foundation
import ManuscriptModel

/// The order of the book's chapters, defined once: the book prints it, and the audit's book-order
/// pages and `selection.csv` list the entries in it.
///
/// Parts follow fields.xml; a field without a selected entry has no part. Inside a part,
/// book.xml's `<order by="…"/>` decides:
/// - `district` (the default): district in districts.xml order, then the printed title (the
///   edited one when there is an edit) in Vietnamese alphabetical order, then id (byte order);
/// - `rank`: the final round's rank, then id (byte order).
public enum BookOrder {
    /// One part's selected submissions, in chapter order.
    public struct Part: Hashable, Sendable {
        public var field: String
        public var submissions: [String]
    }

    /// The selected submissions grouped into parts, in chapter order. Submissions the manuscript
    /// does not have, or whose field fields.xml does not list, are left out (the book refuses them).
    public static func parts(manuscript: Manuscript, selection: BookSelection) -> [Part] {
        let submissions = Dictionary(manuscript.submissions.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let districtOrder = Dictionary(manuscript.districts.enumerated().map { ($1.code, $0) }, uniquingKeysWith: { a, _ in a })
        let order = manuscript.book?.entryOrder ?? .district
        var byField: [String: [(entry: BookSelection.Entry, district: Int, title: CollationKey)]] = [:]
        for chosen in selection.entries {
            guard let original = submissions[chosen.submission] else { continue }
            let title = (manuscript.edits[original.id] ?? original).title.nfc.plainText
            byField[original.field, default: []].append(
                (chosen, districtOrder[original.unit.district] ?? Int.max, CollationKey(title)))
        }
        return manuscript.fields.compactMap { field in
            guard let keyed = byField[field.code], !keyed.isEmpty else { return nil }
            let sorted: [BookSelection.Entry]
            switch order {
            case .rank:
                sorted = keyed.map(\.entry).sorted { a, b in
                    a.rank != b.rank ? a.rank < b.rank : a.submission.utf8.lexicographicallyPrecedes(b.submission.utf8)
                }
            case .district:
                sorted = keyed.sorted { a, b in
                    if a.district != b.district { return a.district < b.district }
                    if a.title != b.title { return a.title < b.title }
                    return a.entry.submission.utf8.lexicographicallyPrecedes(b.entry.submission.utf8)
                }.map(\.entry)
            }
            return Part(field: field.code, submissions: sorted.map(\.submission))
        }
    }

    /// Every selected submission in chapter order (chapter 1 first).
    public static func chapters(manuscript: Manuscript, selection: BookSelection) -> [String] {
        parts(manuscript: manuscript, selection: selection).flatMap(\.submissions)
    }

}
