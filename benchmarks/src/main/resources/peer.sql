-- The DuckDB peer: the same classification, candidate selection, five rule-based models and
-- effectiveness totals as Wellspring's Spark jobs (DESIGN.md), over the same CSV files.
-- Placeholders: ${ACTIVITIES} (a list literal of file paths), ${CONTACTS}, ${GOALS}, ${OUTCOMES},
-- ${RUN_END_US} (microseconds since epoch of 00:00 UTC the day after the run date), ${RUN_DATE},
-- ${LOOKBACK_US}, ${HALF_LIFE_DAYS}.
SET TimeZone = 'UTC';

CREATE TEMP TABLE durations(type VARCHAR, minutes DOUBLE);
INSERT INTO durations VALUES ('meeting',60),('call',30),('email',5),('message',5),('event',120),
  ('intro_received',10),('intro_made',10),('invitation',5),('endorsement',5),('recommendation',20),
  ('social_post',15),('answer',15),('other',30);
CREATE TEMP TABLE imap(relationship VARCHAR, category VARCHAR);
INSERT INTO imap VALUES ('media','publicity'),('partner','partners');

CREATE TEMP TABLE contacts AS
SELECT trim(contact_id) AS contact_id, coalesce(nullif(lower(trim(relationship)),''),'other') AS relationship
FROM read_csv(${CONTACTS}, header=true, all_varchar=true);

CREATE TEMP TABLE goals AS
SELECT trim(goal_id) AS goal_id, trim(owner) AS owner, lower(trim(category)) AS category,
       CAST(trim(starts_on) AS DATE) AS starts_on, CAST(trim(ends_on) AS DATE) AS ends_on
FROM read_csv(${GOALS}, header=true, all_varchar=true)
WHERE CAST(trim(starts_on) AS DATE) <= DATE '${RUN_DATE}';

CREATE TEMP TABLE act AS
WITH raw AS (
  SELECT * FROM read_csv(${ACTIVITIES}, header=true, all_varchar=true, union_by_name=true)
)
SELECT trim(r.activity_id) AS activity_id, trim(r.owner) AS owner,
       CAST(trim(r.occurred_at) AS TIMESTAMPTZ) AS ts, lower(trim(r.type)) AS type,
       nullif(trim(r.contact_id),'') AS contact_id,
       coalesce(CAST(nullif(trim(r.duration_minutes),'') AS DOUBLE), d.minutes) AS minutes,
       coalesce(CAST(nullif(trim(r.cost),'') AS DOUBLE), 0) AS cost,
       nullif(trim(r.goal_id),'') AS goal_id, nullif(lower(trim(r.context)),'') AS context,
       nullif(trim(r.introduced_contact_id),'') AS introduced_contact_id
FROM raw r LEFT JOIN durations d ON d.type = lower(trim(r.type))
WHERE epoch_us(CAST(trim(r.occurred_at) AS TIMESTAMPTZ)) < ${RUN_END_US};

CREATE TEMP TABLE outcomes AS
SELECT trim(outcome_id) AS outcome_id, trim(owner) AS owner, CAST(trim(occurred_at) AS TIMESTAMPTZ) AS ts,
       coalesce(CAST(nullif(trim(value),'') AS DOUBLE), 1) AS value,
       nullif(trim(contact_id),'') AS contact_id, nullif(trim(goal_id),'') AS goal_id
FROM read_csv(${OUTCOMES}, header=true, all_varchar=true)
WHERE epoch_us(CAST(trim(occurred_at) AS TIMESTAMPTZ)) < ${RUN_END_US};

CREATE TEMP TABLE tp AS
WITH a AS (
  SELECT a.*, CAST(a.ts AS DATE) AS d, coalesce(c.relationship, 'other') AS rel,
         strftime(a.ts, '%Y-%m') AS month
  FROM act a LEFT JOIN contacts c ON c.contact_id = a.contact_id
), ex AS (
  SELECT a.activity_id, g.goal_id
  FROM a JOIN goals g ON g.goal_id = a.goal_id AND g.owner = a.owner AND a.d BETWEEN g.starts_on AND g.ends_on
), inf AS (
  SELECT a.activity_id, min(g.goal_id) AS goal_id, count(*) AS cnt
  FROM a JOIN imap m ON m.relationship = a.rel
         JOIN goals g ON g.owner = a.owner AND g.category = m.category AND a.d BETWEEN g.starts_on AND g.ends_on
  WHERE a.contact_id IS NOT NULL
  GROUP BY a.activity_id
)
SELECT a.activity_id, a.owner, a.ts, a.type, a.contact_id, a.introduced_contact_id, a.minutes, a.cost, a.month,
  CASE WHEN ex.goal_id IS NOT NULL THEN 'DIRECTED'
       WHEN a.context IN ('business','speaking') OR a.rel = 'customer' THEN 'EMBEDDED'
       WHEN inf.cnt = 1 THEN 'DIRECTED' ELSE 'UNDIRECTED' END AS class,
  CASE WHEN ex.goal_id IS NOT NULL THEN ex.goal_id
       WHEN a.context IN ('business','speaking') OR a.rel = 'customer' THEN NULL
       WHEN inf.cnt = 1 THEN inf.goal_id END AS directed_goal_id
