/// The anomaly and mapping counts of the Alibaba 2018 reader.
struct Alibaba2018Counts {
    var jobs = 0
    var tasks = 0
    var tasksIndependent = 0
    var taskNamesUnparsed = 0
    var stageSuffixes = 0
    var emptyDependencyTokens = 0
    var duplicateDependencies = 0
    var selfDependencies = 0
    var dependenciesMissing = 0
    var cyclesBroken = 0
    var duplicateTaskRows = 0
    var duplicateTaskNumbers = 0
    var arrivalsClamped = 0
    var endBeforeStart = 0
    var tasksMissingPlan = 0
    var instanceCountInvalid = 0
    var instancesExpanded = 0
    var instancesCapped = 0
    var joinTasks = 0
    var instancesWithoutTask = 0
    var duplicateInstances = 0

    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        [
            ("tasks_independent", .integer(tasksIndependent)),
            ("task_names_unparsed", .integer(taskNamesUnparsed)),
            ("stage_suffixes", .integer(stageSuffixes)),
            ("empty_dependency_tokens", .integer(emptyDependencyTokens)),
            ("duplicate_dependencies", .integer(duplicateDependencies)),
            ("self_dependencies", .integer(selfDependencies)),
            ("dependencies_missing", .integer(dependenciesMissing)),
            ("cycles_broken", .integer(cyclesBroken)),
            ("duplicate_task_rows", .integer(duplicateTaskRows)),
            ("duplicate_task_numbers", .integer(duplicateTaskNumbers)),
            ("arrivals_clamped", .integer(arrivalsClamped)),
            ("end_before_start", .integer(endBeforeStart)),
            ("tasks_missing_plan", .integer(tasksMissingPlan)),
            ("instance_num_invalid", .integer(instanceCountInvalid)),
            ("instances_expanded", .integer(instancesExpanded)),
            ("instances_capped", .integer(instancesCapped)),
            ("join_tasks", .integer(joinTasks)),
            ("instances_without_task", .integer(instancesWithoutTask)),
            ("duplicate_instances", .integer(duplicateInstances)),
        ]
    }
}
