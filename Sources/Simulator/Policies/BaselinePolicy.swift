import ScenarioModel

/// The baseline policies of edgesim, as defined in issue 6.
///
/// - `local`: always the agent's own node (the first slot when local is not
///   a candidate); never offloads.
/// - `random`: a uniform draw over the real candidates (never the padding),
///   from stream 5 of the replay seed.
/// - `round-robin`: each agent cycles through its candidates in slot order.
/// - `least-queue`: the candidate with the fewest waiting plus inbound tasks,
///   over real candidates only (PeersimGym's argmin runs over the -1
///   padding); ties go to more free cores, then the lower slot.
/// - `earliest-finish`: the smallest estimated completion time (transfer
///   with current link reservations + fluid wait + execution); ties go to the
///   lower slot.
/// - `cloud`: the nearest cloud candidate (local when there is none).
public struct BaselinePolicy: Policy, Sendable {
    /// Which baseline.
    public enum Kind: String, CaseIterable, Sendable {
        case local
        case random
        case roundRobin = "round-robin"
        case leastQueue = "least-queue"
        case earliestFinish = "earliest-finish"
        case cloud
    }

    /// The baseline.
    public let kind: Kind
    private var generator = SeededGenerator(seed: 0, stream: 5)
    private var turns: [Int] = []

    /// Creates a baseline policy.
    public init(_ kind: Kind) {
        self.kind = kind
    }

    /// The baseline named `name`.
    ///
    /// - Throws: `ReplayError.unknownPolicy` listing the known names.
    public init(named name: String) throws(ReplayError) {
        guard let kind = Kind(rawValue: name) else {
            throw .unknownPolicy(name, known: Kind.allCases.map(\.rawValue))
        }
        self.init(kind)
    }

    public var name: String { kind.rawValue }

    public mutating func reset(seed: UInt64, agentCount: Int) {
        generator = SeededGenerator(seed: seed, stream: 5)
        turns = Array(repeating: 0, count: agentCount)
    }

    public mutating func decide(_ view: DecisionView) -> Int {
        let count = view.candidateCount
        guard count > 1 else { return 0 }
        switch kind {
        case .local:
            return view.localSlot ?? 0
        case .cloud:
            return view.cloudSlot ?? view.localSlot ?? 0
        case .random:
            return Int.random(in: 0..<count, using: &generator)
        case .roundRobin:
            if view.agent >= turns.count { turns += Array(repeating: 0, count: view.agent - turns.count + 1) }
            let slot = turns[view.agent] % count
            turns[view.agent] = slot + 1
            return slot
        case .leastQueue:
            var best = 0
            var bestQueue = view.queueLength(0)
            var bestFree = view.freeCores(0)
            for slot in 1..<count {
                let queue = view.queueLength(slot)
                if queue > bestQueue { continue }
                let free = view.freeCores(slot)
                if queue < bestQueue || free > bestFree {
                    best = slot
                    bestQueue = queue
                    bestFree = free
                }
            }
            return best
        case .earliestFinish:
            var best = 0
            var bestTime = view.completionEstimateSeconds(0)
            for slot in 1..<count {
                let time = view.completionEstimateSeconds(slot)
                if time < bestTime {
                    best = slot
                    bestTime = time
                }
            }
            return best
        }
    }
}
