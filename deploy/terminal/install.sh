#!/usr/bin/env bash
# Set up a fresh Debian 12 terminal as a kiosk appliance. Idempotent: every step looks
# before it acts, so a second run changes nothing and says so.
#
#   sudo deploy/terminal/install.sh [--dry-run] [--wheel FILE] [--store ID --terminal ID]
#
# Steps: Debian packages (cage, Xwayland, Python, speech), the user "kiosk", the kiosk in a
# virtual environment in /opt/kiosk (from a wheel, or from this checkout), /etc/kiosk with
# a config skeleton (only if there is none), the kiosk-doctor command, the systemd unit,
# enabled (it starts at the next boot, or now with: systemctl start kiosk).
#
# Options:
#   --dry-run          print every step it would take, change nothing
#   --wheel FILE       install this terminal wheel (a chain builds one per release, with
#                      `uv build --wheel --package kiosk-terminal`, and `--package
#                      kiosk-contract` for the wheel it needs, which lies beside it);
#                      default: this checkout
#   --store ID, --terminal ID
#                      written into a new /etc/kiosk/kiosk.toml (else left empty: edit it)
#   --python PATH      the Python the virtual environment is made with (default
#                      /usr/bin/python3)
#   --root DIR         act on the files under DIR instead of / (tests: the virtual
#                      environment made there runs from there only)
#   --skip-packages    leave Debian packages alone (an image being built, tests)
#   --no-deps          install the kiosk alone, its dependencies already in the
#                      environment (tests; pip needs no index then)
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CHECKOUT="$(cd "$HERE/../.." && pwd)"
ROOT=/
DRY_RUN=0
WHEEL=""
STORE=""
TERMINAL=""
PYTHON=/usr/bin/python3
SKIP_PACKAGES=0
NO_DEPS=0
USER_NAME=kiosk
VENV=/opt/kiosk
PACKAGES="cage xwayland python3 python3-venv dbus libpam-systemd fonts-dejavu-core \
speech-dispatcher speech-dispatcher-espeak-ng espeak-ng libegl1 libgl1 libxkbcommon0 \
libfontconfig1 libfreetype6 libdbus-1-3 libglib2.0-0 libwayland-client0 libwayland-cursor0 \
libwayland-egl1"

while [ $# -gt 0 ]; do
    case "$1" in
        --dry-run) DRY_RUN=1; shift ;;
        --wheel) WHEEL="$(realpath "${2:?--wheel needs a file}")"; shift 2 ;;
        --store) STORE="${2:?--store needs an id}"; shift 2 ;;
        --terminal) TERMINAL="${2:?--terminal needs an id}"; shift 2 ;;
        --python) PYTHON="${2:?--python needs a path}"; shift 2 ;;
        --root) ROOT="$(realpath "${2:?--root needs a directory}")"; shift 2 ;;
        --skip-packages) SKIP_PACKAGES=1; shift ;;
        --no-deps) NO_DEPS=1; shift ;;
        -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
        *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
    esac
done

R="${ROOT%/}"          # prefix for every path: "" on the live system
CHANGES=0

# step "what it does" command...: run it (or, in a dry run, only say it).
step() {
    local what="$1"; shift
    CHANGES=$((CHANGES + 1))
    if [ "$DRY_RUN" = 1 ]; then
        printf 'would: %s\n' "$what"
        printf '       $'
        printf ' %q' "$@"
        printf '\n'
    else
        printf 'doing: %s\n' "$what"
        "$@"
    fi
}
done_already() { printf 'ok:    %s\n' "$1"; }

# A file with the given content, mode and owner; replaced only when it differs.
install_file() {
    local source="$1" target="$2" mode="$3" owner="$4"
    if [ -f "$R$target" ] && cmp -s "$source" "$R$target" &&
        [ "$(stat -c '%a %u:%g' "$R$target")" = "$mode $owner" ]; then
        done_already "$target is up to date"
    else
        step "install $target" install -D -m "$mode" -o "${owner%:*}" -g "${owner#*:}" \
            "$source" "$R$target"
    fi
}

id_in_image() {  # id_in_image passwd|group NAME: the numeric id, from the image's files
    awk -F: -v name="$2" '$1 == name { print $3 }' "$R/etc/$1" 2>/dev/null  || true
}

