"""What a web worker keeps in its own memory besides the shared cache: the kept data it read
last (data.py), the frames and the drawn parts of the frame (portal/layout.py).

Each store is bounded: by bytes or by count, the least recently used leaving first. Whether
what is kept may still be used is the caller's business (a version in its key, or versions
checked against the shared cache): a store only keeps.
"""

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable


class WorkerMemory:
    """Values kept up to `limit`, measured by `size` (one per value unless told); a value
    larger than an eighth of the limit is not kept. Safe to use from several threads."""

    def __init__(self, limit: int, size: Callable[[object], int] = lambda value: 1):
        self.limit = limit
        self.size = size
        self.total = 0
        self._values: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._values)

    def get(self, key: Hashable):
        with self._lock:
            value = self._values.get(key)
            if value is not None:
                self._values.move_to_end(key)
            return value

    def put(self, key: Hashable, value) -> None:
        size = self.size(value)
        if size > max(self.limit // 8, 1):
            return
        with self._lock:
            old = self._values.pop(key, None)
            if old is not None:
                self.total -= self.size(old)
            self._values[key] = value
            self.total += size
            while self.total > self.limit and self._values:
                _key, dropped = self._values.popitem(last=False)
                self.total -= self.size(dropped)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()
            self.total = 0
