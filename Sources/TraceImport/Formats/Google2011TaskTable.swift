/// The tasks of a Google 2011 import: open ones (submitted, not complete) with
/// their state, and which ones completed.
///
/// Google task indices are dense positions inside a job, so the table has two
/// levels: a small hash table of jobs (the last job is cached, as consecutive
/// rows usually belong to one job), and per job an array indexed by task index
/// that points to the task's state, plus a bitset of completed tasks (1 bit
/// per task). A job's tasks are therefore adjacent in memory, and a completed
/// task costs one bit. States live in chunks of 4096 with a free list, so
/// completing a task frees its state for the next one. All storage is manually
/// managed: no exclusivity, bounds or uniqueness checks on the per-row path.
///
/// A job's dense arrays grow only to a few times its number of tasks (at least
/// 65,536 indices): a hostile or corrupt row with task index 60,000,000 must not
/// cost 250 MB. Indices past that go to a per-job dictionary (`SparseTasks`);
/// every sparse index is at or past the job's dense capacity, and growing the
/// arrays moves the entries they now cover, so a task lives in one place.
final class Google2011TaskTable {
    struct State {
        var job: Int64
        var index: Int64
        var arrivalMicros: Int64
        var submitSequence: UInt64
        /// Start of the running attempt, or -1.
        var scheduleMicros: Int64
        var cpuRequest: Double
        var memoryRequest: Double
        /// Fingerprint of the user or machine, per `--origin-key`.
        var originKey: UInt64
        /// The last event that ended an attempt without completing the task (2, 3, 4, 5, 6), or 0.
        var lastEnd: UInt8
        var hasRequest: Bool
    }

    struct Job {
        var id: Int64
        /// Per task index: the state index + 1, or 0 when the task is not open.
        var states: UnsafeMutablePointer<Int32>?
        /// Completed tasks, one bit per task index.
        var finished: UnsafeMutablePointer<UInt64>?
        /// Task indices covered by `states` and `finished`.
        var capacity: Int
        var open: Int
        /// Distinct tasks opened in this job (what the dense arrays may grow to a multiple of).
        var tasks: Int
    }

    /// A job's tasks past its dense capacity: state index + 1 per open task, and the completed ones.
    final class SparseTasks {
        var states: [Int32: Int32] = [:]
        var finished: Set<Int32> = []
        var isEmpty: Bool { states.isEmpty && finished.isEmpty }
    }

    /// Dense arrays cover at least this many indices, and at most `denseSpread` times the job's tasks beyond it.
    static let minimumDenseCapacity = 1 << 16
    static let denseSpread = 8

    /// Task indices must be below this (they are dense positions in a job).
    static let maximumTaskIndex: Int64 = 1 << 26

    private var jobs: UnsafeMutablePointer<Job>
    private var jobCapacity = 1024
    /// The number of distinct jobs seen.
    private(set) var jobCount = 0
    /// Job hash slots: job number + 1, or 0 when empty.
    private var jobSlots: UnsafeMutablePointer<Int32>
    private var jobSlotCount = 4096
    private var lastJobId: Int64 = 0
    private var lastJob = -1

    static let chunkShift = 12
    static let chunkSize = 1 << chunkShift
    private var chunks: UnsafeMutablePointer<UnsafeMutablePointer<State>>
    private var chunkCapacity = 16
    private var chunkCount = 0
    private var stateCount = 0
    private var free: [Int32] = []
    /// Sparse tasks per job number (rare: only indices far beyond a job's task count).
    private var sparse: [Int: SparseTasks] = [:]
    /// Open tasks.
    private(set) var openCount = 0

    init() {
        jobs = .allocate(capacity: jobCapacity)
        jobSlots = .allocate(capacity: jobSlotCount)
        jobSlots.initialize(repeating: 0, count: jobSlotCount)
        chunks = .allocate(capacity: chunkCapacity)
    }

    deinit {
        for job in 0..<jobCount {
            jobs[job].states?.deallocate()
            jobs[job].finished?.deallocate()
        }
        jobs.deallocate()
        jobSlots.deallocate()
        for chunk in 0..<chunkCount { chunks[chunk].deallocate() }
        chunks.deallocate()
    }

