-- A person who may no longer log in (left the office): when they were disabled, or NULL.
-- Disabling also removes their sessions and tokens; the audit log keeps their name.
ALTER TABLE users ADD COLUMN disabled_at TEXT;
