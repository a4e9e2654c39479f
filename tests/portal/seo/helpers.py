"""Reading the head of a page in the SEO tests."""

import json
import re
from html.parser import HTMLParser


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.jsonld: list[dict] = []
        self.title = ""
        self._in = None
        self._buffer = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta":
            key = attrs.get("name") or attrs.get("property")
            if key:
                self.meta[key] = attrs.get("content", "")
        elif tag == "link" and attrs.get("rel"):
            self.links.setdefault(attrs["rel"], attrs.get("href", ""))
        elif tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self._in, self._buffer = tag, ""

    def handle_data(self, data):
        if self._in:
            self._buffer += data

    def handle_endtag(self, tag):
        if tag == self._in == "title":
            self.title = " ".join(self._buffer.split())
        elif tag == self._in == "script":
            self.jsonld.append(json.loads(self._buffer))
        if tag == self._in:
            self._in = None


def head(response) -> HeadParser:
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def jsonld_of_type(parsed: HeadParser, kind: str) -> list[dict]:
    return [data for data in parsed.jsonld if data.get("@type") == kind]


def strip_ws(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
