-- user enums (CREATE TYPE ... AS ENUM)
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE people (name text, current_mood mood NOT NULL DEFAULT 'ok');
INSERT INTO people VALUES ('ann', 'happy'), ('bob', 'sad');
INSERT INTO people (name) VALUES ('cy');
SELECT * FROM people ORDER BY current_mood;
SELECT name FROM people WHERE current_mood > 'sad' ORDER BY name;
SELECT 'happy'::mood, 'ok'::mood < 'happy'::mood, min(current_mood), max(current_mood) FROM people;
SELECT current_mood::text || '!' FROM people WHERE name = 'ann';
ALTER TYPE mood ADD VALUE 'ecstatic';
SELECT 'ecstatic'::mood > 'happy'::mood;
CREATE TYPE mood AS ENUM ('x');
-- errors
INSERT INTO people VALUES ('dee', 'angry');
SELECT 'meh'::mood;
SELECT current_mood = 1 FROM people;
DROP TYPE mood;
DROP TYPE no_such_type;
DROP TYPE IF EXISTS no_such_type;
