-- CREATE [UNIQUE] INDEX: composite, DESC/NULLS, partial, expression; DROP INDEX
CREATE TABLE accounts (id int PRIMARY KEY, email text NOT NULL, org int, created date, deleted boolean DEFAULT false);
INSERT INTO accounts VALUES (1, 'Ann@Example.com', 1, '2024-01-01', false), (2, 'bob@example.com', 1, '2024-01-02', false),
  (3, 'cyd@example.com', 2, NULL, true), (4, 'dee@example.com', NULL, '2024-01-04', false);
CREATE UNIQUE INDEX accounts_email_lower ON accounts (lower(email));
CREATE INDEX ON accounts (org, created DESC NULLS LAST);
CREATE INDEX accounts_live ON accounts (created) WHERE NOT deleted;
CREATE INDEX IF NOT EXISTS accounts_live ON accounts (org);
CREATE INDEX accounts_org_idx2 ON accounts (org);
SELECT id FROM accounts WHERE lower(email) = 'ann@example.com';
SELECT id FROM accounts WHERE org = 1 ORDER BY created DESC;
SELECT id FROM accounts WHERE created > '2024-01-01' AND NOT deleted ORDER BY created;
INSERT INTO accounts VALUES (5, 'eve@example.com', 2, '2024-01-05', false);
INSERT INTO accounts VALUES (6, 'Eve@Example.com', 2, '2024-01-06', false);
UPDATE accounts SET email = 'BOB@example.com' WHERE id = 2;
UPDATE accounts SET email = 'ann@example.com' WHERE id = 2;
DELETE FROM accounts WHERE id = 1;
INSERT INTO accounts VALUES (7, 'ann@example.com', 3, NULL, false);
SELECT id, email FROM accounts WHERE lower(email) = 'ann@example.com';
CREATE UNIQUE INDEX uniq_created ON accounts (created);
INSERT INTO accounts VALUES (8, 'x@example.com', 3, NULL, false);
SELECT count(*) FROM accounts WHERE created IS NULL;
DROP INDEX accounts_org_idx2;
DROP INDEX IF EXISTS accounts_org_idx2;
CREATE TABLE dupes (v int);
INSERT INTO dupes VALUES (1), (1);
-- errors
CREATE UNIQUE INDEX dupes_v ON dupes (v);
CREATE INDEX accounts_live ON accounts (org);
CREATE INDEX bad_col ON accounts (nosuch);
CREATE INDEX bad_tab ON nosuch (x);
DROP INDEX nosuch_idx;
DROP INDEX accounts_pkey;
DROP TABLE accounts_live;
DROP INDEX accounts;
SELECT count(*) FROM accounts;
