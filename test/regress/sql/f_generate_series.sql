-- generate_series over integers, numerics and timestamps
SELECT * FROM generate_series(-2, 2);
SELECT * FROM generate_series(5, 1, -2);
SELECT * FROM generate_series(1, 0);
SELECT * FROM generate_series(0.5, 2.0, 0.5);
SELECT * FROM generate_series('2024-01-30'::date, '2024-02-02'::date, '1 day');
SELECT * FROM generate_series('2024-01-31'::timestamp, '2024-05-31'::timestamp, '1 month');
SELECT count(*), sum(g) FROM generate_series(1, 10000) g;
SELECT g, g * g FROM generate_series(1, 4) AS g WHERE g % 2 = 0;
-- errors
SELECT * FROM generate_series(1, 10, 0);
