"""Test-side control of a running sandbox (stdlib only). Implemented with the sandbox."""


class SandboxControl:  # placeholder until the sandbox lands
    def __init__(self, url: str) -> None:
        self.url = url
