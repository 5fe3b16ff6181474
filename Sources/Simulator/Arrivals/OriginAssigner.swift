import ScenarioModel

/// Gives tasks without an origin one, by the scenario's origin rule.
///
/// `uniform` draws uniformly among the eligible nodes, `round-robin` takes
/// them in topology order, `label-weighted` draws in proportion to each
/// node's numeric label (binary search over cumulative weights). Draws use
/// stream 3 of the replay seed. The tasks of one job share the job's origin
/// while any of them is in flight, so a DAG stays on one origin.
struct OriginAssigner {
    private let table: OriginTable
    private let cumulativeWeights: [Double]
    private var generator: SeededGenerator
    private var turn = 0

    init(table: OriginTable, seed: UInt64) {
        self.table = table
        var total = 0.0
        cumulativeWeights = table.weights.map { weight in
            total += weight
            return total
        }
        generator = SeededGenerator(seed: seed, stream: 3)
    }

    var isEmpty: Bool { table.eligible.isEmpty }

    /// The next origin node; the table must not be empty.
    mutating func next() -> Int32 {
        let eligible = table.eligible
        switch table.rule {
        case .uniform:
            return eligible[Int.random(in: 0..<eligible.count, using: &generator)]
        case .roundRobin:
            let node = eligible[turn]
            turn = (turn + 1) % eligible.count
            return node
        case .labelWeighted:
            let target = generator.nextUnitInterval() * (cumulativeWeights.last ?? 0)
            var low = 0
            var high = cumulativeWeights.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
            }
            return eligible[low]
        }
    }
}
