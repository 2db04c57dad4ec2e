/** Required documents: their columns, names and where an applicant gets them (spec section 4). */

export const DOCUMENT_KEYS = [
  "docKtp", "docKk", "docSktm", "docCard", "docRegistry", "docBpjsStatus", "docHealthFacility",
] as const;
export type DocumentKey = (typeof DOCUMENT_KEYS)[number];

/** `source` is said in brackets after the name, so it holds no brackets of its own. */
export const DOCUMENTS: Record<DocumentKey, { name: string; source: string }> = {
  docKtp: { name: "fotokopi KTP", source: "bila KTP hilang, urus ke Dinas Dukcapil" },
  docKk: { name: "fotokopi Kartu Keluarga", source: "bila KK hilang, urus ke Dinas Dukcapil" },
  docSktm: { name: "SKTM", source: "diurus di kelurahan/desa, diketahui kecamatan" },
  docCard: { name: "fotokopi kartu KIS PBI yang nonaktif", source: "dari kartu KIS milik pemohon" },
  docRegistry: {
    name: "surat keterangan terdaftar DTSEN/DTKS",
    source: "diminta ke desa/kelurahan atau operator SIKS-NG Dinas Sosial",
  },
  docBpjsStatus: {
    name: "surat keterangan status kepesertaan dari BPJS Kesehatan",
    source: "diminta lewat BPJS Kesehatan Care Center 165, asisten JKN Chika, atau kantor BPJS Kesehatan terdekat",
  },
  docHealthFacility: { name: "surat dari rumah sakit atau puskesmas", source: "diminta ke rumah sakit atau puskesmas yang merawat" },
};
