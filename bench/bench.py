#!/usr/bin/env python3
"""Journal's benchmark: builds generated journals with Journal, and side by side with Hugo and
stock JBake 2.7.0 when they are available, each build a fresh process as a user runs it; reports
wall time, CPU time and peak resident memory (medians of several runs) against the project's
targets in docs/BENCHMARKS.md, with an SVG chart (docs/benchmarks.svg).

Build the tools first, from the repository root:
    mvn -B -q install -DskipTests -Djournal.skip=true
Journal runs on the java of JAVA_HOME when it is set (else the PATH's); package with that JDK too,
so that the launcher finds its class archive (Java 17-24) or ahead-of-time cache (Java 25+).

Then, for example:
    python3 bench/bench.py                                  # 1,000, 10,000, 50,000 articles; peers
    python3 bench/bench.py --sizes 1000 --runs 1            # a quick check of the harness
    python3 bench/bench.py --sizes 10000 --no-peers --scenarios no-change,edit-one

Corpora: `journal-bench corpus` (engine/bench) writes N articles of about 10 KB of Markdown
(headings, lists, quotes, links, footnotes; 1-6 tags from a skewed vocabulary of about 300; 300
authors, one article in five co-authored; dates over ten years) into bench/target/corpus-N.

Journal scenarios (each a fresh `engine/cli/target/journal build`, the documented launcher):
  cold       no output folder and no build cache
  no-change  a rebuild right after a build, nothing changed
  edit-one   a paragraph appended to one article after a build
  add-one    a new article (latest date, existing tags and authors) written after a build
The corpus is restored and rebuilt, untimed, before each edit-one and add-one run.
At --preview-sizes (1,000 by default), `journal-bench preview` also times the preview server
(`journal serve`, warm, as an author has it): from saving an edit to the page showing it.

Peers (cold builds of the same articles; skipped with a message when missing, never an error):
  Hugo         `hugo` on the PATH (Debian package hugo); bench/hugo holds the site, made to write
               what Journal writes: article pages with related content and a BibTeX and a RIS
               file each, paginated home, tag and author pages each with RSS, Atom and JSON feeds
               of the latest 20, the same three feeds for the whole journal, a full-text search
               index (each article's plain text), sitemap; the corpus is copied into it with
               Hugo's front matter.
               Its cold builds take turns with Journal's (Journal, Hugo, Journal, Hugo, ...), and
               the 10,000-article target is judged on the median of the per-turn ratios, so that
               a virtual machine whose speed drifts during the run weighs on both alike.
  JBake 2.7.0  from Maven Central through bench/jbake/pom.xml (needs `mvn`); the corpus is
               copied with JBake's own headers and the templates in bench/jbake/templates, and
               Journal builds that same JBake site too, for the ratio. JBake is slow and grows
               faster than the corpus (on 2 cores: about 30 s at 1,000 articles, 5 to 20 minutes at
               5,000): it runs once per size in --jbake-sizes.

Each figure is the median of --runs runs (per measure), or of --large-runs runs for sizes of
50,000 and above. When 10,000 is among the sizes, each cold build of 50,000 articles or more
follows a cold build of the 10,000-article corpus, and the 50,000 target (at most 5.5x the 10,000
time) is judged on the median of those back-to-back ratios, for the same reason as Hugo's turns:
a run of 40 minutes or more spans spells in which this machine's speed differs by half or more.
Timings come from /usr/bin/time (or the kernel's accounting via wait4 when it is missing).
Everything is written under bench/target (--work); results.json there keeps the raw numbers, and
--merge adds this run's rows to it instead of starting afresh (so that a slow size can be measured
on its own and still appear in one report).
"""
import argparse
import datetime
import functools
import hashlib
import html
import itertools
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
JAR = ROOT / "engine" / "cli" / "target" / "journal.jar"
LAUNCHER = ROOT / "engine" / "cli" / "target" / "journal"
BENCH_JAR = ROOT / "engine" / "bench" / "target" / "journal-bench.jar"
HUGO_SITE = ROOT / "bench" / "hugo"
JBAKE_DIR = ROOT / "bench" / "jbake"
GNU_TIME = Path("/usr/bin/time")
SCENARIOS = {
    "cold": "cold build",
    "no-change": "rebuild, no change",
    "edit-one": "rebuild, one article edited",
    "add-one": "rebuild, one article added",
}
LARGE = 50_000
REFERENCE = 10_000
PEER_TIMEOUT = 4 * 3600


def log(*args):
    print(*args, file=sys.stderr, flush=True)


class RunFailed(Exception):
    pass


# --- measuring -------------------------------------------------------------------------------------

TRASH = [None]  # set by main: a folder in the work folder, emptied after the measurements
DISCARDED = itertools.count()


def discard(path):
    """Moves a folder out of the way before a cold build; it is deleted after the measurements.

    Deleting tens of thousands of files right before a build slows the file creation of the build
    that follows (ext4 scans the freed inodes), which would be timed with it; every tool gets the
    same treatment."""
    if path.exists():
        TRASH[0].mkdir(parents=True, exist_ok=True)
        path.rename(TRASH[0] / ("%d-%s" % (next(DISCARDED), path.name)))


def empty_trash():
    if TRASH[0] is not None:
        shutil.rmtree(TRASH[0], ignore_errors=True)


def measure(cmd, log_file, timeout=None):
    """Runs cmd once as a fresh process; returns (wall s, CPU s, peak RSS MiB).

    Raises RunFailed when it exits with an error or runs past the timeout."""
    with open(log_file, "ab") as out:
        out.write(("\n$ %s\n" % " ".join(map(shlex.quote, map(str, cmd)))).encode())
        out.flush()
        if GNU_TIME.exists():
            full = [str(GNU_TIME), "-o", str(log_file) + ".time", "-f", "%e %U %S %M"] + [str(c) for c in cmd]
        else:
            full = [str(c) for c in cmd]
        t0 = time.monotonic()
        # A session of its own, so that a timeout stops the whole process tree, not only `time`.
        proc = subprocess.Popen(full, stdout=out, stderr=out, start_new_session=True)
        rusage = None
        try:
            while True:
                pid, status, rusage = os.wait4(proc.pid, os.WNOHANG)
                if pid:
                    break
                if timeout and time.monotonic() - t0 > timeout:
                    os.killpg(proc.pid, signal.SIGKILL)
                    os.wait4(proc.pid, 0)
                    raise RunFailed("timed out after %d s" % timeout)
                time.sleep(0.005)
        except KeyboardInterrupt:
            os.killpg(proc.pid, signal.SIGKILL)
            raise
        wall = time.monotonic() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise RunFailed("exit code %d (log: %s)" % (proc.returncode, log_file))
    if GNU_TIME.exists():
        fields = Path(str(log_file) + ".time").read_text().split()[-4:]
        cpu = float(fields[1]) + float(fields[2])
        rss = int(fields[3]) / 1024
    else:
        cpu = rusage.ru_utime + rusage.ru_stime
        rss = rusage.ru_maxrss / 1024
    return wall, cpu, rss


