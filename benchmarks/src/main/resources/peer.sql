-- The DuckDB peer: the same classification, candidate selection, five rule-based models and
-- effectiveness totals as Wellspring's Spark jobs (DESIGN.md), over the same CSV files, written
-- as fast as DuckDB runs it (issue 24): each CSV read with its columns and types given (no
-- sniffing, no text-to-type casts, no trimming: the generator writes clean, lower-case values,
-- and the benchmark's agreement check would catch a file that is not), one pass over the
-- activities, the five weights as columns of one row per candidate rather than five rows, and
-- credit summed per owner, class and month before it is turned into one row per model.
-- Placeholders: ${ACTIVITIES} (a list literal of file paths), ${CONTACTS}, ${GOALS}, ${OUTCOMES},
-- ${RUN_END_US} (microseconds since epoch of 00:00 UTC the day after the run date), ${RUN_DATE},
-- ${LOOKBACK_US}, ${HALF_LIFE_DAYS}.
SET TimeZone = 'UTC';

CREATE TEMP TABLE contacts AS
SELECT contact_id, coalesce(relationship, 'other') AS rel
FROM read_csv(${CONTACTS}, header=true, auto_detect=false, delim=',', quote='"', escape='"',
  columns={'contact_id':'VARCHAR','full_name':'VARCHAR','email':'VARCHAR','company':'VARCHAR',
           'title':'VARCHAR','location':'VARCHAR','source':'VARCHAR','relationship':'VARCHAR',
           'first_met_on':'VARCHAR'});

CREATE TEMP TABLE goals AS
SELECT goal_id, owner, category, starts_on, ends_on
FROM read_csv(${GOALS}, header=true, auto_detect=false, delim=',', quote='"', escape='"',
  columns={'goal_id':'VARCHAR','owner':'VARCHAR','category':'VARCHAR','title':'VARCHAR',
           'target_value':'VARCHAR','target_channel':'VARCHAR','starts_on':'DATE',
           'ends_on':'DATE','target_unit':'VARCHAR'})
WHERE starts_on <= DATE '${RUN_DATE}';

-- Rule 4 (inferred goal) depends only on owner, relationship and day: one row per day a
-- media or partner contact could be inferred to a goal, with how many goals fit that day.
CREATE TEMP TABLE inferred AS
SELECT owner, rel, d, min(goal_id) AS goal_id, count(*) AS cnt
FROM (
  SELECT g.owner, m.rel, g.goal_id,
         CAST(unnest(generate_series(CAST(g.starts_on AS TIMESTAMP), CAST(g.ends_on AS TIMESTAMP), INTERVAL 1 DAY)) AS DATE) AS d
  FROM goals g JOIN (VALUES ('media','publicity'),('partner','partners')) m(rel, category)
    ON m.category = g.category
)
GROUP BY owner, rel, d;

CREATE TEMP TABLE outcomes AS
SELECT outcome_id, owner, occurred_at AS ts, coalesce(value, 1) AS value, contact_id, goal_id
FROM read_csv(${OUTCOMES}, header=true, auto_detect=false, delim=',', quote='"', escape='"',
  columns={'outcome_id':'VARCHAR','owner':'VARCHAR','occurred_at':'TIMESTAMPTZ','type':'VARCHAR',
           'value':'DOUBLE','contact_id':'VARCHAR','goal_id':'VARCHAR','channel':'VARCHAR',
           'notes':'VARCHAR'})
WHERE epoch_us(occurred_at) < ${RUN_END_US};

-- Materialised first: DuckDB has no row estimate for a CSV it did not sniff, and would
-- otherwise build its join hash tables on the million activities rather than on the contacts.
CREATE TEMP TABLE act AS
SELECT activity_id, owner, occurred_at AS ts, type, contact_id, introduced_contact_id,
         goal_id, context, CAST(occurred_at AS DATE) AS d,
         coalesce(duration_minutes, CASE type
           WHEN 'meeting' THEN 60 WHEN 'call' THEN 30 WHEN 'email' THEN 5 WHEN 'message' THEN 5
           WHEN 'event' THEN 120 WHEN 'intro_received' THEN 10 WHEN 'intro_made' THEN 10
           WHEN 'invitation' THEN 5 WHEN 'endorsement' THEN 5 WHEN 'recommendation' THEN 20
           WHEN 'social_post' THEN 15 WHEN 'answer' THEN 15 WHEN 'other' THEN 30 END) AS minutes,
         coalesce(cost, 0) AS cost
  FROM read_csv(${ACTIVITIES}, header=true, auto_detect=false, delim=',', quote='"', escape='"',
    columns={'activity_id':'VARCHAR','owner':'VARCHAR','occurred_at':'TIMESTAMPTZ','type':'VARCHAR',
             'contact_id':'VARCHAR','duration_minutes':'DOUBLE','cost':'DOUBLE','goal_id':'VARCHAR',
             'context':'VARCHAR','introduced_contact_id':'VARCHAR','channel':'VARCHAR',
             'notes':'VARCHAR'})
WHERE epoch_us(occurred_at) < ${RUN_END_US};

CREATE TEMP TABLE tp AS
WITH c AS (
  SELECT a.*, coalesce(c.rel, 'other') AS rel,
         g.goal_id AS explicit_goal, i.goal_id AS inferred_goal, i.cnt
  FROM act a LEFT JOIN contacts c ON c.contact_id = a.contact_id
  LEFT JOIN goals g ON g.goal_id = a.goal_id AND g.owner = a.owner AND a.d BETWEEN g.starts_on AND g.ends_on
  LEFT JOIN inferred i ON i.owner = a.owner AND i.rel = coalesce(c.rel, 'other') AND i.d = a.d
)
SELECT activity_id, owner, ts, type, contact_id, introduced_contact_id, minutes, cost,
  date_trunc('month', d) AS month,
  CASE WHEN explicit_goal IS NOT NULL THEN 'DIRECTED'
       WHEN context IN ('business','speaking') OR rel = 'customer' THEN 'EMBEDDED'
       WHEN contact_id IS NOT NULL AND cnt = 1 THEN 'DIRECTED' ELSE 'UNDIRECTED' END AS class,
  CASE WHEN explicit_goal IS NOT NULL THEN explicit_goal
       WHEN context IN ('business','speaking') OR rel = 'customer' THEN NULL
       WHEN contact_id IS NOT NULL AND cnt = 1 THEN inferred_goal END AS directed_goal_id
FROM c;

-- One row per candidate (outcome, touchpoint) with the five rule-based weights as columns,
-- summed per owner, class and month. The three ways to be a candidate are made disjoint
-- (an introduction whose contact is also the outcome's is already a contact match; a goal match
-- needs an outcome without a contact), so UNION ALL needs no de-duplication.
CREATE TEMP TABLE credit AS
WITH pairs AS (
  SELECT o.outcome_id, o.value, o.ts AS ots, t.activity_id, t.ts, t.owner, t.class, t.month
  FROM outcomes o JOIN tp t ON t.owner = o.owner AND t.contact_id = o.contact_id
  WHERE epoch_us(t.ts) BETWEEN epoch_us(o.ts) - ${LOOKBACK_US} AND epoch_us(o.ts)
  UNION ALL
  SELECT o.outcome_id, o.value, o.ts, t.activity_id, t.ts, t.owner, t.class, t.month
  FROM outcomes o JOIN tp t ON t.owner = o.owner AND t.introduced_contact_id = o.contact_id
  WHERE t.type IN ('intro_received','intro_made') AND t.contact_id IS DISTINCT FROM o.contact_id
    AND epoch_us(t.ts) BETWEEN epoch_us(o.ts) - ${LOOKBACK_US} AND epoch_us(o.ts)
  UNION ALL
  SELECT o.outcome_id, o.value, o.ts, t.activity_id, t.ts, t.owner, t.class, t.month
  FROM outcomes o JOIN tp t ON t.owner = o.owner AND t.directed_goal_id = o.goal_id
  WHERE o.contact_id IS NULL AND t.class = 'DIRECTED'
    AND epoch_us(t.ts) BETWEEN epoch_us(o.ts) - ${LOOKBACK_US} AND epoch_us(o.ts)
), cand AS (
  SELECT owner, class, month, value,
    row_number() OVER (PARTITION BY outcome_id ORDER BY ts, activity_id) AS pos,
    count(*) OVER (PARTITION BY outcome_id) AS n,
    pow(2, -((epoch_us(ots) - epoch_us(ts)) / 86400e6) / ${HALF_LIFE_DAYS}) AS decay,
    sum(pow(2, -((epoch_us(ots) - epoch_us(ts)) / 86400e6) / ${HALF_LIFE_DAYS})) OVER (PARTITION BY outcome_id) AS decay_sum
  FROM pairs
), w AS (
  SELECT owner, class, month, value,
    CASE WHEN pos = 1 THEN 1.0 ELSE 0.0 END AS first_touch,
    CASE WHEN pos = n THEN 1.0 ELSE 0.0 END AS last_touch,
    1.0 / n AS linear,
    decay / decay_sum AS time_decay,
    CASE WHEN n = 1 THEN 1.0 WHEN n = 2 THEN 0.5 WHEN pos = 1 OR pos = n THEN 0.4 ELSE 0.2 / (n - 2) END AS position_based
  FROM cand
)
SELECT owner, class, month,
  sum(first_touch) AS o_first_touch, sum(first_touch * value) AS v_first_touch,
  sum(last_touch) AS o_last_touch, sum(last_touch * value) AS v_last_touch,
  sum(linear) AS o_linear, sum(linear * value) AS v_linear,
  sum(time_decay) AS o_time_decay, sum(time_decay * value) AS v_time_decay,
  sum(position_based) AS o_position_based, sum(position_based * value) AS v_position_based
FROM w GROUP BY owner, class, month;

CREATE TEMP TABLE credit_by_model AS
SELECT owner, class, month, model, credited_outcomes, credited_value FROM (
  UNPIVOT credit
  ON (o_first_touch, v_first_touch) AS first_touch, (o_last_touch, v_last_touch) AS last_touch,
     (o_linear, v_linear) AS linear, (o_time_decay, v_time_decay) AS time_decay,
     (o_position_based, v_position_based) AS position_based
  INTO NAME model VALUE credited_outcomes, credited_value);

CREATE TEMP TABLE peer_totals AS
SELECT class, model, sum(credited_value) AS credited_value, sum(credited_outcomes) AS credited_outcomes
FROM credit_by_model GROUP BY class, model;

CREATE TEMP TABLE peer_effectiveness AS
WITH effort AS (
  SELECT owner, class, month, count(*) AS activities, sum(minutes) / 60 AS hours, sum(cost) AS cost
  FROM tp GROUP BY owner, class, month
)
SELECT e.owner, e.class, strftime(e.month, '%Y-%m') AS month, m.model, e.activities, e.hours, e.cost,
  coalesce(c.credited_outcomes, 0) AS credited_outcomes, coalesce(c.credited_value, 0) AS credited_value,
  CASE WHEN e.hours > 0 THEN coalesce(c.credited_value, 0) / e.hours END AS value_per_hour
FROM effort e
CROSS JOIN (VALUES ('first_touch'),('last_touch'),('linear'),('time_decay'),('position_based')) m(model)
LEFT JOIN credit_by_model c ON c.owner = e.owner AND c.class = e.class AND c.month = e.month AND c.model = m.model;