    // MARK: - Jobs

    /// The number of the job `id`, created when new.
    @inline(__always)
    func job(_ id: Int64) -> Int {
        if id == lastJobId && lastJob >= 0 { return lastJob }
        let job = findOrAddJob(id)
        lastJobId = id
        lastJob = job
        return job
    }

    private func findOrAddJob(_ id: Int64) -> Int {
        let mask = jobSlotCount - 1
        var slot = Int(truncatingIfNeeded: ByteFingerprint.mix(UInt64(bitPattern: id))) & mask
        while true {
            let entry = Int(jobSlots[slot])
            if entry == 0 { break }
            if jobs[entry - 1].id == id { return entry - 1 }
            slot = (slot + 1) & mask
        }
        if jobCount == jobCapacity {
            let larger = UnsafeMutablePointer<Job>.allocate(capacity: jobCapacity * 2)
            larger.moveInitialize(from: jobs, count: jobCount)
            jobs.deallocate()
            jobs = larger
            jobCapacity *= 2
        }
        let job = jobCount
        (jobs + job).initialize(to: Job(id: id, states: nil, finished: nil, capacity: 0, open: 0, tasks: 0))
        jobCount += 1
        jobSlots[slot] = Int32(truncatingIfNeeded: job + 1)
        if jobCount * 2 > jobSlotCount { growJobSlots() }
        return job
    }

    private func growJobSlots() {
        let old = jobSlots
        let oldCount = jobSlotCount
        jobSlotCount *= 2
        jobSlots = .allocate(capacity: jobSlotCount)
        jobSlots.initialize(repeating: 0, count: jobSlotCount)
        let mask = jobSlotCount - 1
        for position in 0..<oldCount where old[position] != 0 {
            let id = jobs[Int(old[position]) - 1].id
            var slot = Int(truncatingIfNeeded: ByteFingerprint.mix(UInt64(bitPattern: id))) & mask
            while jobSlots[slot] != 0 { slot = (slot + 1) & mask }
            jobSlots[slot] = old[position]
        }
        old.deallocate()
    }

    /// Makes `job` cover task `index` (0 ..< maximumTaskIndex).
    private func reserve(_ job: Int, _ index: Int) {
        var capacity = max(jobs[job].capacity, 64)
        while capacity <= index { capacity *= 2 }
        guard capacity > jobs[job].capacity else { return }
        let old = jobs[job].capacity
        let states = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
        states.initialize(repeating: 0, count: capacity)
        let words = capacity / 64
        let finished = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
        finished.initialize(repeating: 0, count: words)
        if let previous = jobs[job].states {
            states.update(from: previous, count: old)
            previous.deallocate()
        }
        if let previous = jobs[job].finished {
            finished.update(from: previous, count: old / 64)
            previous.deallocate()
        }
        jobs[job].states = states
        jobs[job].finished = finished
        jobs[job].capacity = capacity
        if let tasks = sparse[job] { moveCovered(tasks, of: job) }
    }

    /// Moves the sparse tasks of `job` that its dense arrays now cover into them.
    private func moveCovered(_ tasks: SparseTasks, of job: Int) {
        let capacity = jobs[job].capacity
        for (index, value) in tasks.states where Int(index) < capacity {
            jobs[job].states![Int(index)] = value
            tasks.states[index] = nil
        }
        for index in tasks.finished where Int(index) < capacity {
            jobs[job].finished![Int(index) >> 6] |= 1 << UInt64(Int(index) & 63)
            tasks.finished.remove(index)
        }
        if tasks.isEmpty { sparse[job] = nil }
    }

    // MARK: - Tasks

    /// The state index of task `index` of `job`, if the task is open.
    @inline(__always)
    func find(job: Int, index: Int) -> Int? {
        let entry = jobs + job
        guard index < entry.pointee.capacity, let states = entry.pointee.states else {
            guard !sparse.isEmpty, let value = sparse[job]?.states[Int32(truncatingIfNeeded: index)] else { return nil }
            return Int(value) - 1
        }
        let value = Int(states[index])
        return value == 0 ? nil : value - 1
    }