def median_of(runs, cmd, log_file, prepare=None, timeout=None, label=""):
    rows = []
    for i in range(runs):
        if prepare:
            prepare()
        rows.append(measure(cmd, log_file, timeout))
        log_run(label, i, runs, rows[-1])
    return medians(rows)


def log_run(label, i, runs, row):
    log("   %s run %d/%d: %.2f s wall, %.2f s CPU, %.0f MiB peak RSS" % ((label, i + 1, runs) + tuple(row)))


def medians(rows):
    """Per measure, the median of the runs' (wall, CPU, peak RSS); with each run's wall time."""
    return {"wall": statistics.median(r[0] for r in rows), "cpu": statistics.median(r[1] for r in rows),
            "rss": statistics.median(r[2] for r in rows), "runs": len(rows), "walls": [r[0] for r in rows]}


def count_output(folder):
    pages = files = 0
    for _, _, names in os.walk(folder):
        files += len(names)
        pages += sum(1 for n in names if n.endswith(".html"))
    return pages, files


# --- corpora ---------------------------------------------------------------------------------------

def generate(n, work, logs):
    """The corpus of n articles, generated once into work/corpus-n."""
    corpus = work / ("corpus-%d" % n)
    if (corpus / "jbake.properties").exists():
        return corpus
    partial = work / ("corpus-%d.partial" % n)
    shutil.rmtree(partial, ignore_errors=True)
    log("generating %d articles in %s" % (n, corpus))
    with open(logs / ("generate-%d.log" % n), "ab") as out:
        subprocess.run(["java", "-jar", str(BENCH_JAR), "corpus", "--articles", str(n), "--out", str(partial)],
                       check=True, stdout=out, stderr=out)
    partial.rename(corpus)
    return corpus


def split_front_matter(text):
    """(front matter as an ordered dict of raw values, body) of a generated article."""
    if not text.startswith("---\n"):
        return {}, text
    end = text.index("\n---\n", 4)
    fields = {}
    for line in text[4:end].splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields, text[end + 5:]


def as_list(value):
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [unquote(v) for v in value[1:-1].split(",") if v.strip()]
    return [unquote(value)] if value else []


