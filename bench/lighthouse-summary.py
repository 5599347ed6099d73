#!/usr/bin/env python3
"""Summaries for bench/web.sh.

    lighthouse-summary.py urls DIR      every URL the Lighthouse reports in DIR requested, once each
    lighthouse-summary.py summary DIR   the results table, the app's boot set, uncompressed
                                        responses, and the targets; exit 2 when a run failed or
                                        the app was not signed in, else 3 when a target is missed
    lighthouse-summary.py rsvp DIR      bench/guests.sh: the RSVP page's runs (lh-rsvp-mobile-<run>.json),
                                        what it loaded and its targets; exit codes as summary's

DIR holds lh-<page>-<preset>-<run>.json (Lighthouse JSON reports), boot-set.json and
http-checks.tsv, as bench/web.sh writes them.
"""
import glob
import json
import os
import re
import sys

PAGES = ("landing", "login", "app")       # http://localhost:PORT/, demo.localhost /login and /app/
PUBLIC_MAX_BYTES = 100_000      # "under 100 KB"
PUBLIC_MIN_SCORE = 90
APP_MAX_BYTES = 3_000_000       # "under 3 MB", decimal (the stricter reading; MiB shown as well)
RSVP_MAX_BYTES = 50_000         # a guest's RSVP page: "at most 50 KB"
RSVP_MIN_SCORE = 95
# Content types worth compressing (text, scripts, WebAssembly, JSON, SVG, manifests).
COMPRESSIBLE = re.compile(r"text/|javascript|json|wasm|svg|xml|manifest")


def reports(directory):
    """{(page, preset): [run, ...]} from lh-<page>-<preset>-<run>.json."""
    found = {}
    for path in sorted(glob.glob(os.path.join(directory, "lh-*-*-*.json"))):
        m = re.fullmatch(r"lh-(\w+)-(mobile|desktop)-(\d+)\.json", os.path.basename(path))
        if not m:
            continue
        with open(path, encoding="utf-8") as f:
            lh = json.load(f)
        audits = lh["audits"]

        def value(key):
            return (audits.get(key) or {}).get("numericValue")
        score = lh["categories"]["performance"]["score"]
        requests = (audits.get("network-requests", {}).get("details") or {}).get("items", [])
        found.setdefault((m.group(1), m.group(2)), []).append({
            "run": int(m.group(3)),
            "file": os.path.basename(path),
            "version": lh.get("lighthouseVersion"),
            "error": (lh.get("runtimeError") or {}).get("code"),
            "warnings": lh.get("runWarnings") or [],
            "score": None if score is None else round(score * 100),
            "bytes": value("total-byte-weight"),
            "fcp": value("first-contentful-paint"),
            "lcp": value("largest-contentful-paint"),
            "tti": value("interactive"),
            "tbt": value("total-blocking-time"),
            "cls": value("cumulative-layout-shift"),
            "requests": requests,
            "final_url": lh.get("finalDisplayedUrl") or lh.get("finalUrl") or "",
        })
    return found


