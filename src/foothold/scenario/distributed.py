"""Dask evaluator for blocks of the scenario model.

Each block carries its own ``SeedSequence`` child, so a Dask run gives the same
numbers as the sequential run for the same seed, however many workers there are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

log = logging.getLogger(__name__)

#: Workers of the default local cluster (this machine has 2 cores).
LOCAL_WORKERS = 2


#: Environment for worker processes.  Dask's nanny sets ``MALLOC_TRIM_THRESHOLD_``, which
#: freezes glibc's dynamic mmap threshold: every NumPy temporary above 128 KiB is then
#: mmap'ed and unmapped, which made the kernel ~2× slower on a worker than in process
#: (measured: 10.1 s vs 5.2 s for 4,000 runs).  A fixed 32 MiB mmap threshold restores
#: the in-process speed.  Set the same variable on remote workers.
WORKER_ENV = {"MALLOC_MMAP_THRESHOLD_": "33554432"}


def _verbose() -> bool:
    """True when the application asked for INFO logs (``foothold -v``): the root logger is at INFO or below."""
    return logging.getLogger().getEffectiveLevel() <= logging.INFO


@contextmanager
def quiet_distributed(enabled: bool | None = None) -> Iterator[None]:
    """Hold the ``distributed`` loggers at WARNING inside the block, then restore them.

    Dask's own configuration sets ``distributed`` to INFO, so a local cluster
    prints a dozen lines (scheduler, nannies, workers, clients) to standard
    error.  ``enabled`` None: quiet unless the root logger is at INFO or below
    (``foothold -v``).
    """
    if enabled is None:
        enabled = not _verbose()
    if not enabled:
        yield
        return
    names = ["distributed"] + [n for n in list(logging.root.manager.loggerDict) if n.startswith("distributed.")]
    saved = {n: logging.getLogger(n).level for n in names}
    for n in names:
        lg = logging.getLogger(n)
        if lg.level < logging.WARNING:
            lg.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for n, level in saved.items():
            logging.getLogger(n).setLevel(level)


def local_client(n_workers: int = LOCAL_WORKERS, processes: bool = True):
    """Start a ``distributed.LocalCluster`` with one thread per worker and return a Client.

    Workers get :data:`WORKER_ENV`.  No dashboard is started (``dashboard_address=None``);
    the scheduler's bare HTTP endpoint (health checks) listens on a free port of
    127.0.0.1 rather than on 8787.  Worker processes log at WARNING unless
    INFO logging is on (see :func:`quiet_distributed`).  The caller closes it
    (``client.close(); client.cluster.close()``).
    """
    import dask
    from distributed import Client, LocalCluster

    env: dict[str, Any] = {f"distributed.nanny.pre-spawn-environ.{k}": v for k, v in WORKER_ENV.items()}
    if not _verbose():
        env["logging.distributed"] = "warning"
    with dask.config.set(env):
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                               dashboard_address=None,
                               scheduler_kwargs={"dashboard_address": "127.0.0.1:0"})
    return Client(cluster)


def run_on_dask(tasks: Sequence[tuple[Callable[..., dict], tuple]], scheduler: Any) -> list[dict]:
    """Evaluate block tasks on Dask and return their outputs in task order.

    Args:
        tasks: ``(function, args)`` per block.
        scheduler: ``"synchronous"`` (dask.delayed on the synchronous scheduler),
            ``"threads"`` (Dask's threaded scheduler, 2 threads; NumPy releases the GIL),
            ``"local"`` (a temporary LocalCluster, closed afterwards), an address
            string, or a ``distributed.Client``.

    Raises:
        ImportError: if dask/distributed are not installed.
    """
    import dask

    if scheduler in ("synchronous", "threads"):
        delayed = [dask.delayed(f, pure=False)(*a) for f, a in tasks]
        kw = {"num_workers": LOCAL_WORKERS} if scheduler == "threads" else {}
        return list(dask.compute(*delayed, scheduler=scheduler, **kw))

    from distributed import Client

    if isinstance(scheduler, Client):
        return _gather(scheduler, tasks)
    with quiet_distributed():
        if scheduler == "local":
            client = local_client()
        else:
            client = Client(str(scheduler))
        try:
            return _gather(client, tasks)
        finally:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None and scheduler == "local":
                cluster.close()


def _gather(client: Any, tasks: Sequence[tuple[Callable[..., dict], tuple]]) -> list[dict]:
    futures = [client.submit(f, *a, pure=False) for f, a in tasks]
    log.info("dask: %d blocks on %s", len(futures), client)
    return client.gather(futures)
