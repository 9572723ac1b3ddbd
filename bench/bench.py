#!/usr/bin/env python3
"""Journal's benchmark: builds generated corpora with Journal (and with Hugo and stock JBake 2.7.0
when they are available), each build in a fresh process as a user runs it, and reports wall time,
CPU time and peak memory (median of several runs) in docs/BENCHMARKS.md with an SVG chart.

Usage (from the repository root, after `mvn -B package`):
    python3 bench/bench.py                       # 1,000 and 10,000 articles, Journal + peers
    python3 bench/bench.py --sizes 1000,10000,50000 --runs 5
    python3 bench/bench.py --sizes 1000 --no-peers --out /tmp/bench.md

Scenarios for Journal: cold (no output, no build cache), no-change rebuild, one article edited,
one article added. Peers are timed on the cold build of the same corpus (Hugo has no persistent
build cache; stock JBake's is not reliable), and only when installed: `hugo` on the PATH
(Debian package hugo), and JBake from Maven Central (bench/jbake/pom.xml, fetched with Maven).
A missing peer is reported, never an error.
"""
import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "bench" / "target"
JAR = ROOT / "engine" / "cli" / "target" / "journal.jar"
BENCH_JAR = ROOT / "engine" / "bench" / "target" / "journal-bench.jar"
GNU_TIME = shutil.which("time") if Path("/usr/bin/time").exists() else None


def log(*args):
    print(*args, file=sys.stderr, flush=True)


