-- Date and timestamp input at PostgreSQL's limits: years beyond 9999, Julian day 0
-- (4714-11-24 BC), the last date (5874897-12-31) and the last timestamp (294276-12-31).
SELECT date '10000-01-01', date '99999-1-1', date '10000/01/01', date '5874897-12-31', date '4714-11-24 BC';
SELECT timestamp '10000-01-01 00:00', timestamp '294276-12-31 23:59:59.999999', timestamp '4714-11-24 00:00 BC';
SELECT timestamptz '12345-06-07 08:09:10+02', timestamptz '294276-12-31 22:59:59-01';
SELECT date '10000-01-01' - date '9999-12-31', date '5874897-12-31' > date '2024-01-01';
CREATE TABLE far (d date, t timestamp);
INSERT INTO far VALUES ('20000-02-29', '20000-02-29 12:00'), ('1999-01-01', '1999-01-01 00:00');
SELECT * FROM far ORDER BY d DESC;
-- errors
SELECT date '5874898-01-01';
SELECT date '5874898-06-01';
SELECT date '4714-11-23 BC';
SELECT date '10000-01-01 BC';
SELECT date '2147483648-01-01';
SELECT date '10001-02-29';
SELECT timestamp '294277-01-01';
SELECT timestamp '4714-11-23 23:59 BC';
SELECT timestamptz '294276-12-31 23:59:59-01';
SELECT timestamptz '4714-11-24 00:30:00+01 BC';
