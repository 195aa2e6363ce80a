-- Thị trấn (township): a commune-level unit under a district until the 2025 reform (issue 26: the
-- old map, whole). NOT VALID skips re-checking existing rows (they all hold one of the old kinds).
ALTER TABLE unit DROP CONSTRAINT unit_kind_check;
ALTER TABLE unit ADD CONSTRAINT unit_kind_check CHECK (kind IN ('PROVINCE', 'DISTRICT', 'COMMUNE',
  'WARD', 'TOWNSHIP', 'SPECIAL_ZONE', 'HAMLET', 'POLICE', 'FRONT_COMMITTEE', 'MEMBER_ORGANISATION',
  'AGENCY', 'ENTERPRISE', 'SCHOOL')) NOT VALID;
