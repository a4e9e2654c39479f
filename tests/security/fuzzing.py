"""What tests/security/test_fuzz.py sends: hostile values as hypothesis strategies, every URL
pattern of the project (Django's resolver and the routes of routable pages) as a template to
fill, and the forms found on the pages."""

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

from django.urls import URLResolver
from django.urls.resolvers import RoutePattern, _route_to_regex
from django.utils.regex_helper import normalize
from hypothesis import strategies as st

# Values a form or an address should never meet, and does: control characters, bidi and
# invisible characters, lone surrogates, overlong text, wrong types, huge and negative numbers,
# markup, paths and addresses.
HOSTILE = [
    "\x00",
    "a\x00b",
    "\x01\x02",
    "\x1b[31m",
    "\x7f",
    "\x0b\x0c",
    "\u0085",
    "\u202eevil\u202c",
    "\u2066x\u2069",
    "\u200b",
    "\ufeff",
    "\ufffe\uffff",
    "\ud800",
    "a\udfffb",
    "x" * 5_000,
    "ø" * 2_000,
    "9" * 50,
    "-1",
    "0",
    "-0",
    "1e309",
    "NaN",
    "inf",
    "2147483648",
    "9223372036854775808",
    "-9223372036854775809",
    "[]",
    "{}",
    "null",
    "true",
    "' OR '1'='1",
    '"><script>alert(1)</script>',
    "../../../etc/passwd",
    "%00",
    "%",
    "",
    " ",
    "\t\r\n",
    "😀",
    "ÆØÅ æøå",
    "javascript:alert(1)",
    "//evil.example",
    "http://evil.example/",
    "tilbake",
    "2025-02-30",
    "31.12.9999",
]
# Already percent-encoded bytes that are not UTF-8 at all.
RAW = ["%ED%A0%80", "%C0%AF", "%FF%FE", "%E2%80", "%25%00"]
# Query and form keys the portal's views read, worth fuzzing on every address.
KNOWN_KEYS = [
    "q",
    "page",
    "p",
    "next",
    "kommune",
    "municipality",
    "type",
    "tag",
    "emne",
    "tema",
    "kategori",
    "sort",
    "status",
    "fra",
    "til",
    "ar",
    "year",
    "format",
    "note",
    "tags",
    "existing_tags",
    "new_tags",
    "level",
    "version",
    "since",
    "csrfmiddlewaretoken",
]


def encode(value: str) -> str:
    """Percent-encoded UTF-8, lone surrogates included (as the bytes a broken client sends)."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


hostile_text = st.one_of(
    st.sampled_from(HOSTILE).map(encode),
    st.sampled_from(RAW),
    st.text(
        st.characters(categories=("Cc", "Cf", "Cs", "Co", "L", "N", "P", "S", "Z")),
        max_size=40,
    ).map(encode),
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
)


def pairs(keys: list[str]):
    """A query string or form body: known and hostile keys, single values and arrays."""
    key = st.one_of(st.sampled_from(keys), hostile_text)
    single = st.tuples(key, hostile_text).map(lambda kv: [kv])
    array = st.tuples(key, st.lists(hostile_text, min_size=2, max_size=4)).map(
        lambda kv: [(kv[0], v) for v in kv[1]]
    )
    return st.lists(st.one_of(single, array), max_size=4).map(
        lambda groups: "&".join(f"{k}={v}" for group in groups for k, v in group)
    )


# URL patterns --------------------------------------------------------------------------------


@dataclass
class Target:
    """One URL pattern: a %-format template and the converters of its parameters."""

    name: str
    template: str
    params: dict[str, str] = field(default_factory=dict)

    def fill(self, values: dict[str, str]) -> str:
        return "/" + self.template % values


def _regex_of(pattern) -> tuple[str, dict]:
    if isinstance(pattern, RoutePattern):
        regex, converters = _route_to_regex(str(pattern._route), pattern._is_endpoint)
    else:
        regex, converters = pattern._regex, {}
    return regex.lstrip("^").removesuffix(r"\Z").removesuffix("$"), converters


def walk(patterns, prefix: str = "", converters=None):
    """(full regex, converters by parameter name) of every endpoint under `patterns`."""
    converters = converters or {}
    for entry in patterns:
        regex, found = _regex_of(entry.pattern)
        joined = {**converters, **found}
        if isinstance(entry, URLResolver):
            yield from walk(entry.url_patterns, prefix + regex, joined)
        else:
            yield prefix + regex, joined


def kind_of(converter) -> str:
    name = type(converter).__name__ if converter is not None else "Regex"
    return name.removesuffix("Converter").lower()


def targets(patterns, prefix: str = "") -> list[Target]:
    found = []
    for regex, converters in walk(patterns):
        for template, params in normalize(regex)[:1]:
            found.append(
                Target(
                    name=prefix + template,
                    template=prefix + template,
                    params={p: kind_of(converters.get(p)) for p in params},
                )
            )
    return found


# Forms ---------------------------------------------------------------------------------------


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, list[str]]


class FormParser(HTMLParser):
    """The forms of a page: action, method and the fields with their shown values."""

    def __init__(self, page_path: str):
        super().__init__()
        self.page_path = page_path
        self.forms: list[Form] = []
        self.select: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            action = urlsplit(attrs.get("action") or self.page_path)
            if action.netloc:
                return
            path = action.path or self.page_path
            self.forms.append(Form(path, (attrs.get("method") or "get").lower(), {}))
        elif self.forms and tag in ("input", "textarea", "select", "button", "option"):
            self._field(tag, attrs)

    def _field(self, tag, attrs):
        fields = self.forms[-1].fields
        if tag == "select":
            self.select = attrs.get("name")
            if self.select:
                fields.setdefault(self.select, [])
        elif tag == "option" and self.select:
            fields[self.select].append(attrs.get("value") or "")
        elif attrs.get("name"):
            fields.setdefault(attrs["name"], []).append(attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self.select = None


def forms_on(html: str, page_path: str) -> list[Form]:
    parser = FormParser(page_path)
    parser.feed(html)
    return parser.forms


def body(fields: dict[str, str]) -> str:
    return "&".join(f"{encode(k)}={v}" for k, v in fields.items())


SAFE_PATH = re.compile(r"^/[\w\-./]*$")
