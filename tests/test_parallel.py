from pathlib import Path

from partnerdash.load import load_paths
from partnerdash.parallel import chunks, extract_parallel

NEWS = Path(__file__).resolve().parent / "fixtures" / "news"


def test_chunks_keep_every_item_in_order() -> None:
    items = load_paths([NEWS]).items
    parts = chunks(items, 4)
    assert [i for part in parts for i in part] == items
    assert len(parts) <= 4


def test_two_processes_extract_every_item() -> None:
    assert extract_parallel(NEWS, 2) == len(load_paths([NEWS]).items)
