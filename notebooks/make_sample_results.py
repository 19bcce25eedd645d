#!/usr/bin/env python3
"""Write a synthetic results directory of `heuristics-bench run`, laid out as docs/results.md describes.

It exists so the analysis notebook can be tried (and tested) without running an experiment, and it doubles as
an executable description of the format. Nothing in it is measured: the lag, throughput and latency curves are
made up from a seeded random generator, with a lag bump while a fault is active that drains after it ends.

    python3 notebooks/make_sample_results.py /tmp/sample                 # 3 runs: baseline, delay sweep 100/200 ms
    python3 notebooks/make_sample_results.py /tmp/plain --no-sweep      # 1 baseline run: no sweep, no fault
    python3 notebooks/make_sample_results.py /tmp/empty --runs 0        # a directory with no run at all

Written: manifest.json, experiment.yaml, summary.csv, report.html (a stub), lag/<run>.log and per run
runs/<run>/{metrics.csv, metrics-wide.csv, faults.csv, checks.csv, model.json, logs/}. plots/ is left empty:
the runner draws those, the notebook draws its own.

The summary's recovery_paper_s is computed with the paper's method (find_peaks with prominence 50, spans out
to the median; no 300-row minimum for our runs) so the notebook's cross-check against summary.csv has
something true to compare with; recovery_fault_aware_s follows docs/results.md (band = max lag over the 30 s
before the fault, held 10 s). Needs numpy and scipy, like the notebook.
"""

import argparse
import csv
import json
import os
import random
import sys

import numpy as np
from scipy.signal import find_peaks

RUN_SECONDS = 120
START = 1_764_000_000.0  # 2025-11-24 16:00:00 UTC, an arbitrary fixed origin so the output is reproducible
PARTITIONS = 3
RATE = 200.0  # events/s
EXPERIMENT_YAML = """\
# Synthetic: written by notebooks/make_sample_results.py, never run.
name: sample
workload:
  model: assembly-line
  rate: 200
  duration: 2m
  seed: 7
system:
  partitions: 3
scenarios:
  - name: baseline
{delay}"""
DELAY_YAML = """\
  - name: delay
    faults:
      - kind: network-delay
        target: miner
        latency: 100ms
        schedule: { start: 30s, duration: 30s }
    sweep: { parameter: "faults[0].latency", values: [%s] }
"""


