#!/bin/sh
# Memasang Pandu SOP untuk pengguna ini (tanpa hak root, tanpa internet):
#   program  -> ~/.local/opt/PanduSOP   (atau folder di PANDU_PREFIX)
#   menu     -> ~/.local/share/applications/pandu-sop.desktop
#   perintah -> ~/.local/bin/pandu
# Menghapus:  ./install.sh --hapus
# Data kantor ada di ~/.local/share/PanduSOP dan tidak pernah disentuh skrip ini.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
prefix=${PANDU_PREFIX:-$HOME/.local/opt/PanduSOP}
share=${XDG_DATA_HOME:-$HOME/.local/share}
apps=$share/applications
icons=$share/icons/hicolor/256x256/apps
bin=$HOME/.local/bin

case "${1:-}" in
  --hapus|--uninstall)
    rm -rf "$prefix"
    rm -f "$apps/pandu-sop.desktop" "$icons/pandu-sop.png" "$bin/pandu"
    echo "Pandu SOP dihapus. Data kantor di $share/PanduSOP tetap ada."
    exit 0 ;;
  "") ;;
  *) echo "Pemakaian: $0 [--hapus]" >&2; exit 2 ;;
esac

rm -rf "$prefix"
mkdir -p "$prefix" "$apps" "$icons" "$bin"
cp -a "$here/PanduSOP" "$here/pandu" "$here/_internal" "$prefix/"
cp "$here/pandu-sop.png" "$icons/pandu-sop.png"
sed -e "s|^Exec=.*|Exec=\"$prefix/PanduSOP\" %f|" -e "s|^TryExec=.*|TryExec=$prefix/PanduSOP|" \
    "$here/pandu-sop.desktop" > "$apps/pandu-sop.desktop"
ln -sf "$prefix/pandu" "$bin/pandu"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$apps" || true
echo "Pandu SOP $("$prefix/pandu" --version | sed 's/^Pandu SOP //') terpasang di $prefix."
echo "Buka dari menu aplikasi (Kantor > Pandu SOP), atau ketik: pandu"
