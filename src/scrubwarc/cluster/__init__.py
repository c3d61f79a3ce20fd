"""Archiving on a Dask cluster (``archive --engine dask``): one task per partition of inputs.

The client lists the inputs in sorted order and splits them into partitions of bounded
size, in files and in bytes (``engine``). Each partition is one task (``task``): a worker
reads, processes and writes its inputs with the same code as a local run into its own
part, ``news-00000.warc.gz``, ``news-00001.warc.gz``, … named by the partition. The part is
written under a temporary name unique to the attempt and committed whole when complete
(``storage``: a rename, or one upload to an object store), so a task that is retried or
run twice (a worker killed mid-task) replaces its part whole and no record is ever written
twice. Each task indexes its part; the client merges the indexes into one CDXJ file and, if
asked, packages the parts as a WACZ.

dask, distributed and fsspec are imported only when a cluster run starts: the base install
and the ``clean`` path never import them (``pip install 'scrubwarc[dask]'``).
"""

from scrubwarc.cluster.engine import PARTITION_BYTES, PARTITION_FILES, archive_on_cluster
from scrubwarc.cluster.task import Partition, PartResult, archive_partition, partitions

__all__ = [
    "PARTITION_BYTES",
    "PARTITION_FILES",
    "PartResult",
    "Partition",
    "archive_on_cluster",
    "archive_partition",
    "partitions",
]
