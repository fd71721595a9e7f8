"""Run the engine over many targets, in order, optionally in parallel worker processes.

With `jobs > 1` the targets are cut into small chunks and checked by a process pool.
Each worker gets the engine once, through the pool's initializer: under `fork` it is
inherited with its rules and compiled schemas already loaded; under `spawn`/`forkserver`
it is pickled (`Engine.__reduce__`) and rebuilt from its settings resolver. Only a
bounded window of chunks is in flight, and results are yielded in input order as soon as
the next one is ready, so output is streamed and memory does not grow with the number of
cards. Results from workers carry no `card` (the parsed file): it is the bulk of a result,
and reporters only read diagnostics, scores and settings.

A worker that dies (a crash in a C extension, the out-of-memory killer) does not end the
run: the chunk it was working on is re-checked one card per process, and a card that
kills its process again is reported as an internal error (DCL999).
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator, Sized
from typing import TYPE_CHECKING

from datacard_lint import codes

if TYPE_CHECKING:  # multiprocessing is imported only when a pool is used (start-up time)
    from concurrent.futures import Future, ProcessPoolExecutor
    from multiprocessing.context import BaseContext

    from datacard_lint.collect import Target
    from datacard_lint.engine import CardResult, Engine

#: Cards per task: big enough that queue overhead is negligible, small enough to balance.
MAX_CHUNK = 64
#: Chunks in flight per worker; bounds memory while keeping workers busy.
WINDOW_PER_WORKER = 4


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask in containers), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS and Windows have no affinity API
        return max(1, os.cpu_count() or 1)


def effective_jobs(jobs: int) -> int:
    """`0` means one worker per available CPU; anything below 1 means in-process."""
    return available_cpus() if jobs == 0 else max(1, jobs)


def iter_results(engine: Engine, targets: Iterable[Target], jobs: int = 1) -> Iterator[CardResult]:
    """Results in input order, so output never depends on scheduling."""
    workers = effective_jobs(jobs)
    if workers == 1 or not _can_ship(engine):
        yield from _serial(engine, targets)
        return
    size = _chunk_size(targets, workers)
    chunks = _chunks(iter(targets), size)
    first = list(itertools.islice(chunks, 2))
    if len(first) < 2:  # one chunk of work: a pool would cost more than it saves
        yield from _serial(engine, (t for chunk in first for t in chunk))
        return
    yield from _parallel(engine, itertools.chain(first, chunks), workers)


def _serial(engine: Engine, targets: Iterable[Target]) -> Iterator[CardResult]:
    for target in targets:
        yield engine.check_path(target.path, target.display)


def _can_ship(engine: Engine) -> bool:
    """Workers need a picklable engine unless they are forked; check before starting any."""
    if _context().get_start_method() == "fork":
        return True
    import pickle

    try:
        pickle.dumps(engine)
    except Exception:  # a settings resolver that is a lambda or a closure
        return False
    return True


def _context() -> BaseContext:
    import multiprocessing

    return multiprocessing.get_context()


def _chunk_size(targets: Iterable[Target], workers: int) -> int:
    if isinstance(targets, Sized):
        # About eight chunks per worker for small runs, so the load stays balanced.
        return max(1, min(MAX_CHUNK, len(targets) // (workers * 8)))
    return MAX_CHUNK // 4


def _chunks(targets: Iterator[Target], size: int) -> Iterator[list[Target]]:
    while chunk := list(itertools.islice(targets, size)):
        yield chunk


def _parallel(engine: Engine, chunks: Iterator[list[Target]], workers: int) -> Iterator[CardResult]:
    from concurrent.futures.process import BrokenProcessPool

    pending: deque[tuple[list[Target], Future[list[CardResult]] | None]] = deque()
    pool = _pool(engine, workers)
    try:
        while True:
            while len(pending) < workers * WINDOW_PER_WORKER:
                chunk = next(chunks, None)
                if chunk is None:
                    break
                pending.append((chunk, _submit(pool, chunk)))
            if not pending:
                return
            chunk, future = pending.popleft()
            try:
                if future is None:
                    raise BrokenProcessPool("the pool broke before this chunk was submitted")
                results = future.result()
            except BrokenProcessPool:
                # The pool is gone and every chunk in flight with it. The first chunk in
                # order is checked card by card in processes of its own (so a card that
                # kills its process is found); the others go to a new pool.
                pool.shutdown(wait=True, cancel_futures=True)
                results = list(_isolated(engine, chunk))
                pool = _pool(engine, workers)
                pending = deque((c, _submit(pool, c)) for c, _ in pending)
            yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(pool: ProcessPoolExecutor, chunk: list[Target]) -> Future[list[CardResult]] | None:
    from concurrent.futures.process import BrokenProcessPool

    try:
        return pool.submit(_check_chunk, chunk)
    except BrokenProcessPool:  # noticed, and handled, when this chunk's turn comes
        return None


def _pool(engine: Engine, workers: int) -> ProcessPoolExecutor:
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(workers, mp_context=_context(), initializer=_init_worker, initargs=(engine,))


def _isolated(engine: Engine, chunk: list[Target]) -> Iterator[CardResult]:
    """Check each card of a chunk that killed its worker in a process of its own."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    for target in chunk:
        with ProcessPoolExecutor(1, mp_context=_context(), initializer=_init_worker, initargs=(engine,)) as solo:
            try:
                yield from solo.submit(_check_chunk, [target]).result()
            except BrokenProcessPool:
                yield _crashed(target)


def _crashed(target: Target) -> CardResult:
    from datacard_lint.diagnostics import FILE_START, Diagnostic
    from datacard_lint.engine import CardResult
    from datacard_lint.rules import registry

    message = "the worker process checking this file died (crash or out of memory)"
    rule = registry.get(codes.INTERNAL_ERROR)
    diagnostic = Diagnostic(rule.code, rule.name, rule.severity, target.display, FILE_START, message)
    return CardResult(target.display, [diagnostic], internal_errors=[message])


# --- in the worker process -------------------------------------------------------------

_WORKER_ENGINE: Engine | None = None


def _init_worker(engine: Engine) -> None:
    global _WORKER_ENGINE
    _WORKER_ENGINE = engine


def _check_chunk(chunk: list[Target]) -> list[CardResult]:
    engine = _WORKER_ENGINE
    assert engine is not None, "worker used before its initializer ran"
    results = []
    for target in chunk:
        result = engine.check_path(target.path, target.display)
        result.card = None  # the parsed file is large and no reporter needs it
        results.append(result)
    return results
