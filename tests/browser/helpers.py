"""Helpers for the browser tests: accessibility checks, screenshots and keyboard navigation.

Import them with `from tests.browser.helpers import check_page, tab_to`.
"""

from pathlib import Path

SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "var" / "screenshots"
SCREENSHOT_WIDTHS = (375, 1280)

# WCAG 2.1 level A and AA, the level public bodies in Norway must meet.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page) -> list[dict]:
    """Run axe-core on the page as it is now, with the WCAG 2.1 AA rules; return the violations.

    Axe is injected with `page.evaluate`, which Chromium runs through the DevTools protocol:
    the site's Content-Security-Policy (script-src 'self') does not apply to it, so no
    `bypass_csp` is needed and the pages are tested under their real policy.
    """
    from axe_playwright_python.sync_playwright import Axe

    options = {"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]}
    return Axe().run(page, options=options).response["violations"]


def format_violations(url: str, violations: list[dict]) -> str:
    """A readable account of axe violations: rule, what it asks, and where it fails."""
    lines = [f"axe found {len(violations)} WCAG 2.1 AA violation(s) on {url}:"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): "
            f"{violation['help']} <{violation.get('helpUrl', '')}>"
        )
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
            if node.get("failureSummary"):
                summary = " ".join(node["failureSummary"].split())
                lines.append(f"       {summary}")
    return "\n".join(lines)


def screenshot(page, name: str) -> list[Path]:
    """Full-page screenshots at each of SCREENSHOT_WIDTHS, as var/screenshots/<name>-<width>.png.

    The viewport is restored afterwards.
    """
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    original = page.viewport_size
    height = original["height"] if original else 900
    paths = []
    try:
        for width in SCREENSHOT_WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            path = SCREENSHOT_DIR / f"{name}-{width}.png"
            page.screenshot(path=str(path), full_page=True)
            paths.append(path)
    finally:
        if original:
            page.set_viewport_size(original)
    return paths


def check_page(page, name: str) -> None:
    """Assert that the page has no WCAG 2.1 AA violations axe-core can find, and save
    full-page screenshots at 375 px and 1280 px to var/screenshots/<name>-<width>.png.

    Axe runs at the page's current viewport. The screenshots are written before the assertion,
    so a failing page can still be looked at.
    """
    violations = axe_violations(page)
    screenshot(page, name)
    assert not violations, format_violations(page.url, violations)


def active_element(page) -> dict:
    """What has keyboard focus: tag, id, trimmed text, href, and the label of its nearest nav."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return null;
            const nav = el.closest('nav');
            return {
                tag: el.tagName.toLowerCase(),
                id: el.id,
                text: (el.innerText || el.textContent || '').trim(),
                href: el.getAttribute('href'),
                nav: nav ? nav.getAttribute('aria-label') : null,
            };
        }"""
    )


def tab_to(page, text: str, nav: str | None = None, max_presses: int = 30) -> dict:
    """Press Tab until the focused element's text is `text` (inside the nav labelled `nav`,
    when given). Fails after max_presses; returns the focused element's description."""
    visited = []
    for _ in range(max_presses):
        page.keyboard.press("Tab")
        focused = active_element(page)
        if focused and focused["text"] == text and (nav is None or focused["nav"] == nav):
            return focused
        visited.append(focused and (focused["text"] or focused["tag"]))
    where = f" in the nav «{nav}»" if nav else ""
    raise AssertionError(
        f"No focus on «{text}»{where} after {max_presses} presses of Tab; focus went: {visited}"
    )


def focus_indicator(page) -> dict:
    """The computed outline and box-shadow of the focused element."""
    return page.evaluate(
        """() => {
            const style = getComputedStyle(document.activeElement);
            return {
                outlineStyle: style.outlineStyle,
                outlineWidth: style.outlineWidth,
                boxShadow: style.boxShadow,
            };
        }"""
    )


def has_focus_indicator(style: dict) -> bool:
    outline = style["outlineStyle"] != "none" and style["outlineWidth"] not in ("0px", "")
    return outline or style["boxShadow"] != "none"
