#!/usr/bin/python3
"""Node start-up time and resident memory, measured from outside as a user sees them.

Starts `anyhome node --daemon` from the built installation N times (cold JVM each time, fresh
state directory), asks `node:check` over the control socket every 20 ms until it answers
`%exit 0` (everything this role needs is active), and reports the median time from process start
to that answer. After the last run it waits, lets the node idle, and reads VmRSS and VmHWM of the
JVM from /proc.

usage: itests/perf/node-startup.py [RUNS]   (default 5; build first with `mvn -B package -DskipTests`)
"""
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ANYHOME = os.path.join(HERE, "..", "..", "distribution", "target", "anyhome", "bin", "anyhome")
TIMEOUT_S = 60


def ask(sock_path, line):
    """One control-socket request; returns (exit code, output) or None if nobody answers."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
            s.settimeout(5)
            s.connect(sock_path)
            s.sendall((line + "\n").encode())
            data = b""
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    break
                data += chunk
    except OSError:
        return None
    text = data.decode(errors="replace").rstrip("\n").split("\n")
    if not text or not text[-1].startswith("%exit "):
        return None
    return int(text[-1].split()[1]), "\n".join(text[:-1])


def vm(pid, key):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1])  # kB
    return -1


def java_pid(launcher_pid):
    """bin/anyhome execs java; fall back to its child if it does not."""
    try:
        with open(f"/proc/{launcher_pid}/comm") as f:
            if f.read().strip() == "java":
                return launcher_pid
        out = subprocess.run(["pgrep", "-P", str(launcher_pid), "java"], capture_output=True, text=True)
        return int(out.stdout.split()[0])
    except (OSError, ValueError, IndexError):
        return launcher_pid


def run_once(keep_running=False):
    state = tempfile.mkdtemp(prefix="ah-startup-")
    sock = os.path.join(state, "run", "ctl.sock")
    start = time.monotonic()
    node = subprocess.Popen([ANYHOME, "node", "--daemon", "--state", state],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.monotonic() - start < TIMEOUT_S:
            if node.poll() is not None:
                raise SystemExit(f"node exited with {node.returncode} before it was ready")
            r = ask(sock, "node:check") if os.path.exists(sock) else None
            if r is not None and r[0] == 0:
                elapsed = time.monotonic() - start
                if keep_running:
                    return elapsed, node, state
                return elapsed, None, state
            time.sleep(0.02)
        raise SystemExit(f"node not ready within {TIMEOUT_S} s")
    finally:
        if not keep_running:
            stop(node, state)


def stop(node, state):
    node.send_signal(signal.SIGTERM)
    try:
        node.wait(30)
    except subprocess.TimeoutExpired:
        node.kill()
    shutil.rmtree(state, ignore_errors=True)


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    if not os.access(ANYHOME, os.X_OK):
        raise SystemExit(f"{ANYHOME} not built: run mvn -B package -DskipTests first")
    times = []
    for i in range(runs):
        last = i == runs - 1
        elapsed, node, state = run_once(keep_running=last)
        times.append(elapsed)
        print(f"run {i + 1}: all active after {elapsed * 1000:.0f} ms", flush=True)
    time.sleep(5)
    pid = java_pid(node.pid)
    rss, hwm = vm(pid, "VmRSS"), vm(pid, "VmHWM")
    stop(node, state)
    print(f"start to all-active: median {statistics.median(times) * 1000:.0f} ms over {runs} runs "
          f"(min {min(times) * 1000:.0f}, max {max(times) * 1000:.0f})")
    print(f"resident memory after 5 s idle: VmRSS {rss / 1024:.1f} MiB, peak VmHWM {hwm / 1024:.1f} MiB")


if __name__ == "__main__":
    main()
