/// The DAG encoded in an Alibaba 2018 `task_name`.
///
/// `M2_1` is task 2 depending on task 1; `R5_3_4` depends on 3 and 4; the
/// letters carry no meaning. Names starting with `task_` (`task_Nzg3...==`) or
/// without digits (`MergeTask`) are independent tasks. Known anomalies are
/// accepted and reported: a `_Stg<N>` suffix (`J10_7_9_Stg4`), empty tokens
/// from trailing or doubled underscores, repeated and self dependencies.
/// This is the grammar `^[A-Za-z]+\d+(_\d*)*(_Stg\d+)?$`.
enum Alibaba2018TaskName: Equatable {
    /// Not part of the DAG.
    case independent
    /// A DAG task: its number and the numbers it depends on (as written, in order).
    case dag(number: Int, dependencies: [Int], stageSuffix: Bool, emptyTokens: Int)
    /// Has digits but does not follow the grammar: treated as independent (and counted).
    case unparsed

    /// The parse of `name`, dependencies included (allocates: for tests and messages).
    static func parse(_ name: UnsafeRawBufferPointer) -> Alibaba2018TaskName {
        var dependencies: [Int] = []
        switch parse(name, dependencies: &dependencies) {
        case .independent: return .independent
        case .unparsed: return .unparsed
        case .dag(let number, let stageSuffix, let emptyTokens):
            return .dag(number: number, dependencies: dependencies, stageSuffix: stageSuffix, emptyTokens: emptyTokens)
        }
    }

    /// A parse whose dependencies go into a caller's buffer.
    enum Shape: Equatable {
        case independent
        case dag(number: Int, stageSuffix: Bool, emptyTokens: Int)
        case unparsed
    }

    /// Parses `name`, appending its dependency numbers to `dependencies` (in
    /// order, as written); on `.unparsed` nothing is appended.
    static func parse(_ name: UnsafeRawBufferPointer, dependencies: inout [Int]) -> Shape {
        if name.count >= 5 && name.starts(with: "task_".utf8) { return .independent }
        guard name.contains(where: isDigit) else { return .independent }
        var index = 0
        while index < name.count && isLetter(name[index]) { index += 1 }
        guard index > 0, let (number, afterNumber) = digits(name, from: index), afterNumber > index else {
            return .unparsed
        }
        index = afterNumber
        let first = dependencies.count
        var emptyTokens = 0
        while index < name.count {
            guard name[index] == UInt8(ascii: "_") else {
                dependencies.removeSubrange(first...)
                return .unparsed
            }
            index += 1
            if isStageSuffix(name, from: index) {
                return .dag(number: number, stageSuffix: true, emptyTokens: emptyTokens)
            }
            guard let (dependency, next) = digits(name, from: index) else {
                dependencies.removeSubrange(first...)
                return .unparsed
            }
            if next == index {
                emptyTokens += 1
            } else {
                dependencies.append(dependency)
            }
            index = next
        }
        return .dag(number: number, stageSuffix: false, emptyTokens: emptyTokens)
    }

    /// `Stg` followed by one or more digits up to the end.
    private static func isStageSuffix(_ name: UnsafeRawBufferPointer, from start: Int) -> Bool {
        guard name.count - start >= 4, name[start] == UInt8(ascii: "S"), name[start + 1] == UInt8(ascii: "t"),
            name[start + 2] == UInt8(ascii: "g")
        else { return false }
        return name[(start + 3)...].allSatisfy(isDigit)
    }

    /// The decimal number starting at `start` (0 digits gives value 0 and the
    /// same index); nil when it does not fit in an `Int`.
    private static func digits(_ name: UnsafeRawBufferPointer, from start: Int) -> (Int, Int)? {
        var value = 0
        var index = start
        while index < name.count && isDigit(name[index]) {
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.addingReportingOverflow(Int(name[index] - UInt8(ascii: "0")))
            guard !overflow1 && !overflow2 else { return nil }
            value = next
            index += 1
        }
        return (value, index)
    }

    @inline(__always)
    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    @inline(__always)
    private static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
}
