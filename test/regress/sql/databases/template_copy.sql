-- CREATE DATABASE ... TEMPLATE copies the template's tables, rows, indexes, sequences, views,
-- materialized views, triggers and comments; the copy and the template change independently
CREATE DATABASE tusk_fixture;
\c tusk_fixture
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE DOMAIN positive AS int CHECK (VALUE > 0);
CREATE TABLE teams (id serial PRIMARY KEY, name text UNIQUE NOT NULL);
CREATE TABLE players (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id int REFERENCES teams (id) ON DELETE CASCADE,
  name text NOT NULL,
  feeling mood DEFAULT 'ok',
  score positive,
  profile jsonb,
  name_length int GENERATED ALWAYS AS (length(name)) STORED,
  updated_at timestamptz
);
CREATE INDEX players_name ON players (name);
CREATE INDEX players_lower_name ON players (lower(name)) WHERE score > 1;
CREATE INDEX players_profile ON players USING gin (profile jsonb_path_ops);
CREATE TABLE events (kind text, at int);  -- no primary key: rows keyed by a hidden row id
CREATE SEQUENCE tickets START 100 INCREMENT 5;
SELECT nextval('tickets'), nextval('tickets');
CREATE SEQUENCE untouched START 7;
CREATE SEQUENCE rewound;
SELECT setval('rewound', 40, false);
CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := '2026-01-01 00:00:00+00';
  INSERT INTO events VALUES (TG_OP, NEW.score);
  RETURN NEW;
END $$;
CREATE TRIGGER players_touch BEFORE INSERT OR UPDATE ON players FOR EACH ROW EXECUTE FUNCTION touch();
INSERT INTO teams (name) VALUES ('red'), ('blue'), ('green');
INSERT INTO players (team_id, name, feeling, score, profile) VALUES
  (1, 'ann', 'happy', 3, '{"role": "captain", "tags": ["a"]}'),
  (1, 'bob', 'sad', 1, '{"role": "keeper"}'),
  (2, 'cy', 'ok', 5, '{"role": "captain"}'),
  (3, 'dee', NULL, NULL, NULL);
CREATE VIEW team_scores AS
  SELECT t.name, count(p.id) AS players, sum(p.score) AS total
  FROM teams t LEFT JOIN players p ON p.team_id = t.id GROUP BY t.name;
CREATE MATERIALIZED VIEW captains AS SELECT name FROM players WHERE profile @> '{"role": "captain"}';
CREATE UNIQUE INDEX captains_name ON captains (name);
COMMENT ON TABLE players IS 'who plays';
COMMENT ON COLUMN players.score IS 'points';
ANALYZE;
\c regression
-- (a template with other sessions connected cannot be copied: this one has left it)
CREATE DATABASE tusk_copy TEMPLATE tusk_fixture;
\c tusk_copy
SELECT current_database();
SELECT * FROM teams ORDER BY id;
SELECT id, team_id, name, feeling, score, profile, name_length, updated_at FROM players ORDER BY id;
SELECT * FROM events ORDER BY kind, at;
SELECT * FROM team_scores ORDER BY name;
SELECT * FROM captains ORDER BY name;
SELECT obj_description('players'::regclass, 'pg_class'), col_description('players'::regclass, 5);
SELECT relname, relkind FROM pg_class
WHERE relnamespace = 'public'::regnamespace ORDER BY relname;
SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname;
SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
WHERE conrelid IN ('teams'::regclass, 'players'::regclass) ORDER BY conname;
SELECT tgname FROM pg_trigger WHERE tgrelid = 'players'::regclass AND NOT tgisinternal;
SELECT attname, n_distinct FROM pg_stats WHERE tablename = 'teams' ORDER BY attname;
SELECT reltuples FROM pg_class WHERE relname = 'players';
-- the sequences go on where the template's were
SELECT nextval('tickets'), nextval('untouched'), nextval('rewound');
INSERT INTO teams (name) VALUES ('gold') RETURNING id;
INSERT INTO players (team_id, name, score) VALUES (4, 'eve', 2) RETURNING id, updated_at;
INSERT INTO events VALUES ('copy', 1);
SELECT kind, at FROM events ORDER BY kind, at;
-- the indexes were made for the copy's rows
SET enable_seqscan = off;
EXPLAIN (COSTS OFF) SELECT id, name FROM players WHERE name = 'cy';
SELECT id, name FROM players WHERE name = 'cy';
EXPLAIN (COSTS OFF) SELECT name FROM players WHERE lower(name) = 'ann' AND score > 1;
SELECT name FROM players WHERE lower(name) = 'ann' AND score > 1;
EXPLAIN (COSTS OFF) SELECT name FROM players WHERE profile @> '{"role": "captain"}';
SELECT name FROM players WHERE profile @> '{"role": "captain"}' ORDER BY name;
RESET enable_seqscan;
-- constraints hold in the copy
INSERT INTO teams (name) VALUES ('red');
INSERT INTO players (team_id, name) VALUES (99, 'zed');
INSERT INTO players (team_id, name, score) VALUES (1, 'zed', 0);
DELETE FROM teams WHERE name = 'red';
SELECT name FROM players ORDER BY id;
REFRESH MATERIALIZED VIEW CONCURRENTLY captains;
SELECT * FROM captains ORDER BY name;
-- the template is as it was
\c tusk_fixture
SELECT * FROM teams ORDER BY id;
SELECT name FROM players ORDER BY id;
SELECT kind, at FROM events ORDER BY kind, at;
SELECT nextval('tickets');
SELECT * FROM captains ORDER BY name;
-- a copy of the copy, and a copy that is used as a template
\c regression
ALTER DATABASE tusk_copy IS_TEMPLATE true;
CREATE DATABASE tusk_copy2 TEMPLATE tusk_copy;
\c tusk_copy2
SELECT name FROM players ORDER BY id;
SELECT nextval('tickets');
\c regression
ALTER DATABASE tusk_copy IS_TEMPLATE false;
DROP DATABASE tusk_copy2;
DROP DATABASE tusk_copy;
DROP DATABASE tusk_fixture;
