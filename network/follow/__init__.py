"""Follow: subscriptions, notices by e-mail through the task worker, and the e-mails of a
meeting registration's lifecycle."""
