/// The order of records in an external sort: three unsigned words compared
/// lexicographically.
///
/// Arrivals use `SortKey(arrivalSeconds:group:rank:)`, whose first word
/// orders doubles exactly like `<` (negative values included), so a sort on
/// the key is a sort by arrival, then by group (job ordinal or submit
/// sequence), then by rank (topological position inside the job).
struct SortKey: Comparable, Hashable {
    var primary: UInt64
    var secondary: UInt64
    var tertiary: UInt64

    init(primary: UInt64, secondary: UInt64, tertiary: UInt64) {
        self.primary = primary
        self.secondary = secondary
        self.tertiary = tertiary
    }

    /// A key ordering by arrival time first.
    init(arrivalSeconds: Double, group: UInt64, rank: UInt64) {
        self.init(primary: Self.orderedBits(arrivalSeconds), secondary: group, tertiary: rank)
    }

    /// The arrival encoded in `primary` by `init(arrivalSeconds:group:rank:)`.
    var arrivalSeconds: Double {
        Self.double(fromOrderedBits: primary)
    }

    @inline(__always)
    static func < (left: SortKey, right: SortKey) -> Bool {
        if left.primary != right.primary { return left.primary < right.primary }
        if left.secondary != right.secondary { return left.secondary < right.secondary }
        return left.tertiary < right.tertiary
    }

    /// Maps a double to bits whose unsigned order is the double's order
    /// (-0.0 is folded into 0.0; NaN never reaches a key).
    @inline(__always)
    static func orderedBits(_ value: Double) -> UInt64 {
        let bits = (value == 0 ? 0.0 : value).bitPattern
        return bits & (1 << 63) != 0 ? ~bits : bits | (1 << 63)
    }

    /// The inverse of `orderedBits`.
    @inline(__always)
    static func double(fromOrderedBits bits: UInt64) -> Double {
        Double(bitPattern: bits & (1 << 63) != 0 ? bits & ~(1 << 63) : ~bits)
    }
}
