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


def local_client(n_workers: int = LOCAL_WORKERS, processes: bool = True):
    """Start a ``distributed.LocalCluster`` with one thread per worker and return a Client.

    The caller closes it (``client.close(); client.cluster.close()``).
    """
    from distributed import Client, LocalCluster

    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=processes,
                           dashboard_address=None)
    return Client(cluster)


def run_on_dask(tasks: Sequence[tuple[Callable[..., dict], tuple]], scheduler: Any) -> list[dict]:
    """Evaluate block tasks on Dask and return their outputs in task order.

    Args:
        tasks: ``(function, args)`` per block.
        scheduler: ``"synchronous"`` (dask.delayed on the synchronous scheduler),
            ``"local"`` (a temporary LocalCluster, closed afterwards), an address
            string, or a ``distributed.Client``.

    Raises:
        ImportError: if dask/distributed are not installed.
    """
    import dask

    if scheduler == "synchronous":
        delayed = [dask.delayed(f)(*a) for f, a in tasks]
        return list(dask.compute(*delayed, scheduler="synchronous"))

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
