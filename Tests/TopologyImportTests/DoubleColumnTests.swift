import Testing
@testable import TopologyImport

@Suite("Double column")
struct DoubleColumnTests {
    @Test("a constant column reads back, spreads on the first other value and on a write")
    func constantThenSpread() {
        var column = DoubleColumn()
        for _ in 0..<5 { column.append(1000) }
        #expect(column.count == 5 && column.constantValue == 1000)
        column.append(2.5)
        #expect(column.constantValue == nil)
        #expect((0..<6).map { column[$0] } == [1000, 1000, 1000, 1000, 1000, 2.5])
        var written = DoubleColumn()
        for _ in 0..<3 { written.append(7) }
        written[1] = 8
        #expect((0..<3).map { written[$0] } == [7, 8, 7])
    }

    @Test("appending columns keeps a shared constant, else every value")
    func appendingColumns() {
        var first = DoubleColumn()
        var second = DoubleColumn()
        for _ in 0..<3 { first.append(1) }
        for _ in 0..<2 { second.append(1) }
        var joined = first
        joined.append(contentsOf: second)
        #expect(joined.count == 5 && joined.constantValue == 1)
        var third = DoubleColumn()
        third.append(4)
        third.append(5)
        joined.append(contentsOf: third)
        #expect((0..<7).map { joined[$0] } == [1, 1, 1, 1, 1, 4, 5])
        // Zero and negative zero differ by bits: the column keeps both.
        var zeros = DoubleColumn()
        zeros.append(0)
        zeros.append(-0.0)
        #expect(zeros.constantValue == nil && zeros[1].sign == .minus)
    }
}
