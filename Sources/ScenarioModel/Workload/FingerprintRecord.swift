/// A fixed-size record of the workload validator's identity checks: a
/// fingerprint to sort by, the fingerprint of a job, the ordinal of the task
/// it comes from (its line, for files), and one extra value (the index of a
/// dependency in its task's list). Ordered by key, then ordinal, so sorted
/// runs merge into one sorted stream.
struct FingerprintRecord: Comparable {
    var key: UInt64
    var job: UInt64
    var ordinal: UInt64
    var extra: UInt64

    static func < (left: FingerprintRecord, right: FingerprintRecord) -> Bool {
        left.key != right.key ? left.key < right.key : left.ordinal < right.ordinal
    }
}
