-- websearch_to_tsquery: words joined by &, "quoted text" as a phrase, or, -word as NOT,
-- other punctuation ignored, stop words dropped.
select websearch_to_tsquery('english', 'fat rat');
select websearch_to_tsquery('english', '"fat rat" or cat -dog');
select websearch_to_tsquery('english', 'The fat rats');
select websearch_to_tsquery('english', '"supernovae stars" -crab');
select websearch_to_tsquery('english', '"sad cat" or "fat rat"');
select websearch_to_tsquery('english', 'signal -"segmentation fault"');
select websearch_to_tsquery('english', 'or fat or');
select websearch_to_tsquery('english', 'fat or');
select websearch_to_tsquery('english', 'fat -');
select websearch_to_tsquery('english', '-fat');
select websearch_to_tsquery('english', '""');
select websearch_to_tsquery('english', '');
select websearch_to_tsquery('english', 'the');
select websearch_to_tsquery('english', 'cat & (dog | !mouse) <-> bird:*');
select websearch_to_tsquery('english', 'orange or-ange ORgan OR egg');
select websearch_to_tsquery('english', 'a "the quick" brown');
select websearch_to_tsquery('english', '"unterminated phrase');
select websearch_to_tsquery('english', 'it''s \fine: "x"y');
select websearch_to_tsquery('simple', 'Ünïcödé -Straße "东京 café"');
select websearch_to_tsquery('fat rat');
select to_tsvector('english', 'the fat rat sat') @@ websearch_to_tsquery('english', '"fat rat" -dog');
select to_tsvector('english', 'the fat rat sat') @@ websearch_to_tsquery('english', 'rat -sat');