FROM a LEFT JOIN ex USING (activity_id) LEFT JOIN inf USING (activity_id);

CREATE TEMP TABLE cand AS
WITH pairs AS (
  SELECT o.outcome_id, o.value, o.ts AS ots, t.activity_id, t.ts
  FROM outcomes o JOIN tp t ON t.owner = o.owner AND t.contact_id = o.contact_id
  WHERE o.contact_id IS NOT NULL
    AND epoch_us(t.ts) BETWEEN epoch_us(o.ts) - ${LOOKBACK_US} AND epoch_us(o.ts)
  UNION
  SELECT o.outcome_id, o.value, o.ts, t.activity_id, t.ts
  FROM outcomes o JOIN tp t ON t.owner = o.owner AND t.introduced_contact_id = o.contact_id
  WHERE o.contact_id IS NOT NULL AND t.type IN ('intro_received','intro_made')
    AND epoch_us(t.ts) BETWEEN epoch_us(o.ts) - ${LOOKBACK_US} AND epoch_us(o.ts)
  UNION
  SELECT o.outcome_id, o.value, o.ts, t.activity_id, t.ts
  FROM outcomes o JOIN tp t ON t.owner = o.owner AND t.class = 'DIRECTED' AND t.directed_goal_id = o.goal_id
  WHERE o.contact_id IS NULL AND o.goal_id IS NOT NULL
    AND epoch_us(t.ts) BETWEEN epoch_us(o.ts) - ${LOOKBACK_US} AND epoch_us(o.ts)
)
SELECT *,
  row_number() OVER (PARTITION BY outcome_id ORDER BY ts, activity_id) AS pos,
  count(*) OVER (PARTITION BY outcome_id) AS n,
  (epoch_us(ots) - epoch_us(ts)) / 86400e6 AS days_before
FROM pairs;

CREATE TEMP TABLE credits AS
WITH w AS (
  SELECT outcome_id, activity_id, value, pos, n,
    CASE WHEN pos = 1 THEN 1.0 ELSE 0.0 END AS first_touch,
    CASE WHEN pos = n THEN 1.0 ELSE 0.0 END AS last_touch,
    1.0 / n AS linear,
    pow(2, -days_before / ${HALF_LIFE_DAYS}) / sum(pow(2, -days_before / ${HALF_LIFE_DAYS})) OVER (PARTITION BY outcome_id) AS time_decay,
    CASE WHEN n = 1 THEN 1.0 WHEN n = 2 THEN 0.5 WHEN pos = 1 OR pos = n THEN 0.4 ELSE 0.2 / (n - 2) END AS position_based
  FROM cand
)
UNPIVOT w ON first_touch, last_touch, linear, time_decay, position_based INTO NAME model VALUE weight;

CREATE TEMP TABLE peer_totals AS
SELECT t.class, c.model, sum(c.weight * c.value) AS credited_value, sum(c.weight) AS credited_outcomes
FROM credits c JOIN tp t USING (activity_id)
GROUP BY t.class, c.model;

CREATE TEMP TABLE peer_effectiveness AS
WITH effort AS (
  SELECT owner, class, month, count(*) AS activities, sum(minutes) / 60 AS hours, sum(cost) AS cost
  FROM tp GROUP BY owner, class, month
), credit AS (
  SELECT t.owner, t.class, t.month, c.model, sum(c.weight) AS credited_outcomes, sum(c.weight * c.value) AS credited_value
  FROM credits c JOIN tp t USING (activity_id) GROUP BY t.owner, t.class, t.month, c.model
), models AS (SELECT DISTINCT model FROM credits)
SELECT e.owner, e.class, e.month, m.model, e.activities, e.hours, e.cost,
  coalesce(c.credited_outcomes, 0) AS credited_outcomes, coalesce(c.credited_value, 0) AS credited_value,
  CASE WHEN e.hours > 0 THEN coalesce(c.credited_value, 0) / e.hours END AS value_per_hour
FROM effort e CROSS JOIN models m
LEFT JOIN credit c ON c.owner = e.owner AND c.class = e.class AND c.month = e.month AND c.model = m.model;
