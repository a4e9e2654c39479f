"""The meeting filters' selects are written out in Python, and read exactly as Django's own
select would draw them: the same options, values, labels (escaped) and selection."""

import re

from django import forms

from network.meetings.forms import FilterSelect, MeetingFilterForm


def normalised(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r">\s+<", "><", html)).strip()


def test_the_filter_selects_draw_what_djangos_select_draws():
    form = MeetingFilterForm(
        {"type": "fagdag", "emneord": "a&b", "ar": "2025", "omrade": "ukjent"},
        years=[2025, 2024],
        rollouts=[("kjernejournal", "Kjernejournal")],
        areas=[("opplaering", "Opplæring <i>")],
        tags=[("a&b", "A & B"), ("samhandling", "Samhandling")],
    )
    form.is_valid()
    for name, field in form.fields.items():
        assert isinstance(field.widget, FilterSelect)
        ours = str(form[name])
        field.widget.__class__ = forms.Select  # the same widget, drawn by Django
        assert normalised(ours) == normalised(str(form[name])), name
    assert '<option value="a&amp;b" selected>A &amp; B</option>' in normalised(str(form["emneord"]))
    assert "Opplæring &lt;i&gt;" in str(form["omrade"])
