#!/usr/bin/env python3
"""Regenerate the small trace samples in traces/, in the traces' ORIGINAL formats.

    python3 tools/samples/make_trace_samples.py

Writes, deterministically (fixed seeds, gzip with mtime 0 and no file name, tar
with fixed owner and time), so the files are byte-identical on every run:

  traces/google2011-task_events-sample.csv.gz   Google clusterdata-2011-2 task_events rows,
                                                two gzip members (like a concatenated download)
  traces/google2011-job_events-sample.csv.gz    the matching job_events rows
  traces/alibaba2018-batch_task-sample.tar.gz   a tar.gz holding batch_task.csv, as Alibaba
                                                publishes it, with DAG task names and anomalies
  traces/alibaba2017-batch_task-sample.csv.gz   Alibaba cluster-trace-v2017 batch_task rows
  traces/swf-sample.swf.gz                      a Standard Workload Format log with header
  traces/azure2021-invocations-sample.csv       Azure Functions 2021 invocations (unsorted)

The values are synthetic (drawn from random.Random with fixed seeds); the column
order, units, null conventions and anomalies follow the published schemas (see
FORMAT.md, "Trace mappings", and ../shared/notes/traces.md).
"""
import base64
import gzip
import hashlib
import io
import random
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TRACES = ROOT / "traces"


def gzip_bytes(data: bytes) -> bytes:
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as stream:
        stream.write(data)
    return buffer.getvalue()


def user_hash(name: str) -> str:
    """Google's user and job names: base64 of a SHA-256 (contains + / =)."""
    return base64.b64encode(hashlib.sha256(name.encode()).digest()).decode()


# MARK: - Google 2011