def unquote(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        return value[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return value


def sources(corpus):
    content = corpus / "content"
    return sorted(p for p in content.rglob("*.md") if p.is_file())


def stamp(corpus, template):
    """What a peer's site was written from: the corpus, and a digest of the folder of that peer's
    configuration and templates and of this script, which converts the corpus (so that a change to
    bench/hugo, bench/jbake or the conversion writes the site again)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for p in sorted(q for q in template.rglob("*") if q.is_file()):
        digest.update(str(p.relative_to(template)).encode("utf-8") + b"\0" + p.read_bytes() + b"\0")
    return "%s\n%s" % (corpus, digest.hexdigest())


def stamp_matches(folder, corpus, template):
    file = folder / ".bench-source"
    return file.exists() and file.read_text() == stamp(corpus, template)


def write_stamp(folder, corpus, template):
    (folder / ".bench-source").write_text(stamp(corpus, template))


def hugo_site(corpus, work, n):
    """The Hugo site: bench/hugo's configuration and layouts, and the corpus with Hugo's front
    matter (authors as a list, for the authors taxonomy)."""
    site = work / ("hugo-%d" % n)
    if stamp_matches(site, corpus, HUGO_SITE):
        return site
    log("writing the Hugo site for %d articles in %s" % (n, site))
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(HUGO_SITE, site)
    for src in sources(corpus):
        rel = src.relative_to(corpus / "content")
        fields, body = split_front_matter(src.read_text(encoding="utf-8"))
        fm = ["---"]
        for key, value in fields.items():
            if key in ("author", "authors"):
                fm.append("authors: " + json.dumps(as_list(value), ensure_ascii=False))
            elif key == "tags":
                fm.append("tags: " + json.dumps(as_list(value), ensure_ascii=False))
            elif key in ("title", "summary"):
                fm.append("%s: %s" % (key, json.dumps(unquote(value), ensure_ascii=False)))
            elif key in ("date", "draft"):
                fm.append("%s: %s" % (key, value))
        fm.append("---")
        dest = site / "content" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("\n".join(fm) + "\n" + body, encoding="utf-8")
    write_stamp(site, corpus, HUGO_SITE)
    return site


JBAKE_PROPERTIES = """# The benchmark corpus as a JBake 2.7.0 site (written by bench/bench.py).
site.host=https://bench.example.org
site.title=The Benchmark Review
site.description=A synthetic journal for measuring the engine
index.paginate=true
index.posts_per_page=10
render.tagsindex=true
render.sitemap=true
render.error404=true
render.archive=true
render.feed=true
markdown.extensions=ALL
"""


def jbake_site(corpus, work, n):
    """The corpus as a JBake site: JBake's header format (JBake 2.7 reads no YAML front matter)
    and the templates of bench/jbake/templates."""
    site = work / ("jbake-site-%d" % n)
    if stamp_matches(site, corpus, JBAKE_DIR / "templates"):
        return site
    log("writing the JBake site for %d articles in %s" % (n, site))
    shutil.rmtree(site, ignore_errors=True)
    shutil.copytree(JBAKE_DIR / "templates", site / "templates")
    (site / "jbake.properties").write_text(JBAKE_PROPERTIES, encoding="utf-8")
    for src in sources(corpus):
        rel = src.relative_to(corpus / "content")
        fields, body = split_front_matter(src.read_text(encoding="utf-8"))
        is_article = rel.parts[0] == "articles"
        header = ["title=" + unquote(fields.get("title", rel.stem))]
        if "date" in fields:
            header.append("date=" + fields["date"])
        else:
            header.append("date=2016-01-01")
        header.append("type=" + ("post" if is_article else "page"))
        authors = as_list(fields.get("authors", fields.get("author", "")))
        if authors:
            header.append("author=" + ", ".join(authors))
        if "tags" in fields:
            header.append("tags=" + ",".join(as_list(fields["tags"])))
        if "summary" in fields:
            header.append("summary=" + unquote(fields["summary"]))
        header.append("status=" + ("draft" if fields.get("draft") == "true" else "published"))
        header.append("~~~~~~")
        dest = site / "content" / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text("\n".join(header) + "\n\n" + body, encoding="utf-8")
    write_stamp(site, corpus, JBAKE_DIR / "templates")
    return site


# --- the tools -------------------------------------------------------------------------------------

class Journal:
    def __init__(self, work, logs, java_opts):
        self.work = work
        self.logs = logs
        self.java_opts = java_opts

    def command(self, source, out):
        # the launcher, as the README documents; it runs `java -jar journal.jar` (exec, so the
        # process measured is the JVM) with JOURNAL_JAVA_OPTS added
        return [str(LAUNCHER), "build", "--quiet", "--source", str(source), "--output", str(out)]

    def clean(self, source, out):
        discard(out)
        discard(source / "target")

    def untimed_build(self, source, out, log_file):
        measure(self.command(source, out), log_file)

    def scenarios(self, n, corpus, runs, wanted, before_cold=None):
        out = self.work / ("out-journal-%d" % n)
        build = self.command(corpus, out)
        log_file = self.logs / ("journal-%d.log" % n)
        results = {}
        if "cold" in wanted:
            log("Journal, %d articles: %s" % (n, SCENARIOS["cold"]))

            def prepare():
                self.clean(corpus, out)
                if before_cold:
                    before_cold()

            results["cold"] = median_of(runs, build, log_file, prepare=prepare, label="cold")
            results["cold"]["pages"], results["cold"]["files"] = count_output(out)
        if "no-change" in wanted:
            log("Journal, %d articles: %s" % (n, SCENARIOS["no-change"]))
            self.untimed_build(corpus, out, log_file)
            results["no-change"] = median_of(runs, build, log_file, label="no-change")
        articles = sorted((corpus / "content" / "articles").rglob("*.md"))
        if "edit-one" in wanted:
            victim = next(a for a in articles[len(articles) // 2:] + articles
                          if split_front_matter(a.read_text(encoding="utf-8"))[0].get("draft") != "true")
            original = victim.read_bytes()
            counter = [0]

            def edit():
                victim.write_bytes(original)
                self.untimed_build(corpus, out, log_file)
                counter[0] += 1
                victim.write_bytes(original + ("\nA paragraph added for the benchmark, edit %d, to see how long "
                                               "a rebuild takes after a small change.\n" % counter[0]).encode())

            log("Journal, %d articles: %s (%s)" % (n, SCENARIOS["edit-one"], victim.relative_to(corpus)))
            try:
                results["edit-one"] = median_of(runs, build, log_file, prepare=edit, label="edit-one")
            finally:
                victim.write_bytes(original)
        if "add-one" in wanted:
            added = new_article(corpus, articles)

            def add():
                added.unlink(missing_ok=True)
                self.untimed_build(corpus, out, log_file)
                added.write_text(new_article_text(articles), encoding="utf-8")

            log("Journal, %d articles: %s (%s)" % (n, SCENARIOS["add-one"], added.relative_to(corpus)))
            try:
                results["add-one"] = median_of(runs, build, log_file, prepare=add, label="add-one")
            finally:
                added.unlink(missing_ok=True)
        return results

    def reference(self, n, corpus):
        """One cold build of the n-article corpus, timed; its wall time (see scale_turns)."""
        out = self.work / ("out-journal-%d" % n)
        self.clean(corpus, out)
        row = measure(self.command(corpus, out), self.logs / ("journal-%d.log" % n))
        log_run("Journal cold, %d articles, right before" % n, 0, 1, row)
        return row[0]

    def cold_on(self, site, n, runs):
        out = self.work / ("out-journal-jbake-site-%d" % n)
        log("Journal on the JBake site, %d articles: cold build" % n)
        r = median_of(runs, self.command(site, out), self.logs / ("journal-jbake-site-%d.log" % n),
                      prepare=lambda: self.clean(site, out), label="cold")
        r["pages"], r["files"] = count_output(out)
        return r


PREVIEW_LINE = re.compile(r"an edit shown in (\d+) ms \(median of (\d+); 90th percentile (\d+) ms, worst (\d+) ms\); "
                          r"rebuilt and announced in (\d+) ms")


def run_preview(n, corpus, logs, edits):
    """The preview server (`journal serve`) on the corpus: from saving an edited article to the
    page showing it, as `journal-bench preview` measures it (a warm server, as an author has it)."""
    log("Journal, %d articles: preview, from saving an edit to the page showing it (%d edits)" % (n, edits))
    # the JVM settings of the launcher for `serve`: the default collector
    cmd = [runtime_java(), "-jar", str(BENCH_JAR), "preview", "--source", str(corpus),
           "--edits", str(edits)]
    with open(logs / ("preview-%d.log" % n), "ab") as out:
        out.write(("\n$ %s\n" % " ".join(map(shlex.quote, cmd))).encode())
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=out, timeout=3600)
        out.write(p.stdout)
    m = PREVIEW_LINE.search(p.stdout.decode("utf-8", "replace"))
    if p.returncode != 0 or not m:
        raise RunFailed("exit code %d (log: %s)" % (p.returncode, logs / ("preview-%d.log" % n)))
    r = {"shown": int(m.group(1)), "runs": int(m.group(2)), "p90": int(m.group(3)), "worst": int(m.group(4)),
         "announced": int(m.group(5))}
    log("   an edit shown in %d ms (median; 90th percentile %d ms), rebuilt and announced in %d ms"
        % (r["shown"], r["p90"], r["announced"]))
    return r


def latest_article(articles):
    best = None
    for path in articles:
        fields, _ = split_front_matter(path.read_text(encoding="utf-8"))
        if fields.get("draft") != "true" and (best is None or fields.get("date", "") > best[0]):
            best = (fields.get("date", ""), path)
    return best[1]


def new_article(corpus, articles):
    date = split_front_matter(latest_article(articles).read_text(encoding="utf-8"))[0]["date"]
    return corpus / "content" / "articles" / date[:4] / "a-new-article-for-the-benchmark.md"


def new_article_text(articles):
    """The newest article's text under a new title, one day later: it goes to the top of the home
    page and the feeds and joins the pages of tags and authors that exist already."""
    fields, body = split_front_matter(latest_article(articles).read_text(encoding="utf-8"))
    day = datetime.date.fromisoformat(fields["date"])
    day = min(day + datetime.timedelta(days=1), datetime.date(day.year, 12, 31))
    fields["title"] = '"A new article for the benchmark"'
    fields["date"] = day.isoformat()
    fields.pop("related", None)
    return "---\n" + "".join("%s: %s\n" % kv for kv in fields.items()) + "---\n" + body


def hugo_version(exe):
    out = subprocess.run([exe, "version"], capture_output=True, text=True).stdout
    m = re.search(r"v(\d+\.\d+\.\d+)", out)
    return m.group(1) if m else out.strip()


def run_hugo(exe, n, corpus, runs, work, logs):
    site = hugo_site(corpus, work, n)
    out = work / ("out-hugo-%d" % n)

    def clean():
        discard(out)
        discard(site / "resources")

    log("Hugo, %d articles: cold build" % n)
    r = median_of(runs, hugo_command(exe, site, out), logs / ("hugo-%d.log" % n), prepare=clean,
                  timeout=PEER_TIMEOUT, label="cold")
    r["pages"], r["files"] = count_output(out)
    return r


def hugo_command(exe, site, out):
    return [exe, "--quiet", "--source", str(site), "--destination", str(out)]


def cold_side_by_side(journal, exe, n, corpus, runs, work, logs, before_journal=None):
    """Journal's and Hugo's cold builds in turns (Journal, Hugo, Journal, Hugo, ...), so that a
    change in the machine's speed during the run weighs on both alike; returns both results, each
    with the median of the per-turn ratios Journal / Hugo ("pair_ratio"). A failing Hugo leaves
    Journal's runs (then None for Hugo)."""
    site = hugo_site(corpus, work, n)
    j_out, h_out = work / ("out-journal-%d" % n), work / ("out-hugo-%d" % n)
    j_cmd = journal.command(corpus, j_out)
    j_log, h_log = logs / ("journal-%d.log" % n), logs / ("hugo-%d.log" % n)
    log("Journal and Hugo %s, %d articles: cold builds in turns" % (hugo_version(exe), n))
    j_rows, h_rows = [], []
    hugo_failed = None
    for i in range(runs):
        journal.clean(corpus, j_out)
        if before_journal:
            before_journal()
        j_rows.append(measure(j_cmd, j_log))
        log_run("Journal cold", i, runs, j_rows[-1])
        if hugo_failed:
            continue
        discard(h_out)
        discard(site / "resources")
        try:
            h_rows.append(measure(hugo_command(exe, site, h_out), h_log, PEER_TIMEOUT))
            log_run("Hugo cold", i, runs, h_rows[-1])
        except (RunFailed, OSError) as e:
            hugo_failed = e
            log("Hugo, %d articles: failed, left out: %s" % (n, e))

    j = medians(j_rows)
    j["pages"], j["files"] = count_output(j_out)
    if hugo_failed or not h_rows:
        return j, None, hugo_failed
    h = medians(h_rows)
    h["pages"], h["files"] = count_output(h_out)
    ratios = [jr[0] / hr[0] for jr, hr in zip(j_rows, h_rows)]
    h["pair_ratio"] = statistics.median(ratios)
    h["pair_ratios"] = ratios
    return j, h, None


def jbake_lib(work, logs):
    """JBake 2.7.0 and what its launcher needs, copied from Maven (offline first); None if not possible."""
    lib = work / "jbake-lib"
    if (lib / "jbake-core-2.7.0.jar").exists():
        return lib
    mvn = shutil.which("mvn")
    if not mvn:
        log("JBake: skipped (needs Maven, `mvn`, to fetch it)")
        return None
    log("JBake: copying jbake-core 2.7.0 and its dependencies into %s" % lib)
    for offline in (["-o"], []):
        with open(logs / "jbake-fetch.log", "ab") as out:
            p = subprocess.run([mvn, "-B", "-q"] + offline + ["-f", str(JBAKE_DIR / "pom.xml"),
                                                                "dependency:copy-dependencies", "-DincludeScope=runtime",
                                                                "-DoutputDirectory=" + str(lib)], stdout=out, stderr=out)
        if p.returncode == 0 and (lib / "jbake-core-2.7.0.jar").exists():
            return lib
    log("JBake: skipped (could not be fetched; see %s)" % (logs / "jbake-fetch.log"))
    shutil.rmtree(lib, ignore_errors=True)
    return None


def run_jbake(lib, site, n, runs, work, logs):
    out = work / ("out-jbake-%d" % n)
    log("JBake 2.7.0, %d articles: cold build (slow)" % n)
    cmd = ["java", "-Dlogback.configurationFile=" + str(JBAKE_DIR / "logback.xml"), "-cp", str(lib) + "/*",
           "org.jbake.launcher.Main", "-b", str(site), str(out)]
    r = median_of(runs, cmd,
                  logs / ("jbake-%d.log" % n), prepare=lambda: discard(out),
                  timeout=PEER_TIMEOUT, label="cold")
    r["pages"], r["files"] = count_output(out)
    if not (out / "index.html").exists():
        raise RunFailed("JBake wrote no index.html (log: %s)" % (logs / ("jbake-%d.log" % n)))
    return r


# --- the report ------------------------------------------------------------------------------------

def first_line(cmd):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
        return ((p.stdout or p.stderr).strip().splitlines() or [""])[0]
    except OSError:
        return ""


def runtime_java():
    """The java the journal launcher runs: JAVA_HOME's, or the one on the PATH."""
    home = os.environ.get("JAVA_HOME")
    return str(Path(home) / "bin" / "java") if home else "java"


@functools.lru_cache(maxsize=None)
def runtime_version():
    """What that runtime's `java -version` prints, asked once; empty when it cannot be run."""
    try:
        return subprocess.run([runtime_java(), "-version"], capture_output=True, text=True).stderr.strip()
    except OSError:
        return ""


def runtime_feature():
    """The feature version of that runtime (17, 25, ...), 0 when it cannot be told."""
    found = re.search(r'version "(?:1\.)?(\d+)', runtime_version())
    return int(found.group(1)) if found else 0


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "unknown"
    try:
        kb = int(open("/proc/meminfo").readline().split()[1])
        mem = "%.0f GiB" % (kb / 1024 / 1024)
    except (OSError, ValueError, IndexError):
        pass
    java = runtime_version().splitlines()
    hugo = shutil.which("hugo")
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory": mem,
        "os": platform.platform(),
        "java": "; ".join(java[:2]),
        "hugo": first_line([hugo, "version"]) if hugo else "not installed",
    }


def launcher_options():
    """The JVM options the journal launcher gives a build, as its script says."""
    script = (ROOT / "engine" / "cli" / "src" / "main" / "launcher" / "journal").read_text(encoding="utf-8")
    found = re.search(r'^\s*\*\) memory="([^"]*)"(?: compiler="([^"]*)")?', script, re.M)
    if not found:
        return "see engine/cli/src/main/launcher/journal"
    options = " ".join(o for o in found.groups() if o)
    quick = re.findall(r'^\s*compiler="(-XX:TieredStopAtLevel=1[^"]*)"', script, re.M)
    if len(quick) != 2:
        return "see engine/cli/src/main/launcher/journal"
    said = ("`%s`; with the build cache of a journal of up to about 20,000 documents `%s %s` instead; "
            "cold, with fewer than 3,000 files of content, `%s %s`"
            % (options, found.group(1), quick[0], found.group(1), quick[1]))
    if "UseTransparentHugePages" in script:
        pages = Path("/sys/kernel/mm/transparent_hugepage/enabled")
        offered = pages.exists() and re.search(r"\[(always|madvise)\]", pages.read_text())
        said += ("; with each, `-XX:+UseTransparentHugePages`, %s"
                 % ("as this kernel offers huge pages" if offered else "which this kernel does not offer, so not here"))
    if "AOTCache" in script and runtime_feature() >= 25:
        made = (ROOT / "engine" / "cli" / "target" / "journal.aot").exists()
        said += ("; on this Java 25 or later, `-XX:+UseCompactObjectHeaders` and the ahead-of-time cache "
                 "`-XX:AOTCache=engine/cli/target/journal.aot -Xlog:aot=off -Xlog:cds=off`%s"
                 % ("" if made else " (not made here: package the jar with this JDK)"))
    elif "SharedArchiveFile" in script:
        made = (ROOT / "engine" / "cli" / "target" / "journal.jsa").exists()
        said += ("; and the class archive `-XX:SharedArchiveFile=engine/cli/target/journal.jsa -Xlog:cds=off "
                 "-Xlog:cds+dynamic=off`%s" % ("" if made else " (not made here)"))
    return said


def git_commit():
    """The commit that last changed engine/ (what is measured), and whether engine/ has changes on top."""
    engine = first_line(["git", "-C", str(ROOT), "log", "-1", "--format=%h", "--", "engine"])
    if not engine:
        return "unknown (no git)"
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "engine"],
                           capture_output=True, text=True).stdout.strip()
    return engine + (" with uncommitted changes" if dirty else "")


