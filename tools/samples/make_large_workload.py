#!/usr/bin/env python3
"""Write a large synthetic canonical workload for memory and speed measurements.

    python3 tools/samples/make_large_workload.py TASKS OUT.workload.csv.gz

Deterministic (seeded). One job per 4 tasks; every fourth task depends on the
previous one. Used for the foundation's flat-memory check of `edgesim validate`.
"""
import random
import sys
import zlib


def main():
    tasks, path = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(1)
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    with open(path, "wb") as out:
        out.write(compressor.compress(b"# edgesim-workload version 1\n"
                                      b"taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,"
                                      b"outputBytes,memoryBytes,relativeDeadlineSeconds,dependencies\n"))
        time = 0.0
        lines = []
        for index in range(tasks):
            time += rng.expovariate(1000.0)
            dependency = f"t{index - 1}" if index % 4 == 3 else ""
            lines.append(f"t{index},j{index // 4},{time:.6f},,{rng.randrange(10**6, 10**9)},1000,100,0,,{dependency}\n")
            if len(lines) == 10000:
                out.write(compressor.compress("".join(lines).encode()))
                lines.clear()
        out.write(compressor.compress("".join(lines).encode()))
        out.write(compressor.flush())


if __name__ == "__main__":
    main()
