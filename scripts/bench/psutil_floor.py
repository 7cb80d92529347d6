"""The floor `autoinfrasnap snap` is measured against: Python + psutil collecting the same sections
(host, cpu, memory, swap, disks, network, ports, processes top 15, users, sensors) with no sampling
window, serialised to JSON. Services and containers are absent on the bench machine for both tools."""
import json
import os
import platform
import socket
import sys
import time

import psutil


def top(procs, key, n=15):
    return sorted(procs, key=lambda p: p.get(key) or 0, reverse=True)[:n]


def main():
    snap = {"taken_at": time.time()}
    u = platform.uname()
    snap["host"] = {"hostname": socket.gethostname(), "kernel": u.release, "arch": u.machine,
                    "boot_time": psutil.boot_time(), "os": platform.freedesktop_os_release() if hasattr(platform, "freedesktop_os_release") else {}}
    snap["cpu"] = {"logical": psutil.cpu_count(), "physical": psutil.cpu_count(logical=False),
                   "freq": psutil.cpu_freq()._asdict() if psutil.cpu_freq() else None,
                   "times": psutil.cpu_times_percent(interval=None)._asdict(),
                   "per_core": psutil.cpu_percent(interval=None, percpu=True), "load": os.getloadavg()}
    snap["memory"] = psutil.virtual_memory()._asdict()
    snap["swap"] = psutil.swap_memory()._asdict()
    disks = []
    for p in psutil.disk_partitions():
        try:
            disks.append({**p._asdict(), **psutil.disk_usage(p.mountpoint)._asdict()})
        except OSError:
            pass
    snap["disks"] = {"filesystems": disks, "io": {k: v._asdict() for k, v in psutil.disk_io_counters(perdisk=True).items()}}
    stats = psutil.net_if_stats()
    snap["network"] = {name: {"addrs": [a._asdict() for a in addrs], "stats": stats[name]._asdict() if name in stats else None}
                       for name, addrs in psutil.net_if_addrs().items()}
    snap["network_io"] = {k: v._asdict() for k, v in psutil.net_io_counters(pernic=True).items()}
    conns = psutil.net_connections(kind="inet")
    names = {}
    ports = []
    for c in conns:
        if c.status == psutil.CONN_LISTEN or (c.type == socket.SOCK_DGRAM and not c.raddr):
            if c.pid and c.pid not in names:
                try:
                    names[c.pid] = psutil.Process(c.pid).name()
                except psutil.Error:
                    names[c.pid] = None
            ports.append({"address": c.laddr.ip, "port": c.laddr.port, "pid": c.pid, "process": names.get(c.pid)})
    snap["ports"] = ports
    procs = []
    states = {}
    for p in psutil.process_iter(["pid", "ppid", "name", "username", "cmdline", "cpu_percent", "memory_info",
                                  "memory_percent", "num_threads", "create_time", "status"]):
        info = p.info
        states[info["status"]] = states.get(info["status"], 0) + 1
        info["rss"] = info.pop("memory_info").rss if info.get("memory_info") else None
        procs.append(info)
    snap["processes"] = {"total": len(procs), "by_state": states, "top_cpu": top(procs, "cpu_percent"),
                         "top_memory": top(procs, "rss")}
    snap["users"] = [u._asdict() for u in psutil.users()]
    snap["sensors"] = {"temperatures": {k: [t._asdict() for t in v] for k, v in psutil.sensors_temperatures().items()},
                       "fans": {k: [f._asdict() for f in v] for k, v in psutil.sensors_fans().items()},
                       "battery": psutil.sensors_battery()._asdict() if psutil.sensors_battery() else None}
    json.dump(snap, sys.stdout, default=str)


if __name__ == "__main__":
    main()