def measure(cmd, cwd=None, env=None):
    """Runs cmd once; returns (wall s, cpu s, peak RSS MB, exit code)."""
    if Path("/usr/bin/time").exists():
        full = ["/usr/bin/time", "-f", "BENCH %e %U %S %M"] + cmd
        t0 = time.monotonic()
        p = subprocess.run(full, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        wall = time.monotonic() - t0
        m = re.search(r"BENCH ([\d.]+) ([\d.]+) ([\d.]+) (\d+)", p.stderr)
        if m:
            return wall, float(m.group(2)) + float(m.group(3)), int(m.group(4)) / 1024, p.returncode
        return wall, float("nan"), float("nan"), p.returncode
    before = os.times()
    t0 = time.monotonic()
    p = subprocess.run(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.monotonic() - t0
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, float("nan"), p.returncode


def median_of(runs, cmd, prepare=None, cwd=None):
    rows = []
    for i in range(runs):
        if prepare:
            prepare()
        wall, cpu, rss, rc = measure(cmd, cwd=cwd)
        if rc != 0:
            raise SystemExit("benchmark command failed (exit %d): %s" % (rc, " ".join(map(str, cmd))))
        rows.append((wall, cpu, rss))
        log("   run %d: %.2f s wall, %.2f s cpu, %.0f MB" % (i + 1, wall, cpu, rss))
    return tuple(statistics.median(r[k] for r in rows) for k in range(3))


def generate(n, folder, fmt):
    if folder.exists():
        return
    log("generating %d articles (%s) in %s" % (n, fmt, folder))
    subprocess.run(["java", "-jar", str(BENCH_JAR), "corpus", "--articles", str(n), "--format", fmt,
                    "--output", str(folder)], check=True)


def journal_scenarios(n, corpus, runs):
    out = WORK / ("out-journal-%d" % n)
    cache = corpus / "target"
    build = ["java", "-jar", str(JAR), "build", "--quiet", "--source", str(corpus), "--output", str(out)]
    results = {}

    def clean():
        shutil.rmtree(out, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)

    log("journal, %d articles: cold build" % n)
    results["cold"] = median_of(runs, build, prepare=clean)
    log("journal, %d articles: no-change rebuild" % n)
    results["no change"] = median_of(runs, build)
    articles = sorted((corpus / "content" / "articles").rglob("*.md"))
    victim = articles[len(articles) // 2]
    original = victim.read_text(encoding="utf-8")
    counter = [0]

    def edit():
        counter[0] += 1
        victim.write_text(original + "\nAn added sentence, edit %d.\n" % counter[0], encoding="utf-8")

    log("journal, %d articles: one article edited" % n)
    try:
        results["edit one"] = median_of(runs, build, prepare=edit)
    finally:
        victim.write_text(original, encoding="utf-8")
    added = corpus / "content" / "articles" / "bench-added.md"

    def add():
        added.unlink(missing_ok=True)
        subprocess.run(build, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        added.write_text("---\ntitle: An added article\nauthor: Bench Author\ndate: 2020-01-01\n"
                         "tags: [Added]\n---\nA new article.\n", encoding="utf-8")

    log("journal, %d articles: one article added" % n)
    try:
        results["add one"] = median_of(runs, build, prepare=add)
    finally:
        added.unlink(missing_ok=True)
    return results


def hugo(n, corpus, runs):
    exe = shutil.which("hugo")
    if not exe:
        log("hugo: not installed, skipped")
        return None
    site = WORK / ("hugo-site-%d" % n)
    if not site.exists():
        shutil.copytree(ROOT / "bench" / "hugo", site)
        (site / "content").symlink_to(corpus / "content", target_is_directory=True)
    out = WORK / ("out-hugo-%d" % n)
    version = subprocess.run([exe, "version"], capture_output=True, text=True).stdout.split()[1]
    log("hugo %s, %d articles: cold build" % (version, n))
    r = median_of(runs, [exe, "--quiet", "-s", str(site), "-d", str(out)],
                  prepare=lambda: shutil.rmtree(out, ignore_errors=True))
    return version, r


def jbake(n, runs):
    pom = ROOT / "bench" / "jbake" / "pom.xml"
    lib = WORK / "jbake-lib"
    if not lib.exists():
        log("jbake: fetching jbake-core 2.7.0 and its engines from Maven Central")
        p = subprocess.run(["mvn", "-B", "-q", "-f", str(pom), "dependency:copy-dependencies",
                            "-DoutputDirectory=" + str(lib)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        if p.returncode != 0:
            log("jbake: could not be fetched, skipped")
            shutil.rmtree(lib, ignore_errors=True)
            return None
    corpus = WORK / ("corpus-jbake-%d" % n)
    generate(n, corpus, "jbake")
    out = WORK / ("out-jbake-%d" % n)
    cmd = ["java", "-cp", str(lib) + "/*", "org.jbake.launcher.Main", "-b", str(corpus), str(out)]
    log("jbake 2.7.0, %d articles: cold build" % n)
    return median_of(runs, cmd, prepare=lambda: shutil.rmtree(out, ignore_errors=True))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--jbake-sizes", default="1000,5000", help="JBake is slow: sizes to time it at")
    ap.add_argument("--no-peers", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "docs" / "BENCHMARKS.md"))
    args = ap.parse_args()
    if not JAR.exists() or not BENCH_JAR.exists():
        raise SystemExit("build first: mvn -B package (needs %s and %s)" % (JAR, BENCH_JAR))
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    table = []
    for n in sizes:
        corpus = WORK / ("corpus-%d" % n)
        generate(n, corpus, "yaml")
        res = journal_scenarios(n, corpus, args.runs)
        for scenario, r in res.items():
            table.append(("Journal", n, scenario, r))
        if not args.no_peers:
            h = hugo(n, corpus, args.runs)
            if h:
                table.append(("Hugo " + h[0], n, "cold", h[1]))
    if not args.no_peers:
        for n in [int(s) for s in args.jbake_sizes.split(",") if s]:
            r = jbake(n, 1)
            if r:
                table.append(("JBake 2.7.0", n, "cold", r))
            journal_cold = None
            corpus = WORK / ("corpus-jbake-%d" % n)
            if corpus.exists():
                out = WORK / ("out-journal-jbake-%d" % n)
                cmd = ["java", "-jar", str(JAR), "build", "--quiet", "--source", str(corpus), "--output", str(out)]
                log("journal on the JBake-format corpus, %d articles: cold build" % n)
                journal_cold = median_of(args.runs, cmd, prepare=lambda: (shutil.rmtree(out, ignore_errors=True),
                                                                          shutil.rmtree(corpus / "target",
                                                                                        ignore_errors=True)))
                table.append(("Journal (JBake corpus)", n, "cold", journal_cold))
    write_report(table, args)


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        mem = "%d GB RAM" % round(kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    return "%s, %d cores, %s, %s; %s" % (cpu, os.cpu_count(), mem, platform.platform(), java)


def write_report(table, args):
    lines = ["# Benchmarks", "",
             "Machine: " + machine() + ".", "",
             "Command: `python3 bench/bench.py --sizes %s --runs %d`%s. Each figure is the median of %d runs, "
             "each build a fresh process (JVM start included). Peak memory is the process's maximum resident set."
             % (args.sizes, args.runs, " --no-peers" if args.no_peers else "", args.runs), "",
             "| tool | articles | scenario | wall s | CPU s | peak RSS MB | vs Journal cold |",
             "| --- | ---: | --- | ---: | ---: | ---: | ---: |"]
    cold = {n: r for (tool, n, sc, r) in table if tool == "Journal" and sc == "cold"}
    for tool, n, scenario, (wall, cpu, rss) in table:
        ratio = ""
        if n in cold and not (tool == "Journal" and scenario == "cold") and scenario == "cold":
            ratio = "%.1fx" % (wall / cold[n][0])
        lines.append("| %s | %d | %s | %.2f | %.2f | %.0f | %s |" % (tool, n, scenario, wall, cpu, rss, ratio))
    lines += ["", "![Wall time per build](benchmarks.svg)", ""]
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (out.parent / "benchmarks.svg").write_text(svg(table), encoding="utf-8")
    log("wrote", out)


def svg(table):
    rows = [("%s, %d, %s" % (tool, n, sc), r[0]) for (tool, n, sc, r) in table]
    width, bar_h, gap, left = 760, 18, 8, 300
    top = 40
    height = top + len(rows) * (bar_h + gap) + 30
    biggest = max((w for _, w in rows), default=1) or 1
    scale = (width - left - 80) / biggest
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
             'font-family="sans-serif" font-size="12" role="img" aria-labelledby="t">' % (width, height, width, height),
             '<title id="t">Wall time per build, seconds (shorter is better)</title>',
             '<rect width="100%" height="100%" fill="#fff"/>',
             '<text x="10" y="22" font-size="14" font-weight="bold">Wall time per build, seconds (shorter is better)</text>']
    for i, (label, wall) in enumerate(rows):
        y = top + i * (bar_h + gap)
        colour = "#8c1d18" if label.startswith("Journal") else "#777"
        parts.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 8, y + 13, label))
        parts.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' % (left, y, max(1, wall * scale), bar_h, colour))
        parts.append('<text x="%.1f" y="%d">%.2f</text>' % (left + max(1, wall * scale) + 6, y + 13, wall))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    main()
