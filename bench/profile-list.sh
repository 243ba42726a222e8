#!/usr/bin/env bash
# The customer list's SQL before and after it read scored customers from the scores' index (issue 11): 1,000,000
# generated customers, 999,000 of them scored, in the profile schema made by its Flyway migrations; each query form of
# three filter/sort mixes timed 20 times in one psql session (psql on the PATH); then one segment by CLV with and
# without the (refit, segment, CLV) index of V4 (segments follow CLV, as k-means on value makes them). bench/profile.sh
# times the API itself.
#   bench/profile-list.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bin/lib/java.sh; keliu_find_jdk
d=$(mktemp -d)
bin/keliu postgres --port 25999 --data-dir $d/pg > $d/pg.log 2>&1 &
pg=$!
trap 'kill $pg; wait; rm -rf $d' EXIT
until grep -q "PostgreSQL is up" $d/pg.log; do sleep 0.5; done
export PGPASSWORD=postgres
P="psql -q -h localhost -p 25999 -U postgres -d postgres -v ON_ERROR_STOP=1"
$P -c "CREATE SCHEMA profiles"
for f in profile-service/src/main/resources/db/migration/V*.sql; do PGOPTIONS='-c search_path=profiles' $P -f $f; done
$P <<'SQL'
SET search_path = profiles;
INSERT INTO customers (user_id, province, city, lifecycle, purchases, monetary_total, last_purchase_on)
SELECT 'B' || (1000000 + i), (ARRAY['浙江省','广东省','江苏省','北京市','上海市'])[1 + i % 5], 'c', (ARRAY['ACTIVE','AT_RISK','LAPSED'])[1 + i % 3],
       1 + i % 7, (i % 9973) * 1.5, date '2026-10-01' - (i % 700) FROM generate_series(1, 1000000) i;
INSERT INTO refits (refit_id, status, calibration_end, horizon_days, started_at, customers)
VALUES ('00000000-0000-0000-0000-000000000001', 'DONE', date '2026-11-01', 365, now(), 999000);
INSERT INTO current_refit (refit_id) VALUES ('00000000-0000-0000-0000-000000000001');
CREATE TABLE customer_scores_1 PARTITION OF customer_scores FOR VALUES IN ('00000000-0000-0000-0000-000000000001');
INSERT INTO customer_scores SELECT '00000000-0000-0000-0000-000000000001', 'B' || (1000000 + i), 1, 0.5, 10,
       (hashint4(i) & 65535) / 100.0, 0.5, (hashint4(i) & 65535) / 13108, ((hashint4(i * 7) & 65535) / 65536.0), ARRAY['x']
FROM generate_series(1, 999000) i;
ANALYZE;
SQL
echo "data ready"
# old: one query, scores left-joined, ordered by the score NULLS LAST; new: the scored part (the list's first query)
cat > $d/q.sql <<'SQL'
SET search_path = profiles;
\timing on
\o /dev/null
SQL
for i in $(seq 1 20); do cat >> $d/q.sql <<'SQL'
SELECT c.user_id, s.clv FROM customers c LEFT JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true ORDER BY s.clv DESC NULLS LAST, c.user_id LIMIT 21 OFFSET 40;
SELECT c.user_id, s.clv FROM customers c JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true ORDER BY s.clv DESC, s.user_id LIMIT 21 OFFSET 40;
SELECT c.user_id, s.clv FROM customers c LEFT JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true AND s.clv >= 100 ORDER BY s.churn_risk DESC NULLS LAST, c.user_id LIMIT 21 OFFSET 0;
SELECT c.user_id, s.clv FROM customers c JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true AND s.clv >= 100 ORDER BY s.churn_risk DESC, s.user_id LIMIT 21 OFFSET 0;
SELECT c.user_id, s.clv FROM customers c LEFT JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true AND c.province = '浙江省' AND s.churn_risk >= 0.5 ORDER BY s.clv DESC NULLS LAST, c.user_id LIMIT 21 OFFSET 60;
SELECT c.user_id, s.clv FROM customers c JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true AND c.province = '浙江省' AND s.churn_risk >= 0.5 ORDER BY s.clv DESC, s.user_id LIMIT 21 OFFSET 60;
SQL
done
$P -f $d/q.sql 2>&1 | grep Time | awk '{ n = (NR - 1) % 6; t[n] = t[n] " " $2 } END {
  split("old:clv new:clv old:churnRisk&minClv new:churnRisk&minClv old:province&minChurnRisk&clv new:province&minChurnRisk&clv", name, " ");
  for (k = 0; k < 6; k++) print name[k + 1], t[k] }' > $d/times
python3 - $d/times <<'PY'
import sys
for line in open(sys.argv[1]):
    name, *ms = line.split(); ms = sorted(float(x) for x in ms)
    print(f"{name}: median {ms[len(ms)//2]:.1f} ms, max {ms[-1]:.1f} ms ({len(ms)} runs)")
PY

# a low-value segment by CLV: with V4's index, then with the index it replaced
segment_query="SELECT c.user_id, s.clv FROM customers c JOIN customer_scores s ON s.refit_id = (SELECT refit_id FROM current_refit) AND s.user_id = c.user_id WHERE true AND s.segment_id = 0 ORDER BY s.clv DESC, s.user_id LIMIT 21 OFFSET 0;"
time_segment() {
  { echo "SET search_path = profiles;"; echo '\timing on'; echo '\o /dev/null'
    for i in $(seq 1 20); do echo "$segment_query"; done; } > $d/s.sql
  $P -f $d/s.sql 2>&1 | grep Time | awk '{ print $2 }' | sort -n | awk -v name="$1" '{ t[NR] = $1 } END {
    printf "%s: median %.1f ms, max %.1f ms (%d runs)\n", name, t[int((NR + 1) / 2)], t[NR], NR }'
}
time_segment "new:segment&clv"
PGOPTIONS='-c search_path=profiles' $P -c "DROP INDEX customer_scores_segment_clv" \
  -c "CREATE INDEX customer_scores_segment ON customer_scores (refit_id, segment_id)" -c "ANALYZE customer_scores"
time_segment "old:segment&clv"
