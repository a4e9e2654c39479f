"""«Var denne siden nyttig?»: a yes/no and an optional comment at the foot of every content
page, stored without personal data, and the editors' report per page."""
