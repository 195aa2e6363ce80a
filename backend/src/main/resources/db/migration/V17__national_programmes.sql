-- A national coordination programme (Bộ Công an – Ban Thường trực UBTW MTTQ Việt Nam) has no unit
-- as its scope: administrators record it without one, and everyone sees it. V6 required a scope,
-- so saving one failed.
ALTER TABLE programme ALTER COLUMN scope_unit_id DROP NOT NULL;
