"""Generated SOPs for tests and benchmarks: any number of steps, lanes and decisions."""

from __future__ import annotations

import random

from desktop_app.sop.model import Identity, Lane, Sop, Step

WORDS = (
    "menyusun", "memeriksa", "konsep", "rencana", "kinerja", "tahunan", "dokumen", "disposisi",
    "bahan", "rapat", "koordinasi", "draft", "menandatangani", "mengirim", "nota", "dinas",
    "surat", "pengantar", "seksi", "bidang", "kecamatan", "perencanaan", "evaluasi", "laporan",
    "anggaran",
)


def generated_sop(steps: int = 40, lanes: int = 8, decisions: int = 5, seed: int = 1,
                  multi_lane: int = 2) -> Sop:
    rng = random.Random(seed)
    lane_list = [Lane(f"peran_{i}", f"Pelaksana Nomor {i + 1}") for i in range(lanes)]

    def text(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize()

    step_list = []
    for _number in range(steps):
        step_list.append(Step(
            kegiatan=text(rng.randint(4, 22)),
            pelaksana=[rng.choice(lane_list).kode],
            kelengkapan=[text(rng.randint(1, 5)) for _ in range(rng.randint(0, 3))],
            waktu=f"{rng.randint(1, 30)} {rng.choice(['menit', 'jam', 'hari'])}",
            output=text(rng.randint(1, 6)),
            keterangan=text(rng.randint(1, 4)) if rng.random() < 0.3 else "",
        ))
    step_list[0].simbol = "mulai"
    step_list[-1].simbol = "selesai"
    for number in rng.sample(range(3, steps), min(decisions, steps - 3)):
        step = step_list[number - 1]
        step.simbol = "keputusan"
        step.jika_tidak = rng.randint(max(1, number - 6), number - 1)
    candidates = [s for s in step_list if s.simbol == "proses"]
    for step in rng.sample(candidates, min(multi_lane, len(candidates)) if lanes > 1 else 0):
        other = rng.choice([lane.kode for lane in lane_list if lane.kode != step.pelaksana[0]])
        step.pelaksana.append(other)
    return Sop(Identity(nama=f"SOP Uji {steps} Langkah", nomor="000.8.3.3/001/2026",
                        instansi="Kecamatan Contoh"), lane_list, step_list)