    /// True when task `index` of `job` was completed.
    @inline(__always)
    func isFinished(job: Int, index: Int) -> Bool {
        let entry = jobs + job
        guard index < entry.pointee.capacity, let finished = entry.pointee.finished else {
            return !sparse.isEmpty && sparse[job]?.finished.contains(Int32(truncatingIfNeeded: index)) == true
        }
        return finished[index >> 6] & (1 << UInt64(index & 63)) != 0
    }

    /// Opens task `index` of `job` (not open now); returns its state index.
    @discardableResult
    func insert(job: Int, index: Int, _ state: State) -> Int {
        jobs[job].tasks += 1
        let isDense = index < jobs[job].capacity
            || index < max(Self.minimumDenseCapacity, jobs[job].tasks * Self.denseSpread)
        if isDense && index >= jobs[job].capacity { reserve(job, index) }
        let stateIndex: Int
        if let reused = free.popLast() {
            stateIndex = Int(reused)
        } else {
            if stateCount == chunkCount << Self.chunkShift { addChunk() }
            stateIndex = stateCount
            stateCount += 1
        }
        self.state(stateIndex).pointee = state
        if isDense {
            jobs[job].states![index] = Int32(truncatingIfNeeded: stateIndex + 1)
        } else {
            sparseTasks(of: job).states[Int32(truncatingIfNeeded: index)] = Int32(truncatingIfNeeded: stateIndex + 1)
        }
        jobs[job].open += 1
        openCount += 1
        return stateIndex
    }

    /// Direct access to a task's state.
    @inline(__always)
    func state(_ stateIndex: Int) -> UnsafeMutablePointer<State> {
        chunks[stateIndex >> Self.chunkShift] + (stateIndex & (Self.chunkSize - 1))
    }

    /// Closes open task `index` of `job` and marks it completed.
    func complete(job: Int, index: Int) {
        guard let stateIndex = find(job: job, index: index) else { return }
        free.append(Int32(truncatingIfNeeded: stateIndex))
        if index < jobs[job].capacity {
            jobs[job].states![index] = 0
            jobs[job].finished![index >> 6] |= 1 << UInt64(index & 63)
        } else if let tasks = sparse[job] {
            tasks.states[Int32(truncatingIfNeeded: index)] = nil
            tasks.finished.insert(Int32(truncatingIfNeeded: index))
        }
        jobs[job].open -= 1
        openCount -= 1
    }

    /// Calls `body` with each open task, jobs in the order they were first
    /// seen and tasks by index (deterministic).
    func forEachOpen(_ body: (State) throws(TraceImportError) -> Void) throws(TraceImportError) {
        for job in 0..<jobCount where jobs[job].open > 0 {
            if let states = jobs[job].states {
                for index in 0..<jobs[job].capacity where states[index] != 0 {
                    try body(state(Int(states[index]) - 1).pointee)
                }
            }
            // Sparse indices are all past the dense ones.
            guard let tasks = sparse[job] else { continue }
            for index in tasks.states.keys.sorted() {
                try body(state(Int(tasks.states[index]!) - 1).pointee)
            }
        }
    }

    /// The task indices `job`'s dense arrays cover (tests check that hostile indices stay sparse).
    func denseCapacity(ofJob job: Int) -> Int { jobs[job].capacity }

    private func sparseTasks(of job: Int) -> SparseTasks {
        if let tasks = sparse[job] { return tasks }
        let tasks = SparseTasks()
        sparse[job] = tasks
        return tasks
    }

    /// Adds a chunk of (trivial, uninitialised) states.
    private func addChunk() {
        if chunkCount == chunkCapacity {
            let larger = UnsafeMutablePointer<UnsafeMutablePointer<State>>.allocate(capacity: chunkCapacity * 2)
            larger.moveInitialize(from: chunks, count: chunkCount)
            chunks.deallocate()
            chunks = larger
            chunkCapacity *= 2
        }
        (chunks + chunkCount).initialize(to: .allocate(capacity: Self.chunkSize))
        chunkCount += 1
    }
}
