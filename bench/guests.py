"""API steps of bench/guests.sh (see bench/README.md, "The guest list"). Standard library only.

  guests.py links BASE TENANT TOKEN WEDDING COUNT          RSVP links of the wedding's first COUNT households, one path a line
  guests.py rsvp-script BASE HOST PATHS_FILE OUT_LUA_DATA  visits each RSVP page once as a guest's browser does and writes, for
                                                           bench/rsvp.lua, the antiforgery cookie and each page's answer (everyone
                                                           coming to every event) with the page's form token
  guests.py import BASE TENANT TOKEN WEDDING FILE PID      previews and then imports FILE, following a 202's Location to the end;
                                                           prints seconds and the server's peak resident memory (VmHWM of PID,
                                                           reset before each step through /proc/PID/clear_refs)
"""
import http.client
import json
import re
import sys
import time
import urllib.parse
import uuid


def connect(base):
    url = urllib.parse.urlsplit(base)
    return http.client.HTTPConnection(url.hostname, url.port, timeout=600)


def call(connection, method, path, headers, body=None, expect=(200,)):
    connection.request(method, path, body=body, headers=headers)
    response = connection.getresponse()
    content = response.read()
    if response.status not in expect:
        sys.exit(f"guests-bench: {method} {path} answered {response.status}: {content[:500]!r}")
    return response, content


def links(base, tenant, token, wedding, count):
    connection = connect(base)
    headers = {"X-Tenant": tenant, "Authorization": f"Bearer {token}"}
    households = f"/api/v1/weddings/{wedding}/households"
    _, content = call(connection, "GET", f"{households}?page=1&pageSize={count}", headers)
    for household in json.loads(content)["items"]:
        _, issued = call(connection, "POST", f"{households}/{household['id']}/rsvp-link", headers)
        print(urllib.parse.urlsplit(json.loads(issued)["url"]).path)


def rsvp_script(base, host, paths_file, out):
    """Line 1: the Cookie header; then a line per page: path, tab, the urlencoded answer."""
    connection = connect(base)
    cookie = None
    lines = []
    for path in open(paths_file, encoding="utf-8").read().split():
        headers = {"Host": host}
        if cookie:
            headers["Cookie"] = cookie
        response, content = call(connection, "GET", path, headers)
        for set_cookie in response.headers.get_all("Set-Cookie") or []:
            if set_cookie.startswith(".AspNetCore.Antiforgery."):
                cookie = set_cookie.split(";", 1)[0]
        html = content.decode()
        form = {"_handler": "rsvp", "__RequestVerificationToken": re.search(r'<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"', html).group(1)}
        form.update({name: "attending" for name in sorted(set(re.findall(r'name="(a-[0-9a-f]{32}-[0-9a-f]{32})"', html)))})
        form.update({name: "1" for name in sorted(set(re.findall(r'name="(n-[0-9a-f]{32})"', html)))})
        if len(form) == 2:
            sys.exit(f"guests-bench: no question to answer on {path}")
        lines.append(f"{path}\t{urllib.parse.urlencode(form)}")
    if not cookie:
        sys.exit("guests-bench: the RSVP page set no antiforgery cookie")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join([cookie] + lines) + "\n")


def peak_kib(pid):
    status = open(f"/proc/{pid}/status", encoding="ascii").read()
    return {key: int(re.search(rf"^{key}:\s+(\d+) kB", status, re.M).group(1)) for key in ("VmHWM", "VmRSS")}


def reset_peak(pid):
    with open(f"/proc/{pid}/clear_refs", "w", encoding="ascii") as f:
        f.write("5")  # 5: reset the peak resident set size (VmHWM) to the current one


def multipart(file_name, content):
    boundary = uuid.uuid4().hex
    media = "text/csv" if file_name.endswith(".csv") else "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{file_name}\"\r\nContent-Type: {media}\r\n\r\n".encode()
            + content + f"\r\n--{boundary}--\r\n".encode())
    return body, f"multipart/form-data; boundary={boundary}"


def run_import(base, tenant, token, wedding, file_path, pid):
    connection = connect(base)
    headers = {"X-Tenant": tenant, "Authorization": f"Bearer {token}"}
    content = open(file_path, "rb").read()
    name = file_path.rsplit("/", 1)[-1]
    print(f"file:       {name}, {len(content):,} bytes")
    before = peak_kib(pid)
    print(f"server:     {before['VmRSS'] / 1024:.0f} MiB resident before")
    for step, path in (("preview", f"/api/v1/weddings/{wedding}/guest-imports/preview"), ("import", f"/api/v1/weddings/{wedding}/guest-imports")):
        reset_peak(pid)
        body, media = multipart(name, content)
        began = time.perf_counter()
        response, answer = call(connection, "POST", path, {**headers, "Content-Type": media}, body, expect=(200, 201, 202))
        answered = time.perf_counter() - began
        polls = 0
        if response.status == 202:
            location = response.headers["Location"]
            while True:
                polls += 1
                time.sleep(0.1)
                _, answer = call(connection, "GET", urllib.parse.urlsplit(location).path, headers)
                state = json.loads(answer)
                if str(state.get("status", "")).lower() not in ("queued", "pending", "running", "processing", "started"):
                    break
        done = time.perf_counter() - began
        peak = peak_kib(pid)
        summary = json.loads(answer)
        counts = {key: value for key, value in summary.items() if isinstance(value, (int, str)) and key not in ("id",)} if isinstance(summary, dict) else {}
        followed = f" (answered {response.status} in {answered:.2f} s, then {polls} status reads)" if polls else f" ({response.status})"
        print(f"{step + ':':<11} {done:6.2f} s{followed}; server peak {peak['VmHWM'] / 1024:.0f} MiB resident, "
              f"{(peak['VmHWM'] - before['VmRSS']) / 1024:+.0f} MiB over the start; {len(answer):,} bytes answered; {json.dumps(counts)[:300]}")


def main():
    command = sys.argv[1]
    if command == "links":
        links(*sys.argv[2:6], int(sys.argv[6]))
    elif command == "rsvp-script":
        rsvp_script(*sys.argv[2:6])
    elif command == "import":
        run_import(*sys.argv[2:8])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