def google() -> None:
    rng = random.Random(2011)
    rows = []  # (time us, missing, job, index, machine, event, user, class, priority, cpu, mem, disk, constraint)
    job_rows = []
    start = 600_000_000  # the trace effectively starts at 600 s
    for number in range(40):
        job = 6_251_000_000 + number * 7919
        user = user_hash(f"user{number % 6}")
        logical = user_hash(f"program{number % 9}")
        scheduling = rng.randrange(4)
        priority = rng.choice([0, 2, 4, 9, 10])
        before = number < 4  # jobs running when the trace starts: SUBMIT at time 0
        submit = 0 if before else start + number * 45_000_000 + rng.randrange(1_000_000)
        job_rows.append((submit, "", job, 0, user, scheduling, user_hash(f"job{number}"), logical))
        for index in range(rng.randint(1, 8)):
            cpu = rng.choice([0.0125, 0.025, 0.03125, 0.0625, 0.125])
            mem = round(rng.uniform(0.001, 0.08), 5)
            disk = round(rng.uniform(0.0001, 0.001), 7)
            missing = "2" if number == 7 else ""  # a job whose requests were lost
            request = ("", "", "") if missing else (cpu, mem, disk)
            time = submit + index * 1000
            rows.append((time, missing, job, index, "", 0, user, scheduling, priority, *request, 0))
            fate = rng.random()
            machine = 1_000_000 + rng.randrange(5000)
            scheduled = (start if before else time) + rng.randrange(5_000_000) + 1
            if fate < 0.05:
                continue  # still pending at the end of the sample
            rows.append((scheduled, missing, job, index, machine, 1, user, scheduling, priority, *request, 0))
            runtime = rng.randrange(10_000_000, 900_000_000)
            end = scheduled + runtime
            if fate < 0.12:
                # Evicted, resubmitted and finished elsewhere.
                rows.append((end, missing, job, index, machine, 2, user, scheduling, priority, *request, 0))
                again = end + 2_000_000
                rows.append((again, missing, job, index, "", 0, user, scheduling, priority, *request, 0))
                other = 1_000_000 + rng.randrange(5000)
                rows.append((again + 500_000, missing, job, index, other, 1, user, scheduling, priority, *request, 0))
                rows.append((again + 500_000 + runtime, missing, job, index, other, 4, user, scheduling, priority,
                             *request, 0))
            elif fate < 0.2:
                rows.append((end, missing, job, index, machine, 5, user, scheduling, priority, *request, 0))
            elif fate < 0.24:
                rows.append((end, missing, job, index, machine, 3, user, scheduling, priority, *request, 0))
            elif fate < 0.3:
                continue  # still running at the end of the sample
            else:
                rows.append((end, missing, job, index, machine, 4, user, scheduling, priority, *request, 0))
        if number % 5 == 4:
            job_rows.append((submit + 1_000_000_000, "", job, 4, user, scheduling, user_hash(f"job{number}"), logical))
    rows.sort(key=lambda row: (row[0], row[2], row[3], row[5]))
    job_rows.sort(key=lambda row: (row[0], row[2]))

    def line(row):
        return ",".join("" if value == "" else str(value) for value in row) + "\n"

    text = "".join(line(row) for row in rows).encode()
    middle = text.index(b"\n", len(text) // 2) + 1
    (TRACES / "google2011-task_events-sample.csv.gz").write_bytes(gzip_bytes(text[:middle]) + gzip_bytes(text[middle:]))
    (TRACES / "google2011-job_events-sample.csv.gz").write_bytes(
        gzip_bytes("".join(line(row) for row in job_rows).encode()))


# MARK: - Alibaba 2018


def alibaba2018() -> None:
    rng = random.Random(2018)
    rows = []
    clock = 86_400

    def task(name, instances, job, start, duration, cpu=100, mem=0.3, status="Terminated"):
        end = start + duration if status == "Terminated" else 0
        rows.append(f"{name},{instances},{job},{rng.randint(1, 12)},{status},{start},{end},{cpu},{mem}\n")

    for number in range(1, 31):
        job = f"j_{1000 + number}"
        clock += rng.randrange(5, 120)
        shape = number % 6
        if shape == 0:  # independent tasks with base64 names
            for _ in range(rng.randint(1, 3)):
                name = "task_" + base64.b64encode(str(rng.getrandbits(60)).encode()).decode()
                task(name, rng.randint(1, 50), job, clock, rng.randrange(5, 300))
        elif shape == 1:  # a chain M1 -> R2_1 -> J3_2
            task("M1", rng.randint(1, 200), job, clock, 30)
            task("R2_1", rng.randint(1, 20), job, clock + 31, 20)
            task("J3_2", 1, job, clock + 52, 10)
        elif shape == 2:  # a diamond, one dependent registered before its parent finished
            task("M1", 4, job, clock, 40, cpu=50, mem=0.2)
            task("M2_1", 2, job, clock + 41, 20)
            task("M3_1", 2, job, clock + 35, 25)  # starts before M1 ends: clamped by the importer
            task("R4_2_3", 1, job, clock + 70, 15)
        elif shape == 3:  # anomalies from the issues: stage suffix, trailing underscore, missing parent
            task("M1", 3, job, clock, 20)
            task("M7", 1, job, clock, 20)
            task("J10_1_7_Stg4", 1, job, clock + 25, 10)
            task("R11_10_", 1, job, clock + 40, 5)
            task("R12_9", 1, job, clock + 50, 5)  # task 9 is not in the job
            task("MergeTask", 1, job, clock + 60, 5, cpu="", mem="")
        elif shape == 4:  # a cycle 1 <-> 5, as in issue #115, plus a failed task (end 0)
            task("M5_14_1", 2, job, clock, 30)
            task("R1_5", 1, job, clock + 2, 30)
            task("M14", 1, job, clock - 10, 8)
            task("R6_5", 1, job, clock + 40, 0, status="Failed")
        else:  # a duplicated row and a repeated dependency
            task("M1", 10, job, clock, 12)
            task("M2_1_1", 1, job, clock + 13, 9)
            rows.append(rows[-1])
    data = "".join(rows).encode()
    member = tarfile.TarInfo("batch_task.csv")
    member.size = len(data)
    member.mtime = 1_541_030_400  # 2018-11-01, the publication month
    member.uid = member.gid = 0
    member.uname = member.gname = ""
    member.mode = 0o644
    archive = io.BytesIO()
    with tarfile.open(fileobj=archive, mode="w", format=tarfile.GNU_FORMAT) as tar:
        tar.addfile(member, io.BytesIO(data))
    (TRACES / "alibaba2018-batch_task-sample.tar.gz").write_bytes(gzip_bytes(archive.getvalue()))


# MARK: - Alibaba 2017


def alibaba2017() -> None:
    rng = random.Random(2017)
    rows = []
    for job in range(1, 41):
        for task_id in range(1, rng.randint(2, 6)):
            create = rng.choice([0, -rng.randrange(1, 1000)]) if job <= 3 else rng.randrange(1, 60_000)
            status = rng.choices(["Terminated", "Waiting", "Running", "Failed"], [80, 10, 6, 4])[0]
            end = create + rng.randrange(5, 3000)
            if rng.random() < 0.03:
                end = create - rng.randrange(1, 50)  # modify time before create, as in the real table
            instances = rng.randint(1, 400)
            if status == "Waiting":
                plan_cpu, plan_mem = "", ""  # every Waiting task has empty plans
            else:
                plan_cpu, plan_mem = rng.choice([50, 100, 200]), round(rng.uniform(0.001, 0.02), 9)
            rows.append(f"{create},{end},{job},{task_id},{instances},{status},{plan_cpu},{plan_mem}\n")
    rng.shuffle(rows)  # the table is not sorted by time
    (TRACES / "alibaba2017-batch_task-sample.csv.gz").write_bytes(gzip_bytes("".join(rows).encode()))


# MARK: - SWF


def swf() -> None:
    rng = random.Random(93)
    header = [
        "; Version: 2.2",
        "; Computer: Synthetic cluster (edgesim sample)",
        "; Installation: none",
        "; Information: https://www.cs.huji.ac.il/labs/parallel/workload/swf.html",
        ";              (a continuation line, not a key)",
        "; UnixStartTime: 749458803",
        "; TimeZoneString: US/Pacific",
        "; MaxJobs: 120",
        "; MaxRecords: 120",
        "; MaxProcs: 128",
        "; Note: synthetic values in the SWF 2.2 field order",
        "; Note: jobs 5, 6 and 7 form a chain through field 17",
        ";",
    ]
    lines = []
    submit = 0
    for job in range(1, 121):
        submit += rng.randrange(0, 600)
        run = rng.randrange(0, 20_000) if rng.random() > 0.02 or job in (5, 6, 7) else -1
        alloc = rng.choice([1, 2, 4, 8, 16, 32, 64, 128])
        used_memory = rng.randrange(100, 8000) if rng.random() > 0.5 else -1
        requested_memory = rng.randrange(100, 8000)
        status = rng.choices([1, 0, 5], [90, 7, 3])[0]
        preceding, think = (job - 1, rng.randrange(0, 60)) if job in (6, 7) else (-1, -1)
        fields = [job, submit, rng.randrange(0, 3600), run, alloc, -1, used_memory, alloc, rng.randrange(60, 40_000),
                  requested_memory, status, rng.randrange(1, 20), rng.randrange(1, 4), rng.randrange(1, 30),
                  rng.randrange(0, 2), -1, preceding, think]
        lines.append("".join(f"{value:>7}" for value in fields))
    text = "\n".join(header + lines) + "\n"
    (TRACES / "swf-sample.swf.gz").write_bytes(gzip_bytes(text.encode()))


# MARK: - Azure Functions 2021


def azure() -> None:
    rng = random.Random(2021)
    apps = [hashlib.sha256(f"app{index}".encode()).hexdigest() for index in range(5)]
    functions = {app: [hashlib.sha256(f"{app}/func{index}".encode()).hexdigest() for index in range(3)] for app in apps}
    rows = []
    for _ in range(300):
        app = rng.choice(apps)
        function = rng.choice(functions[app])
        duration = round(rng.lognormvariate(-2.5, 1.5), 3)
        end = rng.uniform(0.05, 3600)
        rows.append(f"{app},{function},{end!r},{duration}\n")  # invocations logged at their end: unsorted
    (TRACES / "azure2021-invocations-sample.csv").write_text("app,func,end_timestamp,duration\n" + "".join(rows))


if __name__ == "__main__":
    TRACES.mkdir(exist_ok=True)
    google()
    alibaba2018()
    alibaba2017()
    swf()
    azure()
    for path in sorted(TRACES.glob("*")):
        if path.name != "README.md" and not path.name.startswith("sample."):
            print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
