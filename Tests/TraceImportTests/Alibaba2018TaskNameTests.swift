import Testing

@testable import TraceImport

@Suite("Alibaba 2018 task names")
struct Alibaba2018TaskNameTests {
    private func parse(_ name: String) -> Alibaba2018TaskName {
        var name = name
        return name.withUTF8 { Alibaba2018TaskName.parse(UnsafeRawBufferPointer($0)) }
    }

    /// The names and parses of `../shared/data/traces/alibaba-v2018-batch_task-quoted` (its oracle).
    static let documented: [(String, Int?, [Int])] = [
        ("M1", 1, []), ("M2_1", 2, [1]), ("M3_1", 3, [1]), ("R4_2", 4, [2]), ("M5_3_4", 5, [3, 4]),
        ("R6_3", 6, [3]), ("J10_7_9_Stg4", 10, [7, 9]),
        ("J30_4_5_6_8_9_10_12_13_14_16_17_18_19_21_22_24_25_", 30,
         [4, 5, 6, 8, 9, 10, 12, 13, 14, 16, 17, 18, 19, 21, 22, 24, 25]),
        ("M5_14_17_28_30_40_42_52_54_64_66_76_78_88_90_100_1", 5,
         [14, 17, 28, 30, 40, 42, 52, 54, 64, 66, 76, 78, 88, 90, 100, 1]),
        ("R1_5", 1, [5]), ("task_Nzg3ODAwNDgzMTAwNTc2NTQ2Mw==", nil, []),
        ("task_Nzg3ODAwNDgzMTAwODc2NTQ3MQ==", nil, []), ("MergeTask", nil, []),
    ]

    @Test("documented names parse as the oracle says", arguments: documented.indices)
    func documentedNames(index: Int) {
        let (name, number, dependencies) = Self.documented[index]
        switch parse(name) {
        case .dag(let parsedNumber, let parsedDependencies, _, _):
            #expect(parsedNumber == number)
            #expect(parsedDependencies == dependencies)
        case .independent:
            #expect(number == nil)
        case .unparsed:
            Issue.record("\(name) did not parse")
        }
    }

    @Test("anomalies are recognised: stage suffix, empty tokens, repeats kept for the caller")
    func anomalies() {
        #expect(parse("J10_7_9_Stg4") == .dag(number: 10, dependencies: [7, 9], stageSuffix: true, emptyTokens: 0))
        #expect(parse("R11_10_") == .dag(number: 11, dependencies: [10], stageSuffix: false, emptyTokens: 1))
        #expect(parse("M1__2") == .dag(number: 1, dependencies: [2], stageSuffix: false, emptyTokens: 1))
        #expect(parse("M12_12_11_11") == .dag(number: 12, dependencies: [12, 11, 11], stageSuffix: false, emptyTokens: 0))
        #expect(parse("M3_Stg2") == .dag(number: 3, dependencies: [], stageSuffix: true, emptyTokens: 0))
    }

    @Test("names that do not follow the grammar are flagged, never trapped on")
    func unparsed() {
        for name in ["M1_a", "1_2", "M1_Stg4_5", "M99999999999999999999999", "M1_2x", "_1", "M1 _2"] {
            #expect(parse(name) == .unparsed, "\(name)")
        }
        for name in ["task_", "task_abc123", "MergeTask", "", "Stg", "M"] {
            #expect(parse(name) == .independent, "\(name)")
        }
    }
}
