// The database the SQL and wire targets start from: a little of every type, constraints, a
// foreign key, indexes and a second schema, so that fuzzed statements find something to touch.
#pragma once

namespace fuzz {

inline constexpr const char* kSchema[] = {
    "CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')",
    "CREATE SEQUENCE seq1",
    "CREATE TABLE a (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), ts timestamptz, "
    "doc jsonb, tags text[], m mood, flag bool, f float8, d date, u uuid, raw bytea, iv interval)",
    "CREATE TABLE b (id bigserial PRIMARY KEY, a_id int REFERENCES a (id) ON DELETE CASCADE, "
    "qty int CHECK (qty > 0), note varchar(20), UNIQUE (a_id, note))",
    "CREATE INDEX a_name_idx ON a (name)",
    "CREATE INDEX b_qty_idx ON b (qty DESC) WHERE qty > 1",
    "INSERT INTO a VALUES (1, 'one', 1.50, '2024-01-01 10:00+00', '{\"k\": [1, 2]}', '{x,y}', 'ok', "
    "true, 1.5, '2024-01-01', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '\\x00ff', '1 day 2 hours'), "
    "(2, 'two', -3.25, '1999-12-31 23:59:59.5+02', '[null, true]', '{}', 'sad', false, 'NaN', "
    "'infinity', NULL, '', '-1 mon'), (3, 'three', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "NULL, NULL, NULL)",
    "INSERT INTO b (a_id, qty, note) VALUES (1, 2, 'n1'), (2, 3, 'n2'), (1, 1, NULL)",
    "CREATE SCHEMA s2",
    "CREATE TABLE s2.c (k text PRIMARY KEY, v int[], t timestamp)",
};

}  // namespace fuzz
