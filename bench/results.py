#!/usr/bin/env python3
"""Turns the raw measurements of one bench/run into the comparison table (stdout) and a JSON file.

Usage: results.py WORKDIR OUT_JSON
WORKDIR holds what bench/run measured (layout below); settings.json there records how it measured.
  wrk/<meta>-<target>.out                   wrk output; its last line is the JSON that report.lua wrote
  body-bytes/<meta>-<target>.txt            size of the body each target serves
  parallel/<download>/<target>/stream-N.txt one "status bytes" line per download by stream N
  parallel/<download>/<target>/duration_us  wall time of all parallel streams together
  curl/<download>-<target>.txt              one curl speed_download (bytes/s) per single-stream download
  rss/<moment>.txt               the gateway's /proc/<pid>/status lines VmRSS and VmHWM (start, warm, end)
  rss/stream.txt                 VmRSS samples (kB, one per line) while the gateway streamed the large OCI layer
  gateway-log-problems.txt       how many warning/error lines the gateway logged
Targets are "origin" (nginx serving the fixture tree) and "tollgate" (the gateway in front of it).
<meta> is "page" (PyPI project page), "packument" (npm) or "manifest" (OCI); <download> is "file"
(the large wheel), "tarball" (the npm tarball) or "blob" (the OCI layer).
"""
import json
import os
import statistics
import sys

TARGETS = ("origin", "tollgate")
MB = 1_000_000


def read_wrk(workdir, scenario, target):
    with open(os.path.join(workdir, "wrk", f"{scenario}-{target}.out"), encoding="utf-8") as f:
        lines = [line for line in f.read().splitlines() if line.startswith("{")]
    if not lines:
        raise SystemExit(f"results.py: wrk wrote no report for the {target} {scenario} (see its .out file)")
    return json.loads(lines[-1])


def read_parallel(workdir, scenario, target):
    """Totals of the parallel download streams: bytes, completed and failed downloads, duration."""
    directory = os.path.join(workdir, "parallel", scenario, target)
    downloads = []
    for name in sorted(os.listdir(directory)):
        if name.startswith("stream-"):
            with open(os.path.join(directory, name), encoding="utf-8") as f:
                downloads += [line.split() for line in f if line.strip()]
    return {
        "duration_us": read_numbers(os.path.join(directory, "duration_us"))[0],
        "bytes": sum(int(size) for _, size in downloads),
        "completed": sum(1 for status, _ in downloads if status == "200"),
        "failed": sum(1 for status, _ in downloads if status != "200"),
    }


def read_numbers(path):
    with open(path, encoding="utf-8") as f:
        return [float(x) for x in f.read().split()]


def read_status_kib(path, field):
    """A 'VmRSS:   12345 kB' style value from a saved /proc status, in MiB."""
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    raise SystemExit(f"results.py: no {field} in {path}")


def failures(run):
    """wrk requests that did not succeed: non-2xx/3xx answers plus socket errors and timeouts."""
    return sum(run["errors"].values())


def per_target(fn):
    return {t: fn(t) for t in TARGETS}


def row(metric, unit, better, values):
    origin, tollgate = values.get("origin"), values.get("tollgate")
    ratio = tollgate / origin if origin and tollgate is not None else None
    return {"metric": metric, "unit": unit, "better": better, "origin": origin, "tollgate": tollgate, "ratio": ratio}


def metadata_rows(workdir, scenario, label, connections):
    """wrk's results on a cached metadata document (page or packument), and its raw reports."""
    runs = per_target(lambda t: read_wrk(workdir, scenario, t))
    sizes = per_target(lambda t: read_numbers(os.path.join(workdir, "body-bytes", f"{scenario}-{t}.txt"))[0])
    return [
        row(f"{label} requests/s ({connections} conns)", "req/s", "higher",
            {t: r["requests"] / (r["duration_us"] / 1e6) for t, r in runs.items()}),
        row(f"{label} latency p50", "ms", "lower", {t: r["latency_us"]["p50"] / 1000 for t, r in runs.items()}),
        row(f"{label} latency p99", "ms", "lower", {t: r["latency_us"]["p99"] / 1000 for t, r in runs.items()}),
        row(f"{label} body size", "bytes", "info", sizes),
        row(f"{label} failed requests", "count", "zero", {t: failures(r) for t, r in runs.items()}),
    ], runs


