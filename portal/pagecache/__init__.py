"""The page cache: anonymous views of public pages served from the configured cache (Redis in
production), cleared exactly when something a page showed changes.

- `tags.py`: while a page renders, every model instance it reads is recorded as a tag; each
  tag has a version in the cache, and a cached copy is valid only while all its tags keep the
  versions they had when it was stored.
- `signal_handlers.py`: publishing, unpublishing, moving and deleting pages, and saving or
  deleting any portal model (snippets, settings, documents, statuses …) bump those versions.
- `middleware.py`: serves and stores the copies, and sets the headers a CDN needs;
  `frontend.py` purges the CDN (wagtail.contrib.frontend_cache) on the same events.
- `compression.py`: Brotli, zstd or gzip as the client asks, with the BREACH rule.

PAGE_CACHE_SECONDS (environment) sets how long a copy may live; 0 turns the cache off.
"""