def key(tool, n, scenario):
    return "%s|%d|%s" % (tool, n, scenario)


def get(results, tool, n, scenario):
    return results.get(key(tool, n, scenario))


def fmt_s(x):
    return "%.2f" % x if x < 10 else "%.1f" % x if x < 100 else "%.0f" % x


def fmt_ratio(x):
    return "%.2fx" % x if x < 1 else "%.1fx" % x if x < 10 else "%.0fx" % x


def journal_vs(peer_wall, journal_wall):
    """How Journal compares with a peer, in words a reader takes in at once."""
    if journal_wall <= peer_wall:
        return "Journal %s faster" % fmt_ratio(peer_wall / journal_wall)
    return "Journal %s slower" % fmt_ratio(journal_wall / peer_wall)


def scale_turns(result, references):
    """Adds to a large corpus's cold result its back-to-back ratios to the reference builds that
    came right before each run ("scale_ratios", and their median "scale_ratio")."""
    if references and len(references) == len(result["walls"]):
        result["scale_references"] = references
        result["scale_ratios"] = [w / r for w, r in zip(result["walls"], references)]
        result["scale_ratio"] = statistics.median(result["scale_ratios"])


def targets(results):
    """Rows (target, measured, verdict); verdict None when not measured."""
    rows = []

    def cold(tool, n):
        r = get(results, tool, n, "cold")
        return r and r["wall"]

    j10, h10 = get(results, "journal", 10_000, "cold"), get(results, "hugo", 10_000, "cold")
    if j10 and h10 and "pair_ratio" in h10:
        rows.append(("10,000 articles, cold: at most half Hugo's wall time",
                     "%s s vs Hugo %s s; built in turns, the median of the %d per-turn ratios is %.2fx Hugo's (%s)" % (
                         fmt_s(j10["wall"]), fmt_s(h10["wall"]), len(h10["pair_ratios"]), h10["pair_ratio"],
                         ", ".join("%.2f" % r for r in h10["pair_ratios"])),
                     h10["pair_ratio"] <= 0.5))
    elif j10 and h10:
        rows.append(("10,000 articles, cold: at most half Hugo's wall time",
                     "%s s vs Hugo %s s (%.2fx Hugo's; not built in turns)" % (fmt_s(j10["wall"]), fmt_s(h10["wall"]),
                                                                             j10["wall"] / h10["wall"]),
                     j10["wall"] <= 0.5 * h10["wall"]))
    else:
        rows.append(("10,000 articles, cold: at most half Hugo's wall time", "not measured", None))
    if j10:
        rows.append(("10,000 articles, cold: peak RSS under 1 GiB", "%.0f MiB" % j10["rss"], j10["rss"] < 1024))
    else:
        rows.append(("10,000 articles, cold: peak RSS under 1 GiB", "not measured", None))
    jb5, js5 = get(results, "jbake", 5_000, "cold"), get(results, "journal-jbake-site", 5_000, "cold")
    if jb5 and js5:
        speedup = jb5["wall"] / js5["wall"]
        rows.append(("5,000 articles, cold: at least 100x faster than stock JBake 2.7.0 (same site)",
                     "%s s vs JBake %s s (%.0fx faster)" % (fmt_s(js5["wall"]), fmt_s(jb5["wall"]), speedup),
                     speedup >= 100))
    else:
        rows.append(("5,000 articles, cold: at least 100x faster than stock JBake 2.7.0 (same site)",
                     "not measured", None))
    for scenario, limit, text in (("no-change", 1.5, "10,000 articles, no-change rebuild: under 1.5 s wall, JVM start included"),
                                  ("edit-one", 1.0, "10,000 articles, one article edited: under 1 s wall")):
        r = get(results, "journal", 10_000, scenario)
        rows.append((text, "%s s" % fmt_s(r["wall"]) if r else "not measured", (r["wall"] < limit) if r else None))
    pv = get(results, "journal-preview", 1_000, "edit")
    rows.append(("1,000 articles, preview: an edit visible in the browser within 300 ms",
                 "%d ms (median of %d; 90th percentile %d ms)" % (pv["shown"], pv["runs"], pv["p90"]) if pv
                 else "not measured", (pv["shown"] <= 300) if pv else None))
    j50 = cold("journal", 50_000)
    r50 = get(results, "journal", 50_000, "cold")
    if r50 and "scale_ratio" in r50:
        rows.append(("50,000 articles, cold: at most 5.5x the 10,000 time",
                     "%s s; each run right after a 10,000-article cold build (%s s), the median of the %d "
                     "back-to-back ratios is %.2fx (%s)%s" % (
                         fmt_s(j50), ", ".join(fmt_s(w) for w in r50["scale_references"]), len(r50["scale_ratios"]),
                         r50["scale_ratio"], ", ".join("%.2f" % x for x in r50["scale_ratios"]),
                         "; %.2fx this report's 10,000 median" % (j50 / j10["wall"]) if j10 else ""),
                     r50["scale_ratio"] <= 5.5))
    elif j50 and j10:
        rows.append(("50,000 articles, cold: at most 5.5x the 10,000 time",
                     "%s s, %.2fx the 10,000 time" % (fmt_s(j50), j50 / j10["wall"]), j50 <= 5.5 * j10["wall"]))
    else:
        rows.append(("50,000 articles, cold: at most 5.5x the 10,000 time", "not measured", None))
    return rows


