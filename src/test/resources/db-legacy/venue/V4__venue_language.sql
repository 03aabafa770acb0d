-- The language guests are written to in: a BCP 47 tag in canonical case ("en", "fr-CA"), validated
-- by the service; empty when not set (messages are then in English).
ALTER TABLE venues ADD COLUMN language TEXT NOT NULL DEFAULT '';
