"""A piece shared by the SQL the search writes itself (facets.py, results.py)."""


def placeholders(values) -> str:
    """One parameter placeholder per value, for `IN (…)`: the values themselves are always
    passed as parameters, never written into the text."""
    return ", ".join(["%s"] * len(values))