def write_atomically(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w", newline="") as f:
        f.write(text)
    os.replace(tmp, path)


def csv_text(header, rows):
    import io
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    for r in rows:
        w.writerow(["" if v is None else v for v in r])
    return out.getvalue()


def fmt(x):
    """Numbers as the runner writes them: invariant culture, no trailing noise."""
    if x is None:
        return None
    if isinstance(x, float) and x.is_integer() and abs(x) < 1e15:
        return str(int(x))
    return repr(round(x, 6)) if isinstance(x, float) else str(x)


def paper_recovery(times, lag, prominence=50.0):
    """Mean span length of the paper's method (see the notebook for the commented version); None without a span."""
    x = np.asarray(lag, dtype=float)
    n = len(x)
    if n == 0:
        return None
    m = np.median(x)
    marked = np.zeros(n, dtype=bool)
    for p in find_peaks(x, prominence=prominence)[0]:
        s = e = p
        while s > 0 and not x[s] < m:
            s -= 1
        while e < n - 1 and not x[e] < m:
            e += 1
        if s != e:
            marked[s:e + 1] = True
    spans, start, prev = [], -1, False
    for i in range(n):
        if marked[i] and not prev:
            start = i
        if (not marked[i] and prev) or (i == n - 1 and marked[i]):
            spans.append(times[i - 1] - times[start])
        prev = marked[i]
    return float(np.mean(spans)) if spans else None


def fault_aware(times, lag, start, end, baseline_s=30.0, hold_s=10.0):
    """(band, time to detect, recovery, peak lag) for one fault window, as docs/results.md describes."""
    t = np.asarray(times)
    x = np.asarray(lag, dtype=float)
    before = x[(t >= start - baseline_s) & (t < start)]
    if len(before) == 0:
        return None, None, None, None
    band = before.max()
    after_start = (t >= start)
    peak = float(x[after_start].max()) if after_start.any() else None
    out = np.nonzero(after_start & (x > band))[0]
    detect = float(t[out[0]] - start) if len(out) else None
    for i in np.nonzero((t >= end) & (x <= band))[0]:
        j = i
        while j < len(t) and t[j] < t[i] + hold_s and x[j] <= band:
            j += 1
        if j < len(t) and t[j] >= t[i] + hold_s and x[j] <= band:
            return band, detect, float(t[i] - end), peak
    return band, detect, None, peak


def simulate(rng, start, latency_ms, fault, unremoved):
    """One run's history: a dict metric -> list of (time, value), plus the fault windows applied."""
    times = [start + s for s in range(RUN_SECONDS)]
    history = {}

    def add(name, t, v):
        history.setdefault(name, []).append((t, v))

    f_start = start + 30.0 if fault else None
    f_end = f_start + 30.0 if fault else None
    applied_start = f_start + 0.4 if fault else None
    applied_end = None if (not fault or unremoved) else f_end + 0.3
    slow = latency_ms / 1000.0  # seconds per fetch round trip while the delay is on
    lag = 30.0
    previous = lag
    acked = processed = 0.0
    for t in times:
        active = fault and applied_start <= t and (applied_end is None or t < applied_end)
        tin = RATE + rng.gauss(0, 5)
        # the miner keeps up normally; under delay it drains less per second, after it catches up quickly
        capacity = RATE * 2.5 if not active else RATE * max(0.2, 1 - 4 * slow)
        lag = max(0.0, lag + tin - min(capacity, lag + tin)) + abs(rng.gauss(20, 8))
        tout = max(0.0, tin - (lag - previous))
        previous = lag
        acked += tin
        processed = max(0.0, acked - lag)
        add("Lag_Input_Topic", t, round(lag))
        share = [rng.random() + 0.5 for _ in range(PARTITIONS)]
        parts = [round(lag * s / sum(share)) for s in share]
        parts[-1] = round(lag) - sum(parts[:-1])
        for p, v in enumerate(parts):
            add("Lag_Partition_%d" % p, t, v)
        add("Lag_Model", t, round(lag + rng.uniform(0, 100)))
        add("Throughput_In", t, round(tin, 1))
        add("Throughput_Out", t, round(tout, 1))
        base = 4.0 + (latency_ms if active else 0) + lag / RATE * 1000 * 0.5
        add("Latency_P50_ms", t, round(base + rng.uniform(0, 1), 2))
        add("Latency_P95_ms", t, round(base * 1.6 + rng.uniform(0, 2), 2))
        add("Latency_P99_ms", t, round(base * 2.0 + rng.uniform(0, 3), 2))
        add("LC_Entries", t, 180 + int(rng.uniform(0, 20)))
        add("Fidelity_F1", t, round(min(1.0, 0.6 + (t - start) / 100), 4))
        add("Baseline_Similarity", t, 1.0 if not active else 0.95)
        add("Faults_Active", t, 1 if active else 0)
        add("Events_Acknowledged", t, round(acked))
        add("Events_Processed", t, round(processed))
    windows = []
    if fault:
        windows.append((f_start, f_end, applied_start, applied_end))
    return times, history, windows


def write_run(root, index, scenario, sweep_value, iteration, seed, rng):
    latency = int(sweep_value[:-2]) if sweep_value else 0
    fault = sweep_value is not None
    unremoved = fault and index == 3  # with --runs 4 or more: the run "ended before removal", applied_end empty
    run_id = "%02d-%s%s-i%d" % (index, scenario, "-" + sweep_value if sweep_value else "", iteration)
    start = START + index * (RUN_SECONDS + 10)  # runs one after another, 10 s apart
    times, history, windows = simulate(rng, start, latency, fault, unremoved)
    run_dir = os.path.join(root, "runs", run_id)

    # metrics.csv: long format, in measuring order (all metrics of one second, then the next second)
    names = list(history)
    rows = []
    for k in range(len(times)):
        for name in names:
            t, v = history[name][k]
            rows.append((name, fmt(t), fmt(float(v))))
    write_atomically(os.path.join(run_dir, "metrics.csv"), csv_text(["Metric", "Time", "Value"], rows))
    wide = [[fmt(t), fmt(t - start)] + [fmt(float(history[n][k][1])) for n in names] for k, t in enumerate(times)]
    write_atomically(os.path.join(run_dir, "metrics-wide.csv"), csv_text(["Time", "Elapsed_s"] + names, wide))
    lag_rows = [("Lag_Input_Topic", fmt(t), fmt(float(v))) for t, v in history["Lag_Input_Topic"]]
    write_atomically(os.path.join(root, "lag", run_id + ".log"), csv_text(["Metric", "Time", "Value"], lag_rows))

    frows = []
    for rep, (ps, pe, ast, aen) in enumerate(windows):
        note = "delay %dms on miner link" % latency + ("; run ended before removal" if aen is None else "; removed")
        frows.append((0, rep, "network-delay", "miner", "latency=%dms jitter=0ms" % latency, fmt(ps), fmt(pe),
                      fmt(ast), fmt(aen), fmt(ps - start), fmt(ast - start), fmt(None if aen is None else aen - start),
                      "", "", "", note))  # observed_start_s, observed_end_s, peak_lag: left to the runner's measure
    write_atomically(os.path.join(run_dir, "faults.csv"), csv_text(
        ["fault", "repetition", "kind", "target", "parameters", "planned_start", "planned_end", "applied_start",
         "applied_end", "planned_start_s", "applied_start_s", "applied_end_s", "observed_start_s", "observed_end_s",
         "peak_lag", "note"], frows))

    acked = history["Events_Acknowledged"][-1][1]
    processed = history["Events_Processed"][-1][1]
    checks = [("no-lost-events", "true", "acknowledged %d, in topic %d" % (acked, acked)),
              ("no-double-counting", "true", "processed %d <= in topic %d" % (processed, acked)),
              ("final-model-equals-baseline", "false" if unremoved else "true",
               "arc F1 0.95" if unremoved else "arc F1 1"),
              ("no-orphan-processes", "true", "0 left")]
    write_atomically(os.path.join(run_dir, "checks.csv"), csv_text(["checker", "passed", "detail"], checks))
    write_atomically(os.path.join(run_dir, "model.json"), json.dumps({"synthetic": True, "arcs": []}) + "\n")
    write_atomically(os.path.join(run_dir, "logs", "miner.log"), "synthetic run, no process was started\n")

    lag_t = [t for t, _ in history["Lag_Input_Topic"]]
    lag_v = [v for _, v in history["Lag_Input_Topic"]]
    lag_arr = np.asarray(lag_v, dtype=float)
    recs = [fault_aware(lag_t, lag_v, w[2], w[3]) for w in windows if w[2] is not None and w[3] is not None]
    recovered = [r[2] for r in recs if r[2] is not None]
    detects = [r[1] for r in recs if r[1] is not None]
    peaks = [fault_aware(lag_t, lag_v, w[2], w[3] or lag_t[-1])[3] for w in windows if w[2] is not None]
    passed = all(c[1] == "true" for c in checks)

    def med(name):
        return float(np.median([v for _, v in history[name]]))

    def mean(name):
        return float(np.mean([v for _, v in history[name]]))

    summary = {
        "run": run_id, "scenario": scenario, "sweep_parameter": "faults[0].latency" if sweep_value else None,
        "sweep_value": sweep_value, "sweep_value_numeric": latency if sweep_value else None,
        "iteration": iteration, "seed": seed, "started": fmt(start), "duration_s": fmt(float(RUN_SECONDS)),
        "outcome": "passed" if passed else "failed",
        "hypothesis": "none",
        "events_acknowledged": acked, "events_in_topic": acked, "events_processed": processed,
        "throughput_in_mean": fmt(mean("Throughput_In")), "throughput_out_mean": fmt(mean("Throughput_Out")),
        "lag_p50": fmt(float(np.quantile(lag_arr, 0.5))), "lag_p99": fmt(float(np.quantile(lag_arr, 0.99))),
        "lag_max": fmt(float(lag_arr.max())),
        "latency_p50_ms": fmt(med("Latency_P50_ms")), "latency_p95_ms": fmt(med("Latency_P95_ms")),
        "latency_p99_ms": fmt(med("Latency_P99_ms")),
        "recovery_paper_s": fmt(paper_recovery(lag_t, lag_v)),
        "recovery_fault_aware_s": fmt(float(np.mean(recovered))) if recovered else None,
        "faults_recovered": "%d/%d" % (len(recovered), len(windows)) if windows else "0/0",
        "peak_lag": fmt(max(peaks)) if peaks else None,
        "time_to_detect_s": fmt(float(np.mean(detects))) if detects else None,
        "fidelity_f1_final": fmt(float(history["Fidelity_F1"][-1][1])),
        "baseline_similarity_final": fmt(float(history["Baseline_Similarity"][-1][1])),
    }
    for c in checks:
        summary["check_" + c[0].replace("-", "_")] = "pass" if c[1] == "true" else "FAIL"
    return summary


SUMMARY_COLUMNS = [
    "run", "scenario", "sweep_parameter", "sweep_value", "sweep_value_numeric", "iteration", "seed", "started",
    "duration_s", "outcome", "hypothesis", "events_acknowledged", "events_in_topic", "events_processed",
    "throughput_in_mean", "throughput_out_mean", "lag_p50", "lag_p99", "lag_max", "latency_p50_ms",
    "latency_p95_ms", "latency_p99_ms", "recovery_paper_s", "recovery_fault_aware_s", "faults_recovered",
    "peak_lag", "time_to_detect_s", "fidelity_f1_final", "baseline_similarity_final", "check_no_lost_events",
    "check_no_double_counting", "check_final_model_equals_baseline", "check_no_orphan_processes"]


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("directory", help="results directory to create (e.g. /tmp/sample)")
    ap.add_argument("--runs", type=int, default=3, help="number of runs: 0 (none), 1 (baseline only) or more "
                    "(baseline, then the delay sweep at 100, 200, 300... ms)")
    ap.add_argument("--no-sweep", action="store_true", help="baseline only: no sweep and no fault (same as --runs 1)")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    runs = 1 if args.no_sweep else args.runs
    root = args.directory
    os.makedirs(os.path.join(root, "plots"), exist_ok=True)
    os.makedirs(os.path.join(root, "lag"), exist_ok=True)
    rng = random.Random(args.seed)

    plan = [("baseline", None)] + [("delay", "%dms" % (100 * k)) for k in range(1, max(0, runs - 1) + 1)]
    plan = plan[:runs]
    summaries = []
    for index, (scenario, sweep_value) in enumerate(plan):
        summaries.append(write_run(root, index, scenario, sweep_value, 1, args.seed * 1000 + index, rng))
    write_atomically(os.path.join(root, "summary.csv"),
                     csv_text(SUMMARY_COLUMNS, [[s.get(c) for c in SUMMARY_COLUMNS] for s in summaries]))
    sweep_values = [v for _, v in plan if v]
    write_atomically(os.path.join(root, "experiment.yaml"), EXPERIMENT_YAML.format(
        delay=DELAY_YAML % ", ".join(sweep_values) if sweep_values else ""))
    manifest = {
        "synthetic": True,
        "experiment": {"name": "sample", "file": "experiment.yaml"},
        "command": "python3 notebooks/make_sample_results.py " + " ".join(argv),
        "backend": "none (synthetic)",
        "started": START, "ended": START + (RUN_SECONDS + 10) * len(plan),
        "runs": [{"id": s["run"], "scenario": s["scenario"], "sweep_value": s["sweep_value"],
                  "iteration": s["iteration"], "seed": s["seed"], "outcome": s["outcome"]} for s in summaries],
    }
    write_atomically(os.path.join(root, "manifest.json"), json.dumps(manifest, indent=2) + "\n")
    write_atomically(os.path.join(root, "report.html"),
                     "<!doctype html><title>sample</title><p>Synthetic results; see notebooks/analysis.ipynb.\n")
    print("wrote %d run(s) to %s" % (len(plan), root))


if __name__ == "__main__":
    main(sys.argv[1:])
