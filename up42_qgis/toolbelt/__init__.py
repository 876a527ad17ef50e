"""Small helpers every face shares: messages, formatting, constants, notify."""