def median_run(runs):
    """The run with the median performance score (the lower middle of an even count)."""
    ok = [r for r in runs if r["score"] is not None and not r["error"]]
    if not ok:
        return None
    ok.sort(key=lambda r: (r["score"], -(r["tti"] or 0)))
    return ok[(len(ok) - 1) // 2]


def fullest_run(runs):
    """The valid run with the most bytes: Lighthouse now and then records a response's size as 0
    (a 200, not from cache), which only ever lowers a run's total."""
    ok = [r for r in runs if r["bytes"] is not None and not r["error"]]
    return max(ok, key=lambda r: r["bytes"]) if ok else None


def kb(n):
    return f"{n / 1000:,.1f} KB"


def seconds(ms):
    return "-" if ms is None else f"{ms / 1000:.1f} s"


def urls(directory):
    seen = []
    for runs in reports(directory).values():
        for run in runs:
            for item in run["requests"]:
                url = item.get("url", "")
                if url.startswith("http") and url not in seen:
                    seen.append(url)
    print("\n".join(seen))


def results_table(found, presets, pages, out):
    """The table of each page's median run; returns the runs that failed."""
    out("Lighthouse: score and times of the median run of each page (by performance score); bytes = "
        "total-byte-weight, what the browser transferred (compressed, headers included), the most of the runs")
    out("")
    out(f"{'page':<8} {'preset':<8} {'score':>5} {'(min-max)':>10} {'bytes':>11} {'requests':>8} "
        f"{'FCP':>7} {'LCP':>7} {'TTI':>7} {'TBT':>9} {'CLS':>6}")
    failed = []
    for preset in presets:
        for page in pages:
            runs = found.get((page, preset), [])
            failed += [f"{r['file']}: {r['error']}" for r in runs if r["error"] or r["score"] is None]
            best = median_run(runs)
            if best is None:
                out(f"{page:<8} {preset:<8} {'no valid run':>5}")
                continue
            scores = [r["score"] for r in runs if r["score"] is not None]
            byte_counts = sorted({r["bytes"] for r in runs if r["bytes"] is not None})
            most = fullest_run(runs)
            out(f"{page:<8} {preset:<8} {best['score']:>5} {f'({min(scores)}-{max(scores)})':>10} "
                f"{most['bytes']:>11,.0f} {len(most['requests']):>8} {seconds(best['fcp']):>7} "
                f"{seconds(best['lcp']):>7} {seconds(best['tti']):>7} {best['tbt']:>6,.0f} ms "
                f"{best['cls']:>6.3f}")
            if len(byte_counts) > 1:
                out(f"{'':<17} bytes over the runs: {byte_counts[0]:,.0f}-{byte_counts[-1]:,.0f}")
            for warning in {w for r in runs for w in r["warnings"]}:
                out(f"{'':<17} Lighthouse warning: {warning}")
    out("")
    return failed


def rsvp(directory):
    """bench/guests.sh: a household's RSVP page (lh-rsvp-mobile-<run>.json), its table row, what it loaded and its targets."""
    found = reports(directory)
    lines = []
    out = lines.append
    failed = results_table(found, ["mobile"], ["rsvp"], out)
    best = median_run(found.get(("rsvp", "mobile"), []))
    most = fullest_run(found.get(("rsvp", "mobile"), []))
    if best is None or most is None:
        out("  rsvp: no valid run")
        print("\n".join(lines))
        return 2
    for item in most["requests"]:
        out(f"  {item.get('transferSize') or 0:>8,} bytes  {item.get('statusCode')}  {item.get('mimeType', '')}  {item.get('url')}")
    ok_bytes = most["bytes"] <= RSVP_MAX_BYTES
    ok_score = best["score"] >= RSVP_MIN_SCORE
    out(f"Targets (mobile): <= {RSVP_MAX_BYTES // 1000} KB transferred: {most['bytes']:,.0f} bytes  {'met' if ok_bytes else 'MISSED'};  "
        f"performance >= {RSVP_MIN_SCORE}: {best['score']}  {'met' if ok_score else 'MISSED'}")
    if failed:
        out("INCOMPLETE: Lighthouse runs failed: " + "; ".join(failed))
    print("\n".join(lines))
    return 2 if failed else 0 if ok_bytes and ok_score else 3


def summary(directory):
    found = reports(directory)
    presets = sorted({preset for _, preset in found}, key=lambda p: p != "mobile")
    judged = presets[0] if presets else None
    lines = []
    out = lines.append

    failed = results_table(found, presets, PAGES, out)

    # What the app shell transfers, by kind (the judged preset's run with the most bytes).
    app = fullest_run(found.get(("app", judged), [])) if judged else None
    app_median = median_run(found.get(("app", judged), [])) if judged else None
    if app:
        groups = {}
        for item in app["requests"]:
            url = item.get("url", "")
            size = item.get("transferSize") or 0
            if "/_framework/" in url:
                kind = "_framework (runtime, assemblies, loaders)"
            elif "/_content/" in url:
                kind = "_content (MudBlazor CSS and JS)"
            elif "/api/" in url:
                kind = "API calls (JSON)"
            elif item.get("resourceType") == "Document":
                kind = "HTML (the shell)"
            else:
                kind = "other (app CSS and JS, manifest, icon)"
            count, total = groups.get(kind, (0, 0))
            groups[kind] = (count + 1, total + size)
        out(f"App shell, {judged} run {app['run']}: {app['bytes']:,.0f} bytes transferred = "
            f"{app['bytes'] / 1e6:.2f} MB = {app['bytes'] / 2**20:.2f} MiB, {len(app['requests'])} requests")
        for kind, (count, total) in sorted(groups.items(), key=lambda kv: -kv[1][1]):
            out(f"  {total:>11,} bytes  {count:>3} requests  {kind}")
        largest = sorted(app["requests"], key=lambda i: -(i.get("transferSize") or 0))[:8]
        out("  largest: " + ", ".join(f"{os.path.basename(i['url'].rstrip('/')) or i['url']} "
                                      f"{kb(i.get('transferSize') or 0)}" for i in largest))
        out("")

    # The app runs must have stayed signed in: still on /app/, and the API calls answered.
    for preset in presets:
        for run in found.get(("app", preset), []):
            api = [i for i in run["requests"] if "/api/" in i.get("url", "")]
            refused = [f"{i['url']} {i.get('statusCode')}" for i in api if i.get("statusCode") != 200]
            if "/app/" not in run["final_url"] or not api or refused:
                out(f"WARNING: {run['file']} may not show the signed-in app: final URL {run['final_url']}, "
                    f"{len(api)} API calls" + (f", not 200: {', '.join(refused)}" if refused else ""))
                failed.append(f"{run['file']}: not signed in")

    # The published boot set, as a cross-check of the _framework transfers.
    boot_path = os.path.join(directory, "boot-set.json")
    if os.path.exists(boot_path):
        with open(boot_path, encoding="utf-8") as f:
            boot = json.load(f)
        files = boot["files"]
        raw = sum(f["raw"] or 0 for f in files)
        br = sum(f["br"] or 0 for f in files)
        gz = sum(f["gz"] or 0 for f in files)
        out(f"Boot set (published wwwroot/app/_framework: the boot configuration's resources + dotnet.js "
            f"+ blazor.webassembly.js): {len(files)} files, raw {raw:,} bytes, brotli {br:,} bytes "
            f"({br / 1e6:.2f} MB), gzip {gz:,} bytes; globalization {boot.get('globalizationMode')}, "
            f"trimmed {boot.get('linkerEnabled')}")
        if app:
            fw = sum(i.get("transferSize") or 0 for i in app["requests"] if "/_framework/" in i.get("url", ""))
            fw_count = sum(1 for i in app["requests"] if "/_framework/" in i.get("url", ""))
            out(f"  cross-check: Lighthouse saw {fw_count} _framework requests, {fw:,} bytes "
                f"({fw - br:+,} bytes vs the brotli files: response headers)")
        out("  largest (brotli): " + ", ".join(
            f"{f['name']} {kb(f['br'] or 0)}" for f in sorted(files, key=lambda f: -(f["br"] or 0))[:10]))
        missing = [f["name"] for f in files if f["br"] is None]
        if missing:
            out(f"  NO brotli file for: {', '.join(missing)}")
        if boot.get("not_in_boot_set"):
            out(f"  published but not in the boot set: {', '.join(boot['not_in_boot_set'])}")
        out("")

    # Responses that were not compressed, or not 200, when asked again with curl.
    checks_path = os.path.join(directory, "http-checks.tsv")
    if os.path.exists(checks_path):
        plain, bad = [], []
        with open(checks_path, encoding="utf-8") as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                if len(cells) < 6:
                    continue
                url, status, size, ctype, encoding, cache = cells[:6]
                if status not in ("200", "304"):
                    bad.append(f"{url} {status}")
                elif encoding == "-" and COMPRESSIBLE.search(ctype) and int(size) > 0:
                    plain.append(f"{url} ({ctype.split(';')[0]}, {int(size):,} bytes, Cache-Control: {cache})")
        out("Responses sent uncompressed (asked with Accept-Encoding: br, gzip): "
            + (str(len(plain)) if plain else "none"))
        for p in plain:
            out(f"  {p}")
        if bad:
            out("Not 200 when asked again: " + ", ".join(bad))
        out("")

    # Targets, on the judged preset's median runs.
    missed = False
    out(f"Targets ({judged} preset; scores of the median runs, bytes the most of the runs):")
    for page in ("landing", "login"):
        best = median_run(found.get((page, judged), []))
        most = fullest_run(found.get((page, judged), []))
        if best is None or most is None:
            out(f"  {page}: no valid run")
            missed = True
            continue
        ok_bytes = most["bytes"] < PUBLIC_MAX_BYTES
        ok_score = best["score"] >= PUBLIC_MIN_SCORE
        missed |= not (ok_bytes and ok_score)
        out(f"  {page:<8} < {PUBLIC_MAX_BYTES // 1000} KB transferred: {most['bytes']:,.0f} bytes  "
            f"{'met' if ok_bytes else 'MISSED'};  performance >= {PUBLIC_MIN_SCORE}: {best['score']}  "
            f"{'met' if ok_score else 'MISSED'}")
    if app:
        ok = app["bytes"] < APP_MAX_BYTES
        missed |= not ok
        out(f"  app      < 3 MB ({APP_MAX_BYTES:,} bytes) transferred: {app['bytes']:,.0f} bytes  "
            f"{'met' if ok else 'MISSED'}  (3 MiB = {3 * 2**20:,} bytes: "
            f"{'met' if app['bytes'] < 3 * 2**20 else 'MISSED'}); performance {app_median['score']} (no target)")
    else:
        out("  app: no valid run")
        missed = True
    if failed:
        out("INCOMPLETE: Lighthouse runs failed: " + "; ".join(failed))
    print("\n".join(lines))
    return 2 if failed else 3 if missed else 0


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("urls", "summary", "rsvp"):
        sys.exit(__doc__)
    if sys.argv[1] == "urls":
        urls(sys.argv[2])
        return 0
    return rsvp(sys.argv[2]) if sys.argv[1] == "rsvp" else summary(sys.argv[2])


if __name__ == "__main__":
    sys.exit(main())