TOOL_NAMES = {"journal": "Journal", "hugo": "Hugo", "jbake": "JBake 2.7.0",
              "journal-jbake-site": "Journal, JBake site"}


def write_report(state, out_md):
    results = state["results"]
    m = state["machine"]
    sizes = sorted({int(k.split("|")[1]) for k in results})
    lines = ["# Benchmarks", ""]
    if state.get("note"):
        lines += ["**%s**" % state["note"], ""]
    lines += [
        "Measured on %s, engine/ at commit %s, on:" % (state["date"], state["commit"]), "",
        "- CPU: %s, %s cores (`nproc`); memory: %s; %s" % (m["cpu"], m["cores"], m["memory"], m["os"]),
        "- Java: %s" % m["java"],
        "- Hugo: %s" % m["hugo"],
        "- JBake: 2.7.0 from Maven Central (bench/jbake/pom.xml)",
        "- Journal's JVM options: %s" % (" ".join(state.get("java_opts", [])) or "none beyond the launcher's "
                                      "(%s)" % launcher_options()), "",
        "Command (from the repository root, after `mvn -B -q install -DskipTests -Djournal.skip=true`):", "",
        "```", *state["commands"], "```", "",
        "Each build is a fresh process, started as a user starts it (`engine/cli/target/journal build`, "
        "`hugo`, JBake's launcher), so JVM start-up is included. Wall time is the elapsed time; CPU time is user + "
        "system; peak RSS is the process's maximum resident set (MiB). Each figure is a median over the runs "
        "given in the table (medians per column). \"Cold\" means no output folder and no build cache; the "
        "operating system's file cache is warm in every case. How the corpus and the scenarios are made: "
        "`python3 bench/bench.py --help`.", "",
        "![Wall time per build, log scale](benchmarks.svg)", "",
        "## Targets", "",
        "| target | measured | verdict |",
        "| --- | --- | --- |"]
    for target, measured, verdict in targets(results):
        lines.append("| %s | %s | %s |" % (target, measured,
                                            "not measured" if verdict is None else "**pass**" if verdict else "**FAIL**"))
    lines += ["", "## Journal", "",
              "| articles | scenario | wall s | CPU s | peak RSS MiB | runs | pages (HTML) / files written by a cold build |",
              "| ---: | --- | ---: | ---: | ---: | ---: | ---: |"]
    for n in sizes:
        for sc in SCENARIOS:
            r = get(results, "journal", n, sc)
            if r:
                written = "%d / %d" % (r["pages"], r["files"]) if "pages" in r else ""
                lines.append("| %s | %s | %s | %s | %.0f | %d | %s |" % (
                    "{:,}".format(n), SCENARIOS[sc], fmt_s(r["wall"]), fmt_s(r["cpu"]), r["rss"], r["runs"], written))
    previews = [(n, get(results, "journal-preview", n, "edit")) for n in sizes]
    previews = [(n, r) for n, r in previews if r]
    if previews:
        lines += ["", "## Preview", "",
                  "`journal-bench preview` runs the preview server as `journal serve` does (watching the files, "
                  "rebuilding with the build cache) and plays the browser: it saves an edit to one article, "
                  "waits for the live-reload event, fetches the page and checks that it shows the edit. Ten "
                  "untimed edits first, as in an author's session.", "",
                  "| articles | edit shown (median) ms | 90th percentile ms | worst ms | rebuilt and announced ms | edits |",
                  "| ---: | ---: | ---: | ---: | ---: | ---: |"]
        for n, r in previews:
            lines.append("| %s | %d | %d | %d | %d | %d |" % ("{:,}".format(n), r["shown"], r["p90"], r["worst"],
                                                           r["announced"], r["runs"]))
    lines += ["", "## Peers (cold builds of the same articles)", "",
              "Each peer is compared with Journal's cold build of the same articles: Hugo with Journal's own "
              "site, JBake with Journal building the JBake site (same content files, same templates)."
              + (" Hugo's cold builds took turns with Journal's, one of each after the other, and the targets "
                 "table judges the 10,000-article ratio by the median of the per-turn ratios."
                 if any("pair_ratio" in r for k, r in results.items() if k.startswith("hugo|")) else ""), "",
              "| articles | tool | wall s | CPU s | peak RSS MiB | runs | pages (HTML) / files | Journal wall s | "
              "Journal pages (HTML) / files | wall time | CPU time |",
              "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    peer_rows = 0
    for n in sizes:
        for tool, base in (("hugo", "journal"), ("journal-jbake-site", None), ("jbake", "journal-jbake-site")):
            r = get(results, tool, n, "cold")
            if not r:
                continue
            peer_rows += 1
            name = TOOL_NAMES[tool] + (" " + state["versions"]["hugo"] if tool == "hugo" else "")
            b = get(results, base, n, "cold") if base else None
            lines.append("| %s | %s | %s | %s | %.0f | %d | %d / %d | %s | %s | %s | %s |" % (
                "{:,}".format(n), name, fmt_s(r["wall"]), fmt_s(r["cpu"]), r["rss"], r["runs"], r["pages"],
                r["files"], fmt_s(b["wall"]) if b else "", "%d / %d" % (b["pages"], b["files"]) if b else "",
                journal_vs(r["wall"], b["wall"]) if b else "",
                journal_vs(r["cpu"], b["cpu"]) if b else ""))
    if not peer_rows:
        lines.append("| | no peer measured | | | | | | | | | |")
    for skipped in state.get("skipped", []):
        lines += ["", "Not measured: %s." % skipped]
    lines += ["", "## What is built", "",
              "- **Journal**: the corpus as `journal-bench corpus` writes it, with the engine's default theme: "
              "article pages with recommended articles (full-text recommender), citation files (BibTeX, RIS), "
              "paginated home, archive, tag and author pages each with RSS, Atom and JSON feeds, site feeds, "
              "sitemap and search index.",
              "- **Hugo**: bench/hugo, the same articles with Hugo front matter (title, date, summary, tags, "
              "authors), made to write what Journal writes: article pages with a table of contents and four "
              "related articles (`.Site.RegularPages.Related`, on tags, authors and date) and a BibTeX and a RIS "
              "file each, paginated home, section lists, tag and author pages each with RSS, Atom and JSON feeds "
              "of the latest 20 articles, the same three feeds for the whole journal, a search index of every "
              "article's plain text (Hugo's usual way to full-text search, where Journal writes an inverted "
              "index), sitemap. Hugo's related content uses front matter only, where Journal's recommender "
              "reads every article's text.",
              "- **JBake 2.7.0**: the same articles with JBake headers (`title=`, `date=`, `type=post`, `tags=`, "
              "`status=`, `~~~~~~`) and the Freemarker templates of bench/jbake/templates (post pages with "
              "neighbours, paginated home, archive, tag pages and tag index, RSS feed of the latest 20, "
              "sitemap, 404); no author pages and no related content. Journal builds the same folder for the ratio.",
              "", "Page counts differ with what each tool writes (JBake writes drafts as `-draft.html` pages; Hugo "
              "writes section lists and paginates taxonomies by its own rule). The raw numbers are in bench/target/results.json after a run.", ""]
    out_md.parent.mkdir(parents=True, exist_ok=True)
    out_md.write_text("\n".join(lines), encoding="utf-8")
    (out_md.parent / "benchmarks.svg").write_text(svg(results, state), encoding="utf-8")
    log("wrote %s and %s" % (out_md, out_md.parent / "benchmarks.svg"))


COLOURS = {"journal": "#9b1c1c", "journal-jbake-site": "#d9776b", "hugo": "#2c5f8a", "jbake": "#6b6b6b"}


def wall_target(results, n, scenario):
    """The wall-time target of a Journal row of the chart, as (seconds, strict), if it has one."""
    if n == 10_000 and scenario == "no-change":
        return 1.5, True
    if n == 10_000 and scenario == "edit-one":
        return 1.0, True
    if n == 10_000 and scenario == "cold" and get(results, "hugo", n, "cold"):
        return 0.5 * get(results, "hugo", n, "cold")["wall"], False
    if n == 50_000 and scenario == "cold" and get(results, "journal", 10_000, "cold"):
        return 5.5 * get(results, "journal", 10_000, "cold")["wall"], False
    return None


def verdict(ok):
    return "pass" if ok else "FAIL"


def svg(results, state):
    """Horizontal bars of wall time on a log scale, one panel per size."""
    panels = []
    for n in sorted({int(k.split("|")[1]) for k in results}):
        rows = []
        for sc in SCENARIOS:
            r = get(results, "journal", n, sc)
            if r:
                target = wall_target(results, n, sc)
                note = None
                if target:
                    limit, strict = target
                    note = "target %s %s s: %s" % ("<" if strict else "\u2264", fmt_s(limit),
                                                    verdict(r["wall"] < limit if strict else r["wall"] <= limit))
                rows.append(("journal", "Journal: " + SCENARIOS[sc], r["wall"], note, target and target[0]))
        j = get(results, "journal", n, "cold")
        h = get(results, "hugo", n, "cold")
        if h:
            rows.append(("hugo", "Hugo %s: cold build" % state["versions"]["hugo"], h["wall"],
                         journal_vs(h["wall"], j["wall"]) if j else None, None))
        js = get(results, "journal-jbake-site", n, "cold")
        if js:
            rows.append(("journal-jbake-site", "Journal, JBake site: cold", js["wall"], None, None))
        jb = get(results, "jbake", n, "cold")
        if jb:
            note = journal_vs(jb["wall"], js["wall"]) if js else None
            if js and n == 5_000:
                note += "; target \u2265 100x: %s" % verdict(jb["wall"] / js["wall"] >= 100)
            rows.append(("jbake", "JBake 2.7.0, JBake site: cold", jb["wall"], note, None))
        if rows:
            panels.append((n, rows))
    walls = [v for _, rows in panels for r in rows for v in (r[2], r[4]) if v] or [1.0]
    lo = 10 ** math.floor(math.log10(max(min(walls), 0.01)))
    hi = 10 ** math.ceil(math.log10(max(walls) * 1.05))
    width, left, right = 940, 250, 260
    plot = width - left - right
    bar, gap, panel_gap, top = 18, 6, 34, 78 + (18 if state.get("note") else 0)

    def x(v):
        return left + plot * (math.log10(max(v, lo)) - math.log10(lo)) / (math.log10(hi) - math.log10(lo))

    height = top + sum(len(rows) * (bar + gap) + panel_gap for _, rows in panels) + 40
    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" '
           'font-family="Helvetica, Arial, sans-serif" font-size="12" role="img" aria-labelledby="title desc">'
           % (width, height, width, height),
           '<title id="title">Build wall time, seconds, log scale: shorter is better</title>',
           '<desc id="desc">Journal\'s cold build and rebuilds, and Hugo\'s and JBake\'s cold builds of the same '
           'articles, per corpus size. %s</desc>' % html.escape(state["date"]),
           '<rect width="100%" height="100%" fill="#ffffff"/>',
           '<text x="16" y="26" font-size="16" font-weight="bold">Build wall time in seconds, log scale '
           '(shorter is better)</text>',
           '<text x="16" y="46" fill="#444">Each build a fresh process, JVM start included; median of the runs. '
           '%s, %s cores.</text>' % (html.escape(state["date"]), state["machine"]["cores"])]
    if state.get("note"):
        out.append('<text x="16" y="64" fill="#9b1c1c">%s</text>' % html.escape(state["note"]))
    ly = top - 22
    # legend
    lx = 16
    for tool, label in (("journal", "Journal"), ("journal-jbake-site", "Journal on the JBake site"),
                        ("hugo", "Hugo"), ("jbake", "JBake 2.7.0")):
        out.append('<rect x="%d" y="%d" width="12" height="12" fill="%s"/>' % (lx, ly, COLOURS[tool]))
        out.append('<text x="%d" y="%d">%s</text>' % (lx + 16, ly + 10, label))
        lx += 34 + int(5.9 * len(label))
    out.append('<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="#000" stroke-width="2" stroke-dasharray="3,2"/>'
               % (lx, ly, lx, ly + 12))
    out.append('<text x="%d" y="%d">target</text>' % (lx + 6, ly + 10))
    y = top
    decades = []
    d = lo
    while d <= hi * 1.0001:
        decades.append(d)
        d *= 10
    for n, rows in panels:
        ph = len(rows) * (bar + gap)
        out.append('<text x="16" y="%d" font-size="13" font-weight="bold">%s articles</text>' % (y + 8, "{:,}".format(n)))
        y += 16
        for dv in decades:
            gx = x(dv)
            out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#dddddd"/>' % (gx, y - 4, gx, y + ph))
            out.append('<text x="%.1f" y="%d" text-anchor="middle" fill="#666" font-size="10">%s s</text>'
                       % (gx, y + ph + 11, ("%g" % dv)))
        for tool, label, wall, note, target in rows:
            out.append('<text x="%d" y="%d" text-anchor="end">%s</text>' % (left - 8, y + 13, html.escape(label)))
            w = max(1.0, x(wall) - left)
            out.append('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"><title>%s: %.2f s</title></rect>'
                       % (left, y, w, bar, COLOURS[tool], html.escape(label), wall))
            text = "%s s" % fmt_s(wall) + (" (%s)" % note if note else "")
            end = max(left + w, x(target) + 1 if target else 0)
            out.append('<text x="%.1f" y="%d">%s</text>' % (end + 5, y + 13, html.escape(text)))
            if target:
                tx = x(target)
                out.append('<line x1="%.1f" y1="%d" x2="%.1f" y2="%d" stroke="#000" stroke-width="2" '
                           'stroke-dasharray="3,2"><title>target: %.2f s</title></line>'
                           % (tx, y - 2, tx, y + bar + 2, target))
            y += bar + gap
        y += panel_gap
    out.append("</svg>")
    return "\n".join(out) + "\n"