[ "$(id -u)" = 0 ] || [ "$DRY_RUN" = 1 ] || { echo "run as root (sudo)" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

# 1. Debian packages
if [ "$SKIP_PACKAGES" = 1 ]; then
    done_already "Debian packages left alone (--skip-packages)"
else
    missing=()
    for package in $PACKAGES; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" ||
            missing+=("$package")
    done
    if [ ${#missing[@]} -eq 0 ]; then
        done_already "Debian packages installed"
    else
        step "install Debian packages: ${missing[*]}" \
            env DEBIAN_FRONTEND=noninteractive sh -c \
            "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${missing[*]}"
    fi
fi

# 2. The user the kiosk runs as: no login, no home of its own beyond its data.
if [ -n "$(id_in_image passwd "$USER_NAME")" ]; then
    done_already "user $USER_NAME exists"
else
    prefix=()
    [ -z "$R" ] || prefix=(--prefix "$R")
    step "create system user $USER_NAME" useradd "${prefix[@]}" --system --user-group \
        --home-dir /var/lib/kiosk --no-create-home --shell /usr/sbin/nologin \
        --comment "In-store kiosk" "$USER_NAME"
fi
# Its group owns /etc/kiosk (read only). By number: under --root, the host knows no "kiosk".
GROUP_ID="$(id_in_image group "$USER_NAME")"
[ -n "$GROUP_ID" ] || GROUP_ID="$USER_NAME"     # a dry run before the user exists

# 3. The kiosk in its own virtual environment.
if [ -x "$R$VENV/bin/python" ]; then
    done_already "virtual environment $VENV exists"
else
    step "create the virtual environment $VENV" "$PYTHON" -m venv "$R$VENV"
fi
if [ -n "$WHEEL" ]; then
    # What the terminal shares with the server is a distribution of its own, built beside it.
    contract_wheels=("$(dirname "$WHEEL")"/kiosk_contract-*.whl)
    if [ ! -f "${contract_wheels[0]}" ]; then
        echo "no kiosk_contract wheel beside $WHEEL: build both (see --help)" >&2
        exit 2
    fi
    source_id="wheels $(cat "$WHEEL" "${contract_wheels[0]}" | sha256sum | cut -d' ' -f1)"
    requirements=("$WHEEL" "${contract_wheels[0]}")
else
    # A checkout with uncommitted changes is never the same twice: installed each time.
    source_id="checkout $(git -C "$CHECKOUT" rev-parse HEAD 2>/dev/null || echo unknown)"
    [ -z "$(git -C "$CHECKOUT" status --porcelain 2>/dev/null)" ] || source_id="$source_id dirty"
    requirements=("$CHECKOUT" "$CHECKOUT/contract")
fi
stamp="$R$VENV/installed-from"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$source_id" ] && [[ "$source_id" != *dirty ]]; then
    done_already "kiosk installed from $source_id"
else
    pip=("$R$VENV/bin/python" -m pip install --quiet --disable-pip-version-check)
    if [ "$NO_DEPS" = 0 ]; then
        step "install what the kiosk needs into $VENV" "${pip[@]}" "${requirements[@]}"
    fi
    # Again, alone: pip keeps an installed kiosk of the same version, however changed.
    step "install the kiosk into $VENV from $source_id" \
        "${pip[@]}" --no-deps --no-index --force-reinstall "${requirements[@]}"
    step "record what $VENV holds" sh -c 'printf "%s\n" "$1" > "$2"' - "$source_id" "$stamp"
fi

# 4. /etc/kiosk: the config is the technician's; only a skeleton when there is none.
if [ -d "$R/etc/kiosk" ]; then
    done_already "/etc/kiosk exists"
else
    step "create /etc/kiosk" install -d -m 0750 -o 0 -g "$GROUP_ID" "$R/etc/kiosk"
fi
if [ -e "$R/etc/kiosk/kiosk.toml" ]; then
    done_already "/etc/kiosk/kiosk.toml exists (left as it is)"
else
    cat > "$TMP/kiosk.toml" <<EOF
# This terminal's configuration; every key is explained in
# /opt/kiosk/share/kiosk.example.toml. Check it with: kiosk-doctor
[terminal]
store_id = "$STORE"
terminal_id = "$TERMINAL"

[central]
# The chain's central server, and the file with this terminal's token (written by
# "central terminals add ... --token-file FILE" on the server), readable by root and the
# kiosk only: chmod 640, group kiosk. Both empty: the terminal runs on its own.
url = ""
token_file = ""

[paths]
data_dir = "/var/lib/kiosk"
log_dir = "/var/log/kiosk"
EOF
    [ -n "$STORE" ] && [ -n "$TERMINAL" ] ||
        echo "note:  store_id and terminal_id are empty in the new /etc/kiosk/kiosk.toml: fill them in"
    [ "$DRY_RUN" = 0 ] || sed 's/^/       | /' "$TMP/kiosk.toml"
    step "write a skeleton /etc/kiosk/kiosk.toml" \
        install -m 0640 -o 0 -g "$GROUP_ID" "$TMP/kiosk.toml" "$R/etc/kiosk/kiosk.toml"
fi

# 5. kiosk-doctor: the doctor as the kiosk's user, in its session (cage's display).
cat > "$TMP/kiosk-doctor" <<'EOF'
#!/bin/sh
# `kiosk doctor` as the kiosk's user, with the display of its session: one line per check.
uid="$(id -u kiosk)"
exec runuser -u kiosk -- env XDG_RUNTIME_DIR="/run/user/$uid" \
    WAYLAND_DISPLAY="${WAYLAND_DISPLAY:-wayland-0}" PATH=/usr/bin:/bin \
    /opt/kiosk/bin/kiosk doctor --config /etc/kiosk/kiosk.toml "$@"
EOF
install_file "$TMP/kiosk-doctor" /usr/local/sbin/kiosk-doctor 755 0:0

install_file "$CHECKOUT/config/kiosk.example.toml" "$VENV/share/kiosk.example.toml" 644 0:0

# 6. The unit, enabled.
changes_before=$CHANGES
install_file "$HERE/kiosk.service" /etc/systemd/system/kiosk.service 644 0:0
if [ -z "$R" ] && [ "$CHANGES" != "$changes_before" ]; then
    step "have systemd read the new unit" systemctl daemon-reload
fi
if [ -L "$R/etc/systemd/system/graphical.target.wants/kiosk.service" ]; then
    done_already "kiosk.service enabled"
elif [ -z "$R" ]; then
    step "enable kiosk.service" systemctl --quiet enable kiosk.service
else
    step "enable kiosk.service" systemctl --root="$R" --quiet enable kiosk.service
fi
if [ -z "$R" ] && [ "$(systemctl get-default 2>/dev/null)" != graphical.target ]; then
    step "boot to graphical.target" systemctl set-default graphical.target
fi

if [ "$CHANGES" = 0 ]; then
    echo "Nothing to do: this terminal is set up."
elif [ "$DRY_RUN" = 1 ]; then
    echo "Dry run: $CHANGES steps would be taken; nothing was changed."
else
    echo "Done ($CHANGES steps). Check the terminal with: kiosk-doctor"
fi
