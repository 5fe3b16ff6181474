/// A column of doubles that costs nothing per element while every element
/// holds the same value (a defaulted link bandwidth, say): it keeps one value
/// and a count until a second value arrives, then an array.
struct DoubleColumn {
    private var values: [Double] = []
    private var constant = 0.0
    private var constantCount = 0
    /// The capacity asked for, applied when the values spread into an array.
    private var reservedCapacity = 0

    init() {}

    var count: Int { values.isEmpty ? constantCount : values.count }

    /// The value of every element, when all are the same one (by bits).
    var constantValue: Double? { values.isEmpty && constantCount > 0 ? constant : nil }

    mutating func reserveCapacity(_ capacity: Int) {
        reservedCapacity = max(reservedCapacity, capacity)
        if !values.isEmpty { values.reserveCapacity(capacity) }
    }

    @inline(__always)
    mutating func append(_ value: Double) {
        if values.isEmpty && (constantCount == 0 || constant.bitPattern == value.bitPattern) {
            constant = value
            constantCount += 1
        } else {
            spreadIfConstant()
            values.append(value)
        }
    }

    /// Appends every value of `other`.
    mutating func append(contentsOf other: DoubleColumn) {
        if other.values.isEmpty {
            guard other.constantCount > 0 else { return }
            if values.isEmpty && (constantCount == 0 || constant.bitPattern == other.constant.bitPattern) {
                constant = other.constant
                constantCount += other.constantCount
                return
            }
            spreadIfConstant()
            values.append(contentsOf: repeatElement(other.constant, count: other.constantCount))
        } else {
            spreadIfConstant()
            values.append(contentsOf: other.values)
        }
    }

    subscript(index: Int) -> Double {
        @inline(__always) get {
            guard values.isEmpty else { return values[index] }
            precondition(index >= 0 && index < constantCount, "index out of range")
            return constant
        }
        set {
            spreadIfConstant()
            values[index] = newValue
        }
    }

    /// Replaces the single value by an array (before a different value is stored).
    private mutating func spreadIfConstant() {
        guard values.isEmpty, constantCount > 0 else { return }
        values.reserveCapacity(max(reservedCapacity, constantCount))
        values.append(contentsOf: repeatElement(constant, count: constantCount))
        constantCount = 0
    }
}