# --- main ------------------------------------------------------------------------------------------

def parse_sizes(text):
    """Sizes written as 1000,10_000; empty or "none" for none."""
    if text.strip().lower() == "none":
        return []
    try:
        return [int(s.strip().replace("_", "")) for s in text.split(",") if s.strip()]
    except ValueError:
        sys.exit("bench.py: sizes are whole numbers separated by commas, or none: %r" % text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,10000,50000", help="corpus sizes for Journal and Hugo (default: %(default)s)")
    ap.add_argument("--runs", type=int, default=3, help="runs per figure, median reported (default: %(default)s)")
    ap.add_argument("--large-runs", type=int, default=1,
                    help="runs per figure for sizes of %s and above (default: %%(default)s)" % "{:,}".format(LARGE))
    ap.add_argument("--scenarios", default=",".join(SCENARIOS),
                    help="Journal scenarios, of %s (default: all)" % ", ".join(SCENARIOS))
    ap.add_argument("--no-peers", action="store_true", help="time Journal only")
    ap.add_argument("--hugo-sizes", default=None,
                    help="sizes (of --sizes) at which Hugo is timed too (default: all; Hugo needs about 19 GB "
                         "and ten minutes or more at 50,000 articles); with --merge, earlier Hugo rows stay")
    ap.add_argument("--jbake-sizes", default="1000,5000",
                    help="sizes at which to time stock JBake (once each; slow: minutes at 5,000 articles) and "
                         "Journal on the same JBake site; empty or none for none (default: %(default)s)")
    ap.add_argument("--java-opts", default="", help="JVM options added to the launcher's for Journal's builds, e.g. '-Xmx1g' "
                         "(default: none)")
    ap.add_argument("--preview-sizes", default="1000",
                    help="sizes (of --sizes) at which the preview server is timed too (default: %(default)s; "
                         "'' for none)")
    ap.add_argument("--preview-edits", type=int, default=20, help="timed edits of the preview (default: %(default)s)")
    ap.add_argument("--work", default=str(ROOT / "bench" / "target"), help="working folder (default: bench/target)")
    ap.add_argument("--merge", action="store_true",
                    help="add to the results of earlier runs in the working folder instead of replacing them")
    ap.add_argument("--report-only", action="store_true",
                    help="measure nothing: write the report again from results.json in the working folder")
    ap.add_argument("--note", default="", help="a sentence to put at the top of the report")
    ap.add_argument("--report", default=str(ROOT / "docs" / "BENCHMARKS.md"),
                    help="where to write the report; the chart goes next to it as benchmarks.svg "
                         "(default: docs/BENCHMARKS.md)")
    args = ap.parse_args()

    scenarios = [s.strip() for s in args.scenarios.split(",") if s.strip()]
    unknown = [s for s in scenarios if s not in SCENARIOS]
    if unknown:
        ap.error("unknown scenario(s) %s; known: %s" % (", ".join(unknown), ", ".join(SCENARIOS)))
    for jar in (JAR, LAUNCHER, BENCH_JAR):
        if not jar.exists():
            raise SystemExit("%s is missing: build first, from %s:\n  mvn -B -q install -DskipTests -Djournal.skip=true"
                             % (jar.relative_to(ROOT), ROOT))
    work = Path(args.work).resolve()
    logs = work / "logs"
    logs.mkdir(parents=True, exist_ok=True)
    results_file = work / "results.json"
    if args.report_only:
        if not results_file.exists():
            raise SystemExit("no results to report: %s is missing" % results_file)
        state = json.loads(results_file.read_text())
        if args.note:
            state["note"] = args.note
            results_file.write_text(json.dumps(state, indent=1, sort_keys=True))
        write_report(state, Path(args.report))
        return
    state = {"results": {}, "commands": [], "skipped": []}
    if args.merge and results_file.exists():
        state = json.loads(results_file.read_text())
    command = "python3 bench/bench.py" + "".join(" " + shlex.quote(a) for a in sys.argv[1:])
    state["commands"] = [c for c in state.get("commands", []) if c != command] + [command]
    state["date"] = datetime.date.today().isoformat()
    state["machine"] = machine()
    state["commit"] = git_commit()
    state["note"] = args.note or state.get("note", "")
    state.setdefault("versions", {})
    state["skipped"] = []
    results = state["results"]
    java_opts = shlex.split(args.java_opts)
    state["java_opts"] = java_opts
    journal = Journal(work, logs, java_opts)
    if java_opts:
        os.environ["JOURNAL_JAVA_OPTS"] = " ".join(java_opts)
    else:
        os.environ.pop("JOURNAL_JAVA_OPTS", None)
    TRASH[0] = work / "trash"
    empty_trash()

    def save():
        results_file.write_text(json.dumps(state, indent=1, sort_keys=True))

    preview_sizes = set(parse_sizes(args.preview_sizes))
    hugo = None if args.no_peers else shutil.which("hugo")
    if not args.no_peers and not hugo:
        log("Hugo: skipped (no `hugo` on the PATH; Debian: apt-get install hugo)")
        state["skipped"].append("Hugo (not installed)")
    if hugo:
        state["versions"]["hugo"] = hugo_version(hugo)

    sizes = parse_sizes(args.sizes)
    hugo_sizes = None if args.hugo_sizes is None else set(parse_sizes(args.hugo_sizes))
    if hugo_sizes and not hugo_sizes <= set(sizes):
        log("--hugo-sizes: %s not among --sizes, so not timed" % ", ".join(
            "{:,}".format(n) for n in sorted(hugo_sizes - set(sizes))))
    for n in sizes:
        runs = args.large_runs if n >= LARGE else args.runs
        corpus = generate(n, work, logs)
        with_hugo = hugo and (hugo_sizes is None or n in hugo_sizes)
        paired = with_hugo and "cold" in scenarios
        # a large corpus's cold builds each follow a cold build of the 10,000-article one
        references = []
        before_cold = None
        if n >= LARGE and REFERENCE in sizes and "cold" in scenarios:
            reference_corpus = generate(REFERENCE, work, logs)

            def before_cold():
                references.append(journal.reference(REFERENCE, reference_corpus))
        if paired:
            j, h, failed = cold_side_by_side(journal, hugo, n, corpus, runs, work, logs, before_cold)
            scale_turns(j, references)
            results[key("journal", n, "cold")] = j
            if h:
                results[key("hugo", n, "cold")] = h
            else:
                state["skipped"].append("Hugo at %d articles (failed: %s)" % (n, failed))
            save()
        for sc, r in journal.scenarios(n, corpus, runs, [s for s in scenarios if not (paired and s == "cold")],
                                       before_cold).items():
            if sc == "cold":
                scale_turns(r, references)
                # an earlier run's Hugo row stays, but its per-turn ratios were with that run's Journal builds
                earlier = results.get(key("hugo", n, "cold"))
                if earlier:
                    earlier.pop("pair_ratio", None)
                    earlier.pop("pair_ratios", None)
            results[key("journal", n, sc)] = r
        save()
        if n in preview_sizes:
            try:
                results[key("journal-preview", n, "edit")] = run_preview(n, corpus, logs, args.preview_edits)
            except (RunFailed, OSError, subprocess.TimeoutExpired) as e:
                log("Preview, %d articles: failed: %s" % (n, e))
                state["skipped"].append("the preview at %d articles (failed: %s)" % (n, e))
            save()
        if with_hugo and not paired:
            try:
                results[key("hugo", n, "cold")] = run_hugo(hugo, n, corpus, runs, work, logs)
            except (RunFailed, OSError) as e:
                log("Hugo, %d articles: failed, left out: %s" % (n, e))
                state["skipped"].append("Hugo at %d articles (failed: %s)" % (n, e))
            save()

    jbake_sizes = [] if args.no_peers else parse_sizes(args.jbake_sizes)
    lib = jbake_lib(work, logs) if jbake_sizes else None
    if jbake_sizes and not lib:
        state["skipped"].append("JBake 2.7.0 (could not be fetched with Maven)")
    for n in jbake_sizes:
        corpus = generate(n, work, logs)
        site = jbake_site(corpus, work, n)
        results[key("journal-jbake-site", n, "cold")] = journal.cold_on(site, n, args.large_runs if n >= LARGE else args.runs)
        save()
        if lib:
            try:
                results[key("jbake", n, "cold")] = run_jbake(lib, site, n, 1, work, logs)
            except (RunFailed, OSError) as e:
                log("JBake, %d articles: failed, left out: %s" % (n, e))
                state["skipped"].append("JBake at %d articles (failed: %s)" % (n, e))
            save()

    save()
    empty_trash()
    write_report(state, Path(args.report))


if __name__ == "__main__":
    main()
