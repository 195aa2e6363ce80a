// Event records for the import API, the same shape everywhere the scripts push them
// (job-crash.mjs, cluster-check.mjs): externalId `${tag}-${i}`, title `Họp dân ${tag} số ${i}`.
export function eventRecord(tag, i, unitId, typeId) {
  const day = String(1 + (i % 28)).padStart(2, "0");
  return {
    externalId: `${tag}-${i}`,
    data: {
      typeId,
      title: `Họp dân ${tag} số ${i}`,
      startsAt: `2025-09-${day}T07:30:00+07:00`,
      endsAt: `2025-09-${day}T09:00:00+07:00`,
      unitId,
      leadUnitId: unitId,
      attendance: 20 + (i % 50),
    },
  };
}
