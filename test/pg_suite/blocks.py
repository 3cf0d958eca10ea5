"""Splits a psql transcript into one block per statement and compares two transcripts.

psql runs with -e (each query sent to the server is echoed before its result) and
-L LOG (the log file repeats each query between fixed star lines). The log gives the exact
text of every query, so the transcript is cut where each echoed query starts; no SQL
parsing is needed, and dollar quotes, COPY data and meta-commands need no special case.
"""
import difflib
import re

_LOGGED_QUERY = re.compile(r"^\*{9} QUERY \*{10}\n(.*?)\n\*{26}\n", re.S | re.M)
# VERBOSITY verbose adds the server's source location, which Tusk cannot share with PostgreSQL.
_LOCATION = re.compile(r"^LOCATION:  .*\n?", re.M)


def queries_from_log(log_text):
    return _LOGGED_QUERY.findall(log_text)


def split(transcript, queries):
    """Returns (preamble, [(query, block)]): block is the echoed query and all output up to
    the next echoed query. A query without an echo is left out: psql does not echo \gexec's
    queries, nor anything after it died; their output stays in the block before."""
    found, pos = [], 0
    for q in queries:
        i = transcript.find(q + "\n", pos)
        while i > 0 and transcript[i - 1] != "\n":  # an echo starts a line
            i = transcript.find(q + "\n", i + 1)
        if i >= 0:
            found.append((q, i))
            pos = i + len(q) + 1
    blocks = []
    for n, (q, start) in enumerate(found):
        end = found[n + 1][1] if n + 1 < len(found) else len(transcript)
        blocks.append((q, transcript[start:end]))
    starts = [i for _, i in found]
    preamble = transcript[: starts[0]] if starts else transcript
    return preamble, blocks


def normalize(block):
    return _LOCATION.sub("", block)


def count_same(ours, theirs):
    """Number of statements whose block is identical in both lists of (query, block);
    statements are paired by query text, so one side skipping a query does not shift the rest."""
    a, b = [q for q, _ in ours], [q for q, _ in theirs]
    same = 0
    for m in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(m.size):
            if normalize(ours[m.a + k][1]) == normalize(theirs[m.b + k][1]):
                same += 1
    return same
