#!/usr/bin/env python3
"""Where the CPU of this box went over a window, by process group (scripts/bench runs it).

    cpu-split.py [--oneline] <delay-seconds> <window-seconds> [<node-pid> [<postmaster-pid>]]

Sleeps <delay>, reads /proc, sleeps <window>, reads /proc again and prints the CPU each group used
in between, in % of one core (a 2-core box has 200 %), plus the whole box's busy/iowait/idle from
/proc/stat. Groups: the Booker node's JVM (<node-pid>), its children (the embedded Kafka JVM and
Redis), the backends of the PostgreSQL server <postmaster-pid> by database and its own processes
(WAL writer, checkpointer, ...), other PostgreSQL servers and JVMs (builds and tests running
beside), wrk, pgbench, everything else. Two snapshots only, so it costs nothing during the window; a process that
exits inside the window is missed (wrk and the servers do not).
"""
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def group(pid, comm, ppid, node, pg):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        cmd = ""
    if node and pid == node:
        return "java: Booker node (gateway, venue, booking, notify)"
    if node and ppid == node:
        return "java: Kafka (embedded broker)" if comm == "java" else comm + " (child of the node)"
    if comm == "postgres" or cmd.startswith("postgres:"):
        if pg and pid != pg and ppid != pg:
            return "postgres: other servers (tests)"
        if cmd.startswith("postgres: ") and "(" in cmd and len(cmd.split()) >= 3:
            return "postgres: backends of db " + cmd.split()[2]
        return "postgres: server processes (WAL writer, checkpointer, ...)"
    if comm == "java":
        return "java: other (builds, tests)"
    if comm.startswith("redis"):
        return "redis"
    if comm in ("wrk", "pgbench", "psql"):
        return comm
    return "other"


def short(name):
    for prefix, label in (("java: Booker", "node"), ("java: Kafka", "kafka"), ("java: other", "other JVMs"),
                          ("postgres: backends of db ", "pg "), ("postgres: server", "pg server"),
                          ("postgres: other", "other pg servers"), ("redis", "redis")):
        if name.startswith(prefix):
            return label + (name[len(prefix):] if prefix.endswith("db ") else "")
    return name


def snapshot():
    out = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                raw = f.read()
        except OSError:
            continue
        comm = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 2:].split()
        ticks = int(fields[11]) + int(fields[12])  # utime + stime
        out[pid] = (comm, ticks, fields[19], fields[1])  # starttime tells a reused pid apart
    return out


def box():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    idle, iowait = v[3], v[4]
    return sum(v), idle, iowait


def main():
    args = sys.argv[1:]
    oneline = args[:1] == ["--oneline"]
    if oneline:
        args = args[1:]
    delay, window = float(args[0]), float(args[1])
    node = args[2] if len(args) > 2 else ""
    pg = args[3] if len(args) > 3 else ""
    time.sleep(delay)
    a, box_a, t_a = snapshot(), box(), time.time()
    time.sleep(window)
    b, box_b, t_b = snapshot(), box(), time.time()
    secs = t_b - t_a
    used = {}
    names = {}
    for pid, (comm, ticks, start, ppid) in b.items():
        before = a[pid][1] if pid in a and a[pid][2] == start else 0
        if pid not in names:
            names[pid] = group(pid, comm, ppid, node, pg)
        used[names[pid]] = used.get(names[pid], 0) + (ticks - before)
    total = box_b[0] - box_a[0]
    ncpu = os.cpu_count() or 1
    busy = 100.0 * ncpu * (total - (box_b[1] - box_a[1]) - (box_b[2] - box_a[2])) / total if total else 0
    iowait = 100.0 * ncpu * (box_b[2] - box_a[2]) / total if total else 0
    if oneline:
        parts = [f"{short(name)} {100.0 * ticks / TICK / secs:.0f}"
                 for name, ticks in sorted(used.items(), key=lambda kv: -kv[1]) if 100.0 * ticks / TICK / secs >= 0.5]
        print(f"CPU % of one core over {secs:.0f} s: box busy {busy:.0f} of {100 * ncpu}; " + ", ".join(parts))
        return
    print(f"CPU over {secs:.0f} s, % of one core ({ncpu} cores = {100 * ncpu} %): "
          f"box busy {busy:.0f} %, iowait {iowait:.0f} %, idle {100 * ncpu - busy - iowait:.0f} %")
    for name, ticks in sorted(used.items(), key=lambda kv: -kv[1]):
        pct = 100.0 * ticks / TICK / secs
        if pct >= 0.5:
            print(f"  {pct:6.1f} %  {name}")


if __name__ == "__main__":
    main()
