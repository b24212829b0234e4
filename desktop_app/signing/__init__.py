"""Signatures that prove themselves, offline (issue 15): the office key (root), each
official's own key, the signed QR statement, the embedded PDF signature, the signed audit
chain head. A *tanda tangan elektronik tidak tersertifikasi* (PP 71/2019), not a TTE from
BSrE."""

LABEL = "tanda tangan elektronik tidak tersertifikasi (bukan TTE BSrE)"
