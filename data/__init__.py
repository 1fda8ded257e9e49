"""The dataset: reading, validating, typing, selecting and exporting examples (no Streamlit here)."""

import pyarrow

# Streamlit runs every script run in a new thread, and pyarrow's default allocator (mimalloc) gives
# each thread fresh memory: every large text column then paid for new pages (loading 100,000
# examples took 1.35 s instead of 0.8 s). jemalloc reuses memory across threads and hands unused
# memory back (305 MB resident after 30 reruns instead of 410); not every platform's pyarrow has it.
try:
    pyarrow.set_memory_pool(pyarrow.jemalloc_memory_pool())
except NotImplementedError:
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
