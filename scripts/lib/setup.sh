# Shared set-up for ./scripts/demo and ./scripts/test. Sourced, not run.
# Idempotent: every step checks before it acts, so a second run takes a second or two.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.venv"
UV_VERSION="0.13.9"
# Libraries the Qt xcb and offscreen platform plugins load, Xvfb for screenshots,
# PostgreSQL, on which the central server's tests also run (a throw-away cluster),
# Chromium, in which the tests open the managers' dashboard (headless), the kiosk's voice
# (speech-dispatcher with espeak-ng, which QtTextToSpeech speaks through), and a sound
# server with a recorder and sox, with which the tests hear the speech and the chime, and
# the AT-SPI bus with its Python client, through which a test reads the kiosk as a screen
# reader does; nginx, in front of two central server processes in a test; cage (which
# needs Xwayland), grim and systemd-analyze, with which a test runs the kiosk as the
# terminal's service does and looks at its screen.
DEBIAN_PACKAGES="postgresql chromium libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 \
libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcb-xfixes0 libx11-xcb1 \
libpulse0 xvfb xauth fonts-dejavu-core \
speech-dispatcher speech-dispatcher-espeak-ng espeak-ng pulseaudio pulseaudio-utils sox \
at-spi2-core python3-pyatspi \
nginx \
cage xwayland grim systemd"

say() { printf '%s\n' "$*" >&2; }

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
            "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    say "Python 3.11 or newer is required (python3 -V says: $(python3 -V 2>&1))."
    return 1
}

ensure_debian_packages() {
    command -v dpkg-query >/dev/null 2>&1 || return 0   # not Debian: the user knows their system
    local missing=()
    for pkg in $DEBIAN_PACKAGES "$@"; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -ne 0 ]; then
        say "Qt and the tests need these Debian packages. Install them, then run this command again:"
        say "  sudo apt-get install -y ${missing[*]}"
        return 1
    fi
    say "Installing Debian packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_venv() {
    if [ ! -x "$VENV/bin/uv" ] || ! "$VENV/bin/uv" --version 2>/dev/null | grep -q "$UV_VERSION"; then
        local python
        python="$(find_python)" || return 1
        # Debian ships venv's pip bootstrap separately (python3-venv).
        if ! "$python" -c 'import ensurepip' 2>/dev/null; then
            ensure_debian_packages "python3-venv" || return 1
        fi
        say "Creating $VENV"
        "$python" -m venv "$VENV" &&
            "$VENV/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION" || return 1
    fi
    # --inexact keeps uv itself, which lives in the same environment; --frozen installs uv.lock as is.
    UV_PROJECT_ENVIRONMENT="$VENV" "$VENV/bin/uv" sync --frozen --inexact --quiet --python "$VENV/bin/python"
}

ensure_translations() {
    "$VENV/bin/python" -m kiosk.i18n.build
}

setup_all() {
    ensure_debian_packages "$@" && ensure_venv && ensure_translations
}
