-- Rotation and revocation are different: a rotated refresh token may still be honoured for a few
-- seconds (tabs loading at once share the cookie); a revoked one (sign-out, replay) never is.
ALTER TABLE refresh_token ADD COLUMN rotated_at timestamptz;
