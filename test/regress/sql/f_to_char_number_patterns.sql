-- to_char number patterns beyond digits and signs: EEEE, V, L, TH, PL, B/C/SP, quoted text,
-- RN with other text, and how floats, smallint and bigint are turned into digits
SELECT to_char(12345.678, '9.99EEEE'), to_char(0.000123, '9.9EEEE'), to_char(-12345.678, '9.99EEEE'), to_char(0, '9.99EEEE'), to_char(1e100::float8, '9.99EEEE');
SELECT to_char(12345.678::float8, '9.99EEEE'), to_char(12345::int4, '9.99EEEE'), to_char(12345::int8, '99.9EEEE'), to_char(1.5::float4, '9.9EEEE'), to_char(9.99, '9.9EEEE');
-- bigint and numeric round in decimal, integer and floats through double precision
SELECT '[' || to_char(125::int8, '9.9EEEE') || '][' || to_char(125::int4, '9.9EEEE') || '][' || to_char(125::numeric, '9.9EEEE') || '][' || to_char(0.125::float8, '9.9EEEE') || ']';
SELECT to_char(1e-10, '9.9EEEE'), to_char(-1e300::numeric, '9.9EEEE'), to_char(123456789012345678901234567890::numeric, '9.99999EEEE'), to_char(0.000001::numeric, '9EEEE'), to_char(0::float8, '9.9EEEE'), to_char(-0.0::float8, '9.9EEEE');
SELECT '[' || to_char(12.345, '9.99eeee') || '][' || to_char(12.345, '9,999.99EEEE') || '][' || to_char(-0.05::float8, '09.9EEEE') || '][' || to_char(12.345, '99D9EEEE') || '][' || to_char(12.345, 'L9.9EEEE') || ']';
SELECT to_char('NaN'::numeric, '9.99EEEE'), to_char('NaN'::float8, '9.9EEEE'), to_char('-Infinity'::float8, '99.9EEEE');
-- V multiplies by ten for each 9 after it
SELECT to_char(123, '999V99'), to_char(123.456, '999V99'), to_char(-12.5, '99V9'), to_char(12.5::float8, '99V9'), to_char(3::int2, '9V999'), to_char(3::int8, '9V999'), to_char(1.5::float4, '9V9');
SELECT '[' || to_char(12.345, '9V9TH') || '][' || to_char(12.345, '99VTH') || '][' || to_char(12.345, 'V99') || '][' || to_char(12.345, '9V9V9') || '][' || to_char(12.345, 'PL9V9') || '][' || to_char(-0.05::float8, '9V9') || '][' || to_char(0.5, 'FM9V9') || ']';
-- L prints the C locale's currency symbol, a blank
SELECT '[' || to_char(123.45, 'L999.99') || '][' || to_char(-123.45, 'L999.99') || '][' || to_char(123, 'FML999') || '][' || to_char(5, '9L') || '][' || to_char(-5, 'FML9') || '][' || to_char(5, 'L9L') || '][' || to_char(-5, 'S9L') || '][' || to_char(-5, '9LMI') || ']';
-- TH and th: not after a negative number, an overflow or a decimal point
SELECT to_char(1, '9TH'), to_char(2, '9th'), to_char(3, '99TH'), to_char(11, '99TH'), to_char(12, '99th'), to_char(13, '99TH'), to_char(21, '99TH'), to_char(22, 'FM99th'), to_char(111, '999TH'), to_char(0, '9TH');
SELECT '[' || to_char(-1, 'S9TH') || '][' || to_char(4.5, '9.9TH') || '][' || to_char(23::int8, '99TH') || '][' || to_char(101::float8, '999TH') || '][' || to_char(112, 'FM999TH') || '][' || to_char(1000, '9,999TH') || '][' || to_char(5, '9THTH') || '][' || to_char(5, '0TH') || '][' || to_char(3, '9SPTH') || '][' || to_char(5, 'TH9') || '][' || to_char(-5, '9THMI') || '][' || to_char(123, '99TH') || ']';
-- PL, MI and SG print where they stand
SELECT '[' || to_char(5, 'PL9') || '][' || to_char(-5, 'PL9') || '][' || to_char(5, '9PL') || '][' || to_char(-5, '9PL') || '][' || to_char(5, 'FMPL9') || '][' || to_char(-5, 'FMPL9') || '][' || to_char(-5, 'FM9PL') || '][' || to_char(5, 'PL999') || '][' || to_char(-5, 'PL999') || '][' || to_char(-5, '999PL') || ']';
SELECT '[' || to_char(5, 'MI9') || '][' || to_char(-5, 'MI9') || '][' || to_char(-5, 'MI999') || '][' || to_char(-5, 'SG999') || '][' || to_char(5, 'SG999') || '][' || to_char(-5, '999SG') || '][' || to_char(-5, 'PL999MI') || ']';
-- B, C and SP print nothing; keywords are all upper or all lower case, else literal text
SELECT '[' || to_char(5, '9B') || '][' || to_char(5, '9C') || '][' || to_char(0, 'B9') || '][' || to_char(5, '9b') || '][' || to_char(5, '9Th') || '][' || to_char(5, 'Fm9') || '][' || to_char(5, '9Eeee') || '][' || to_char(5, '9rn') || ']';
-- quoted literals, templates without digits, the point only with fraction digits
SELECT '[' || to_char(14, '"n="RN') || '][' || to_char(1234.5, '"val: "9,999.9"!"') || '][' || to_char(5, '9\"') || '][' || to_char(-5, '"x"') || '][' || to_char(-5, 'PR"x"') || '][' || to_char(-5, 'MI') || '][' || to_char(-5, 'S') || '][' || to_char(-5, '.') || ']';
SELECT '[' || to_char(5, '9.') || '][' || to_char(5::float8, '9.') || '][' || to_char(5, '.9') || '][' || to_char(0.5, 'FM.99') || '][' || to_char(5, '.TH') || '][' || to_char(1234.5, '99.9') || '][' || to_char(1234.5, '99D9') || ']';
-- floats keep DBL_DIG (real: FLT_DIG) significant digits; smallint goes through double precision
SELECT '[' || to_char(1.123456789::float4, '9.99999999') || '][' || to_char(1234567.5::float4, '99999999.9') || '][' || to_char(1234567.5::float4, '9999999.9TH') || '][' || to_char(-1234567.5::float4, 'S9999999.9') || '][' || to_char(1.123456789012345678::float8, '9.99999999999999999') || '][' || to_char(7::int2, '9.9EEEE') || ']';
SELECT '[' || to_char(12345::int2, '99999.9999999999999') || '][' || to_char(12345::int4, '99999.9999999999999') || '][' || to_char(-0.05::float8, '9.9') || '][' || to_char(2.5::float8, 'RN') || '][' || to_char(2.5, 'RN') || ']';
-- NaN and infinity print as words when they fit, as #s when they do not
SELECT '[' || to_char('NaN'::numeric, '999.9') || '][' || to_char('NaN'::float8, '999.9') || '][' || to_char('Infinity'::float8, '999.9') || '][' || to_char('NaN'::numeric, '99.9') || '][' || to_char('NaN'::float8, '9999.9') || '][' || to_char('Infinity'::float8, '999999999.9') || '][' || to_char('-Infinity'::float4, '9.9') || ']';
-- errors
SELECT to_char(12.34, '9.99EEEEPR');
SELECT to_char(12.34, '9.9EEEE9');
SELECT to_char(12.34, '9.9EEEEEEEE');
SELECT to_char(12.34, 'FM9.99EEEE');
SELECT to_char(12.34, 'S9.99EEEE');
SELECT to_char(12.34, 'MI9.9EEEE');
SELECT to_char(12, 'RN9EEEE');
SELECT to_char(1, '9V9EEEE');
SELECT to_char(12.34, '99V9.9');
SELECT to_char(12.34, '99.9V9');
SELECT to_char(1, '9.9.9');
SELECT to_char(1, 'S9S');
SELECT to_char(1, '9S9S');
SELECT to_char(1, 'MIS9');
SELECT to_char(1, 'S9PL');
SELECT to_char(1, 'S9SG');
SELECT to_char(1, '9PR9');
SELECT to_char(1, 'PR0');
SELECT to_char(1, 'S9PR');
SELECT to_char(1, 'MI9PR');
