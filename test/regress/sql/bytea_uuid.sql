-- bytea and uuid
SELECT '\x48656c6c6f'::bytea, 'abc'::bytea, '\x'::bytea, length('\x0001ff'::bytea);
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid, 'A0EEBC999C0B4EF8BB6D6BB9BD380A11'::uuid, '{a0eebc99-9c0b4ef8-bb6d6bb9-bd380a11}'::uuid;
CREATE TABLE docs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), blob bytea);
INSERT INTO docs (id, blob) VALUES ('11111111-1111-1111-1111-111111111111', '\xdeadbeef'), ('00000000-0000-0000-0000-000000000001', NULL);
INSERT INTO docs (blob) VALUES ('\x00');
SELECT count(*), count(DISTINCT id) FROM docs;
SELECT id, blob FROM docs WHERE id <> '00000000-0000-0000-0000-000000000001' AND blob IS NOT NULL AND length(blob) = 4;
SELECT id FROM docs WHERE id = '00000000-0000-0000-0000-000000000001';
SELECT length(gen_random_uuid()::text), pg_typeof(gen_random_uuid());
-- errors
SELECT 'not-a-uuid'::uuid;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1'::uuid;
SELECT '\xzz'::bytea;
SELECT '\x123'::bytea;
INSERT INTO docs VALUES ('11111111-1111-1111-1111-111111111111', NULL);
