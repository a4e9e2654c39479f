"""Wagtail's images, documents, snippets and redirects apps, without their part of
Wagtail's v3 API.

Wagtail 8 registers images, documents, snippets and redirects with its v3 API (django-ninja
on pydantic) when the apps start, whether or not a site serves that API. The portal does not
mount it (its open data API is Wagtail's v2 API and its own endpoints), so the registration
only cost each worker some 13 MiB of memory at start. These configs run Wagtail's own
start-up with the v3 registration answered by stand-ins; everything else the apps do at start
(permissions, signals, choosers, the reference index, snippet registration) runs as Wagtail
wrote it.

Should the portal one day serve the v3 API, list Wagtail's own apps in INSTALLED_APPS again.
"""

import sys
from contextlib import contextmanager
from types import ModuleType

from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig


class _UnservedApi:
    """Takes the routers the apps add, and drops them."""

    def add_router(self, prefix, router, **kwargs):
        return None


def _nothing():
    return None


def _stand_in(name: str, **attributes) -> ModuleType:
    module = ModuleType(name)
    module.__dict__.update(attributes)
    return module


@contextmanager
def without_v3_api():
    """While the apps start, the v3 modules they import are stand-ins. Only those names are
    put in place and taken away again: every other module imported meanwhile stays."""
    stand_ins = {"wagtail.api.v3.api": _stand_in("wagtail.api.v3.api", api=_UnservedApi())}
    for app in ("images", "documents"):
        stand_ins |= {
            f"wagtail.{app}.api.v3.registry": _stand_in(
                f"wagtail.{app}.api.v3.registry", register_content_types=_nothing
            ),
            f"wagtail.{app}.api.v3.router": _stand_in(f"wagtail.{app}.api.v3.router", router=None),
        }
    stand_ins |= {
        "wagtail.snippets.api.v3": _stand_in(
            "wagtail.snippets.api.v3", register_content_types=_nothing
        ),
        "wagtail.snippets.api.v3.router": _stand_in("wagtail.snippets.api.v3.router", router=None),
        "wagtail.contrib.redirects.api.v3": _stand_in(
            "wagtail.contrib.redirects.api.v3", router=None
        ),
    }
    replaced = {name: sys.modules[name] for name in stand_ins if name in sys.modules}
    sys.modules.update(stand_ins)
    try:
        yield
    finally:
        for name in stand_ins:
            sys.modules.pop(name, None)
        sys.modules.update(replaced)


class WithoutV3Api:
    """Runs the app config's own start-up without its v3 registration."""

    def ready(self):
        with without_v3_api():
            super().ready()


class ImagesConfig(WithoutV3Api, WagtailImagesAppConfig):
    pass


class RedirectsConfig(WithoutV3Api, WagtailRedirectsAppConfig):
    pass


class DocumentsConfig(WithoutV3Api, WagtailDocsAppConfig):
    pass


class SnippetsConfig(WithoutV3Api, WagtailSnippetsAppConfig):
    pass
