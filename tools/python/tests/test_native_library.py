"""The shipped library against Sources/EdgeSimABI/include/edgesim.h: exported symbols, and a C program using both."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

import edgesim

ROOT = Path(__file__).resolve().parents[3]
HEADER = ROOT / "Sources" / "EdgeSimABI" / "include" / "edgesim.h"

C_PROGRAM = r"""
#include <stdio.h>
#include <stdlib.h>
#include "edgesim.h"

int main(int argc, char **argv) {
    char error[512];
    if (es_abi_version() != ES_ABI_VERSION) { puts("version mismatch"); return 2; }
    if (es_scenario_load("/nonexistent.json", error, sizeof error) != NULL) return 3;
    es_scenario *scenario = es_scenario_load(argv[1], error, sizeof error);
    if (!scenario) { printf("load: %s\n", error); return 4; }
    int32_t agents = es_scenario_agent_count(scenario), slots = es_scenario_slot_count(scenario);
    int32_t length = es_scenario_observation_length(scenario);
    es_env *env = es_env_create(scenario, "{\"maxSteps\": 50}", error, sizeof error);
    es_policy *policy = es_policy_create("earliest-finish", error, sizeof error);
    es_scenario_release(scenario); /* the environment keeps it alive */
    int32_t *actions = calloc(agents, sizeof *actions);
    float *observations = calloc((size_t)agents * length, sizeof *observations);
    uint8_t *masks = calloc((size_t)agents * slots, 1);
    float *rewards = calloc(agents, sizeof *rewards);
    uint8_t *flags = calloc((size_t)agents * 4, 1);
    void *buffers[ES_BUFFER_COUNT] = {actions, observations, masks, rewards, flags, flags + agents,
                                      flags + 2 * agents, flags + 3 * agents};
    int64_t counts[ES_BUFFER_COUNT] = {agents, (int64_t)agents * length, (int64_t)agents * slots, agents,
                                       agents, agents, agents, agents};
    counts[ES_BUFFER_REWARDS] = 1;
    if (es_env_bind(env, buffers, counts, ES_BUFFER_COUNT) != ES_ERROR_INVALID_ARGUMENT) return 5;
    printf("bind error: %s\n", es_env_last_error(env));
    counts[ES_BUFFER_REWARDS] = agents;
    if (es_env_bind(env, buffers, counts, ES_BUFFER_COUNT) != ES_OK) return 6;
    int32_t status = es_env_reset(env, 7, 1);
    int steps = 0;
    double total = 0;
    while (status == ES_STATUS_RUNNING) {
        if (es_policy_actions(policy, env, actions, agents) != ES_OK) return 7;
        status = es_env_step(env);
        for (int i = 0; i < agents; i++) total += rewards[i];
        steps++;
    }
    printf("status %d after %d steps, reward %.3f, truncated %d\n", status, steps, total, flags[agents]);
    if (es_env_step(env) != ES_ERROR_INVALID_STATE) return 8;
    printf("step error: %s\n", es_env_last_error(env));
    es_policy_destroy(policy);
    es_env_destroy(env);
    free(actions); free(observations); free(masks); free(rewards); free(flags);
    return 0;
}
"""


def header_functions() -> set[str]:
    text = re.sub(r"/\*.*?\*/", "", HEADER.read_text(), flags=re.S)
    return set(re.findall(r"\b(es_\w+)\s*\(", text))


def test_the_library_exports_exactly_the_header_functions():
    nm = shutil.which("nm")
    if nm is None:
        pytest.skip("nm (binutils) is not installed")
    output = subprocess.run([nm, "-D", "--defined-only", edgesim.library_path()], capture_output=True, text=True,
                            check=True).stdout
    exported = {line.split()[-1] for line in output.splitlines() if line.split()[-1].startswith("es_")}
    assert exported == header_functions()
    assert len(exported) == 28


def test_the_packaged_header_is_the_repository_header():
    packaged = Path(edgesim.__file__).parent / "include" / "edgesim.h"
    assert packaged.read_text() == HEADER.read_text()


def test_a_c_program_runs_an_episode_through_the_header(tmp_path, scenarios):
    compiler = shutil.which("cc") or shutil.which("gcc") or shutil.which("clang")
    if compiler is None:
        pytest.skip("no C compiler is installed")
    source = tmp_path / "episode.c"
    source.write_text(C_PROGRAM)
    library = Path(edgesim.library_path())
    program = tmp_path / "episode"
    subprocess.run([compiler, "-std=c11", "-Wall", "-Werror", f"-I{HEADER.parent}", str(source), "-o", str(program),
                    str(library), f"-Wl,-rpath,{library.parent}"], check=True)
    result = subprocess.run([str(program), str(scenarios["synthetic"])], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bind error: the rewards buffer holds 1 values, expected 3" in result.stdout
    assert "status 2 after 50 steps" in result.stdout and "truncated 1" in result.stdout
    assert "step error: the episode is over (truncated); call reset(seed:)" in result.stdout
