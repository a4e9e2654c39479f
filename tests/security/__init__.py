"""What the portal guarantees against misuse: each module is one promise, each test proves it."""
