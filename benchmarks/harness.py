"""Load generation and statistics for the benchmark scripts (loopback only, bounded)."""

from __future__ import annotations

import asyncio
import os
import platform
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import psutil


@dataclass(frozen=True)
class Run:
    requests: int
    errors: int
    seconds: float
    latencies_ms: tuple[float, ...]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, p: float) -> float:
        if not self.latencies_ms:
            return float("nan")
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
        return ordered[index]


@dataclass(frozen=True)
class Figure:
    """Median over repeated runs, with the spread (min–max) of those runs."""

    median: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.median:,.1f} ({self.low:,.1f}–{self.high:,.1f})"


def figure(values: Sequence[float]) -> Figure:
    return Figure(statistics.median(values), min(values), max(values))


async def load(
    call: Callable[[], Awaitable[bool]], *, concurrency: int, requests: int, limit_s: float = 120.0
) -> Run:
    """Run ``requests`` calls with ``concurrency`` workers; ``call`` returns success."""
    latencies: list[float] = []
    errors = 0
    remaining = requests
    lock = asyncio.Lock()

    async def worker() -> None:
        nonlocal remaining, errors
        while True:
            async with lock:
                if remaining <= 0:
                    return
                remaining -= 1
            started = time.perf_counter()
            try:
                ok = await call()
            except Exception:  # noqa: BLE001 - a failed request is counted, not raised
                ok = False
            latencies.append((time.perf_counter() - started) * 1000)
            if not ok:
                errors += 1

    started = time.perf_counter()
    await asyncio.wait_for(asyncio.gather(*(worker() for _ in range(concurrency))), limit_s)
    return Run(requests, errors, time.perf_counter() - started, tuple(latencies))


async def repeated(
    call: Callable[[], Awaitable[bool]], *, concurrency: int, requests: int, repeats: int
) -> list[Run]:
    await load(call, concurrency=concurrency, requests=max(concurrency, 10))  # warm-up
    return [await load(call, concurrency=concurrency, requests=requests) for _ in range(repeats)]


class PeakMemory:
    """Samples the resident memory of processes and remembers each one's peak."""

    def __init__(self, pids: dict[str, int]) -> None:
        self.processes = {name: psutil.Process(pid) for name, pid in pids.items()}
        self.peak_mb: dict[str, float] = dict.fromkeys(pids, 0.0)
        self._task: asyncio.Task[None] | None = None

    def add(self, name: str, pid: int) -> None:
        """Watch a process started later (a worker, the peer)."""
        self.processes[name] = psutil.Process(pid)
        self.peak_mb.setdefault(name, 0.0)

    def sample(self) -> None:
        for name, proc in self.processes.items():
            try:
                rss = proc.memory_info().rss
                rss += sum(c.memory_info().rss for c in proc.children(recursive=True))
            except psutil.Error:
                continue
            self.peak_mb[name] = max(self.peak_mb[name], rss / 2**20)

    async def _loop(self, interval: float) -> None:
        while True:
            self.sample()
            await asyncio.sleep(interval)

    def start(self, interval: float = 0.2) -> None:
        self._task = asyncio.create_task(self._loop(interval))

    async def stop(self) -> dict[str, float]:
        if self._task is not None:
            self._task.cancel()
        self.sample()
        return self.peak_mb


class LoadAverage:
    """Samples the machine's 1-minute load average during a run: a busy machine's figures are
    not a quiet machine's, and RESULTS.md must say which one it was."""

    def __init__(self) -> None:
        self.samples: list[float] = []
        self.started = datetime.now(UTC)
        self.finished = self.started
        self._task: asyncio.Task[None] | None = None

    def sample(self) -> None:
        self.samples.append(os.getloadavg()[0])
        self.finished = datetime.now(UTC)

    async def _loop(self, interval: float) -> None:
        while True:
            self.sample()
            await asyncio.sleep(interval)

    def start(self, interval: float = 5.0) -> None:
        self.started = datetime.now(UTC)
        self._task = asyncio.create_task(self._loop(interval))

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
        self.sample()

    def describe(self) -> str:
        low, high = min(self.samples), max(self.samples)
        mean = statistics.fmean(self.samples)
        when = (
            f"{self.started:%Y-%m-%d %H:%M}–{self.finished:%H:%M} UTC"
            if self.started.date() == self.finished.date()
            else f"{self.started:%Y-%m-%d %H:%M} – {self.finished:%Y-%m-%d %H:%M} UTC"
        )
        cores = psutil.cpu_count() or 1
        quiet = "quiet" if high <= cores else "busy: other work shared the cores"
        return (
            f"Run {when}; 1-minute load average {low:.1f}–{high:.1f} (mean {mean:.1f}, "
            f"{len(self.samples)} samples) on {cores} cores — {quiet}."
        )


def machine_description() -> str:
    memory = psutil.virtual_memory().total / 2**30
    cpu = platform.processor() or platform.machine()
    return (
        f"{platform.system()} {platform.release()}, {psutil.cpu_count()} cores ({cpu}), "
        f"{memory:.0f} GiB RAM, Python {platform.python_version()}"
    )


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines.extend("| " + " | ".join(str(c) for c in row) + " |" for row in rows)
    return "\n".join(lines)


def write_results(
    path: Path, title: str, sections: Sequence[tuple[str, str]], load: LoadAverage | None = None
) -> None:
    """Rewrites ``path`` entirely: nothing in RESULTS.md is written by hand."""
    body = [f"# {title}", "", f"Machine: {machine_description()}", ""]
    if load is not None:
        body.extend([load.describe(), ""])
    for heading, content in sections:
        body.extend([f"## {heading}", "", content, ""])
    path.write_text("\n".join(body), encoding="utf-8")