def download_rows(workdir, scenario, label, streams):
    """Throughput of a cached download (file or tarball), parallel and single-stream, and the raw data."""
    parallel = per_target(lambda t: read_parallel(workdir, scenario, t))
    single = per_target(lambda t: read_numbers(os.path.join(workdir, "curl", f"{scenario}-{t}.txt")))
    return [
        row(f"{label} throughput ({streams} parallel streams)", "MB/s", "higher",
            {t: r["bytes"] / MB / (r["duration_us"] / 1e6) for t, r in parallel.items()}),
        row(f"{label} throughput (1 stream, median of {len(single['origin'])})", "MB/s", "higher",
            {t: statistics.median(v) / MB for t, v in single.items()}),
        row(f"{label} downloads completed (parallel)", "count", "info", {t: r["completed"] for t, r in parallel.items()}),
        row(f"{label} failed downloads (parallel)", "count", "zero", {t: r["failed"] for t, r in parallel.items()}),
    ], parallel, single


def build_rows(workdir, settings):
    c, streams = settings["connections"], settings["file_streams"]
    # The PyPI rows keep their original names ("page", "file"), so results of older runs still compare.
    page_rows, page = metadata_rows(workdir, "page", "page", c)
    packument_rows, packument = metadata_rows(workdir, "packument", "npm packument", c)
    file_rows, file_parallel, file_single = download_rows(workdir, "file", "file", streams)
    tarball_rows, tarball_parallel, tarball_single = download_rows(workdir, "tarball", "npm tarball", streams)
    manifest_rows, manifest = metadata_rows(workdir, "manifest", "OCI manifest", c)
    blob_rows, blob_parallel, blob_single = download_rows(workdir, "blob", "OCI blob", streams)
    rss = os.path.join(workdir, "rss")
    stream_rss = read_numbers(f"{rss}/stream.txt")
    if not stream_rss:
        raise SystemExit("results.py: no RSS samples in rss/stream.txt (the layer streamed before the first sample?)")
    return page_rows + packument_rows + file_rows + tarball_rows + manifest_rows + blob_rows + [
        row("gateway log warnings/errors", "lines", "zero",
            {"tollgate": read_numbers(os.path.join(workdir, "gateway-log-problems.txt"))[0]}),
        row("gateway VmRSS at start", "MiB", "info", {"tollgate": read_status_kib(f"{rss}/start.txt", "VmRSS")}),
        row("gateway VmRSS after warm-up", "MiB", "info", {"tollgate": read_status_kib(f"{rss}/warm.txt", "VmRSS")}),
        row("gateway VmRSS after load", "MiB", "info", {"tollgate": read_status_kib(f"{rss}/end.txt", "VmRSS")}),
        row("gateway VmHWM (peak RSS)", "MiB", "info", {"tollgate": read_status_kib(f"{rss}/end.txt", "VmHWM")}),
        row(f"gateway VmRSS streaming a {settings['oci_rss_mib']} MiB layer, max", "MiB", "info",
            {"tollgate": max(stream_rss) / 1024}),
        row(f"gateway VmRSS streaming a {settings['oci_rss_mib']} MiB layer, first sample", "MiB", "info",
            {"tollgate": stream_rss[0] / 1024}),
    ], {"manifest": manifest, "blob_parallel": blob_parallel, "blob_single_stream_bytes_per_s": blob_single,
        "stream_rss_kb": stream_rss,"page": page, "file_parallel": file_parallel, "file_single_stream_bytes_per_s": file_single,
        "packument": packument, "tarball_parallel": tarball_parallel,
        "tarball_single_stream_bytes_per_s": tarball_single}


def fmt(value):
    if value is None:
        return "-"
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:,.2f}"


def print_table(rows):
    header = ("metric", "unit", "origin", "tollgate", "ratio")
    cells = [header] + [(r["metric"], r["unit"], fmt(r["origin"]), fmt(r["tollgate"]),
                         "-" if r["ratio"] is None else f"{r['ratio']:.2f}") for r in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(header))]
    for n, line in enumerate(cells):
        print("  ".join(cell.ljust(w) if i < 2 else cell.rjust(w) for i, (cell, w) in enumerate(zip(line, widths))))
        if n == 0:
            print("  ".join("-" * w for w in widths))


def main():
    workdir, out_json = sys.argv[1:3]
    with open(os.path.join(workdir, "settings.json"), encoding="utf-8") as f:
        settings = json.load(f)
    rows, raw = build_rows(workdir, settings)
    print_table(rows)
    os.makedirs(os.path.dirname(out_json), exist_ok=True)
    with open(out_json, "w", encoding="utf-8") as f:
        json.dump({"settings": settings, "metrics": rows, "raw": raw}, f, indent=2)
        f.write("\n")
    failed = [r["metric"] for r in rows if r["better"] == "zero" and (r["origin"] or r["tollgate"])]
    if failed:
        print("WARNING: failed requests in: " + ", ".join(failed), file=sys.stderr)
    print(f"\nresults written to {out_json}")


if __name__ == "__main__":
    main()
