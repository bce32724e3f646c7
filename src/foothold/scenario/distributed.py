"""Dask evaluator for blocks of the scenario model.

Each block carries its own ``SeedSequence`` child, so a Dask run gives the same
numbers as the sequential run for the same seed, however many workers there are.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
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


def local_client(n_workers: int = LOCAL_WORKERS, processes: bool = True):
    """Start a ``distributed.LocalCluster`` with one thread per worker and return a Client.

    Workers get :data:`WORKER_ENV`.  The caller closes it (``client.close(); client.cluster.close()``).
    """
    import dask
    from distributed import Client, LocalCluster

    env = {f"distributed.nanny.pre-spawn-environ.{k}": v for k, v in WORKER_ENV.items()}
    with dask.config.set(env):
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                               dashboard_address=None)
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

    own = False
    if isinstance(scheduler, Client):
        client = scheduler
    elif scheduler == "local":
        client, own = local_client(), True
    else:
        client, own = Client(str(scheduler)), True
    try:
        futures = [client.submit(f, *a, pure=False) for f, a in tasks]
        log.info("dask: %d blocks on %s", len(futures), client)
        return client.gather(futures)
    finally:
        if own:
            cluster = getattr(client, "cluster", None)
            client.close()
            if cluster is not None and scheduler == "local":
                cluster.close()
