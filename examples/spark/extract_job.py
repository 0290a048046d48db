"""attache's map step on Apache Spark: extraction records for an archive, then `attache merge`.

    pip install pyspark                  # and a Java 17+ runtime from the system's packages
    python3 examples/spark/extract_job.py ARCHIVE RECORDS [--attache PATH] [--partitions N]
    attache merge RECORDS --out archive.timeline && attache archive.timeline

ARCHIVE is a folder of articles (any format attache reads: .txt, .md, .html, .json, .jsonl,
feeds) or a JSON Lines file of documents (`{"path"|"url", "text", "title", "published",
"outlet"}` per line). For a folder, each partition runs `attache extract` on its share of the
files (so every format is read as `attache FOLDER` reads it, and documents keep the paths one
process gives them); for a JSON Lines archive, each partition's lines are piped through
`attache extract -` (RDD.pipe). RECORDS is a folder of `part-*` files of extraction records
(attache-extract/1), which `attache merge` reads as it is: the merge orders the records as one
process would, dates undated articles over the whole archive and merges, so the timeline equals
`attache export ARCHIVE` byte for byte. The attache binary must be on every worker (local mode:
this machine).
"""

import argparse
import os
import subprocess
import sys

# Paths given to one `attache extract` run: well under any command-line limit.
PATHS_PER_RUN = 500


def article_files(root):
    """The files under `root`, as `attache` walks a folder: sorted, hidden entries skipped."""
    out = []
    for entry in sorted(os.listdir(root)):
        if entry.startswith("."):
            continue
        path = os.path.join(root, entry)
        if os.path.isdir(path):
            out.extend(article_files(path))
        elif os.path.isfile(path):
            out.append(path)
    return out


def extract_files(attache):
    """A partition's files → their extraction records (one JSON line each)."""

    def run(paths):
        paths = list(paths)
        for i in range(0, len(paths), PATHS_PER_RUN):
            chunk = paths[i : i + PATHS_PER_RUN]
            done = subprocess.run(
                [attache, "extract", *chunk], capture_output=True, text=True
            )
            # Exit 2: nothing loadable in this chunk (say, only files of other kinds).
            if done.returncode not in (0, 2):
                raise RuntimeError(f"attache extract failed: {done.stderr[-2000:]}")
            yield from done.stdout.splitlines()

    return run


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("archive", help="a folder of articles or a JSON Lines file of documents")
    parser.add_argument("records", help="the folder to write extraction records into (must not exist)")
    parser.add_argument("--attache", default="attache", help="the attache binary (default: on PATH)")
    parser.add_argument("--partitions", type=int, default=None, help="default: Spark's parallelism")
    args = parser.parse_args(argv)

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.appName("attache-extract").getOrCreate()
    sc = spark.sparkContext
    partitions = args.partitions or sc.defaultParallelism
    attache = os.path.abspath(args.attache) if os.path.sep in args.attache else args.attache
    if os.path.isdir(args.archive):
        files = article_files(args.archive)
        records = sc.parallelize(files, partitions).mapPartitions(extract_files(attache))
    else:
        records = sc.textFile(args.archive, partitions).pipe(f"{attache} extract -")
    records.saveAsTextFile(args.records)
    spark.stop()


if __name__ == "__main__":
    main(sys.argv[1:])
