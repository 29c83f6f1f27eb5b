"""The `study` entry point: signals first, then the CLI, so no moment shows a traceback.

Importing the CLI (typer, rich) takes a noticeable fraction of a second; a Ctrl-C in that
window used to print a KeyboardInterrupt traceback. Here the handlers are installed before
anything heavy is imported. SIGTERM and SIGHUP raise ``Terminated`` — a KeyboardInterrupt,
so every path that keeps answers on Ctrl-C (each answer is its own transaction, the session
says "已保存 N 道题") does the same for them — and the process exits 128 + the signal number.
"""

import os
import signal
import sys

_received: list[int] = []  # signal numbers, in order of arrival


class Terminated(KeyboardInterrupt):
    """SIGTERM or SIGHUP arrived: stop like Ctrl-C, exit 128 + ``signum``."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _on_interrupt(signum: int, frame: object) -> None:
    _received.append(signum)
    raise KeyboardInterrupt


def _on_terminate(signum: int, frame: object) -> None:
    _received.append(signum)
    if len(_received) > 1:  # a second signal while already stopping: leave quietly now
        os._exit(128 + signum)
    raise Terminated(signum)


def install_handlers() -> None:
    """SIGINT → KeyboardInterrupt (remembered); SIGTERM, SIGHUP → Terminated."""
    for name, handler in (
        ("SIGINT", _on_interrupt),
        ("SIGTERM", _on_terminate),
        ("SIGHUP", _on_terminate),
    ):
        number = getattr(signal, name, None)
        # A signal ignored by whoever started us (nohup, a background job) stays ignored.
        if number is not None and signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, handler)


def exit_code(code: object) -> int:
    """The process's exit code: 128 + the signal that stopped it, else ``code``."""
    if _received:
        return 128 + _received[0]
    if code is None:
        return 0
    return code if isinstance(code, int) else 1


def main() -> None:
    """Entry point of the `study` console script."""
    install_handlers()
    _tolerate_narrow_encodings()
    code: object = 0
    try:
        try:
            from studycli.cli import main as run_cli

            run_cli()
        except SystemExit as exc:
            code = exc.code
        except KeyboardInterrupt:
            code = 130
            _say("\n已中断。")
        except BrokenPipeError:  # `study summary | head`: the reader left; nothing to report
            _silence_stdout()
    except KeyboardInterrupt:  # a second Ctrl-C while the first was being handled
        code = 130
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):  # leaving now: nothing more to interrupt
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_IGN)
    _flush()
    sys.exit(exit_code(code))


def _tolerate_narrow_encodings() -> None:
    """Under PYTHONIOENCODING=ascii (or a Latin-1 terminal) show Chinese as escapes, not crash."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding not in ("utf8", "utf8sig", "gb18030", "utf16", "utf32"):
            try:
                stream.reconfigure(errors="backslashreplace")
            except (AttributeError, ValueError):
                pass


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr)
    except (OSError, ValueError):
        pass


def _flush() -> None:
    try:
        sys.stdout.flush()
    except (OSError, ValueError):
        _silence_stdout()


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush cannot fail loudly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
