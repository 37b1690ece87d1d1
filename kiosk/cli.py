"""The `kiosk` command: run the terminal app, and the tools IT and developers use."""

from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import sys
from pathlib import Path

from kiosk.core.config import ConfigError, KioskConfig, check_config_command, load_config

DEFAULT_CONFIG = Path("/etc/kiosk/kiosk.toml")


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.handler(args)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kiosk", description="In-store kiosk terminal.")
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    run = commands.add_parser("run", help="start the kiosk on this terminal")
    run.add_argument("--config", type=Path, default=DEFAULT_CONFIG,
                     help=f"the terminal's TOML config (default: {DEFAULT_CONFIG})")
    run.add_argument("--windowed", action="store_true",
                     help="a normal window instead of fullscreen, for development")
    run.add_argument("--screenshot", type=Path, metavar="PNG",
                     help="write a screenshot once the first screen is shown, then quit")
    run.set_defaults(handler=_run)

    check = commands.add_parser("check-config", help="validate a config file: OK or every problem")
    check.add_argument("path", type=Path, nargs="?")
    check.add_argument("--keys", action="store_true",
                       help="print every key a file may set: type, default, when it applies, "
                            "and whether central's fleet config may set it")
    check.set_defaults(handler=lambda args: _check_config(check, args))

    doctor = commands.add_parser(
        "doctor", help="check this terminal: config, databases, server, clock, disk, display, "
                       "speech, scanner; one line each, exit status 0 when all is ok")
    doctor.add_argument("--config", type=Path, default=DEFAULT_CONFIG,
                        help=f"the terminal's TOML config (default: {DEFAULT_CONFIG})")
    doctor.set_defaults(handler=_doctor)

    pin = commands.add_parser("hash-pin",
                              help="print the [admin] pin_hash line for a staff PIN")
    pin.add_argument("--pin-stdin", action="store_true",
                     help="read the PIN from the first line of standard input, not the terminal")
    pin.set_defaults(handler=_hash_pin)
    return parser


def load_or_report(path: Path) -> KioskConfig | None:
    """The config, or None after printing every problem in it (the demo tools use it too)."""
    try:
        return load_config(path)
    except ConfigError as error:
        for problem in error.problems:
            print(problem, file=sys.stderr)
        return None


def _check_config(parser: argparse.ArgumentParser, args) -> int:
    if args.path is None and not args.keys:
        parser.error("a config file to check, or --keys")
    return check_config_command(args.path, keys=args.keys)


def _run(args: argparse.Namespace) -> int:
    config = load_or_report(args.config)
    if config is None:
        return 2
    from kiosk.core.interpreter import share_the_gil_finely
    from kiosk.core.logs import setup_logging
    setup_logging(config.log_dir)
    # A fatal signal (systemd's watchdog sends SIGABRT) first writes every thread's stack
    # to stderr, the journal under systemd: where the GUI thread hung.
    faulthandler.enable()
    share_the_gil_finely()
    from kiosk.core.sd_notify import ServiceNotifier
    from kiosk.ui.admin.mode import RESTART_EXIT_CODE
    from kiosk.ui.app import run_app  # Qt is loaded only for the app itself
    status = run_app(config, windowed=args.windowed, screenshot=args.screenshot)
    systemd = ServiceNotifier()
    if status == RESTART_EXIT_CODE:
        # Staff asked for a restart: the same command again, in this process's place, so
        # a supervisor still watches the same process and the config is read afresh.
        # systemd hears a reload, which the new start's READY=1 ends (STOPPING=1 would
        # have it kill the unit).
        systemd.reloading("restarting at staff's request")
        logging.getLogger(__name__).info("restarting: %s", " ".join(sys.orig_argv))
        logging.shutdown()
        os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
    systemd.stopping()
    return status


def _doctor(args: argparse.Namespace) -> int:
    from kiosk.core.doctor import examine, exit_status
    findings = examine(args.config)
    for finding in findings:
        print(finding)
    return exit_status(findings)


def _hash_pin(args: argparse.Namespace) -> int:
    from kiosk.core.admin import PIN_PATTERN, hash_pin
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        import getpass
        pin = getpass.getpass("Staff PIN (4 to 12 digits): ")
        if pin != getpass.getpass("The same PIN again: "):
            print("The two PINs differ; nothing was printed.", file=sys.stderr)
            return 2
    if not PIN_PATTERN.fullmatch(pin):
        print("A PIN is 4 to 12 digits (0-9), nothing else.", file=sys.stderr)
        return 2
    print("# In the [admin] section of the terminal's config:", file=sys.stderr)
    print(f'pin_hash = "{hash_pin(pin)}"')
    return 0


if __name__ == "__main__":
    sys.exit(main())
