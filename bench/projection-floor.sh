#!/usr/bin/env bash
# PostgreSQL's CPU per change event for what any exact order projection must write, nothing derived: each event's id
# claimed (dedupe by eventId), the orders' stored lines read and locked, the lines written (the state that updates,
# cancellations and refunds are applied to). Batches of 5,000 events shaped as bench/order-analytics.sh produces them
# (sql/projection-floor.sql), generated inside PostgreSQL so that no client cost is counted. Uses the machine's
# PostgreSQL 15 (/usr/lib/postgresql/15, run as the `postgres` user, as root) on port 31599 in a throwaway directory.
#   bench/projection-floor.sh [batches]   (default 40: 200,000 events)
set -euo pipefail
cd "$(dirname "$0")"
batches=${1:-40}
bin=/usr/lib/postgresql/15/bin port=31599
work=$(mktemp -d -t keliu-floor.XXXXXX)
chown postgres "$work"
cp sql/projection-floor.sql "$work/floor.sql"
su postgres -c "$bin/initdb -D $work/data -E UTF8 --no-locale > /dev/null"
su postgres -c "$bin/pg_ctl -D $work/data -o '-p $port -k $work -c shared_buffers=256MB' -l $work/log start -w > /dev/null"
trap 'su postgres -c "$bin/pg_ctl -D $work/data stop -m fast" > /dev/null; rm -rf "$work"' EXIT
# CPU ticks of the server's processes but the session's backend ($1), which the session reads itself
cat > "$work/others.sh" <<X
#!/usr/bin/env bash
pm=\$(head -1 $work/data/postmaster.pid) t=0
for p in \$pm \$(pgrep -P \$pm); do [ "\$p" = "\$1" ] || t=\$((t + \$(awk '{print \$14 + \$15}' /proc/\$p/stat))); done
echo \$t
X
chmod +x "$work/others.sh"
ticks="(split_part(pg_read_file('/proc/' || :pid || '/stat'), ' ', 14)::bigint
        + split_part(pg_read_file('/proc/' || :pid || '/stat'), ' ', 15)::bigint)"
cat > "$work/session.sql" <<X
\\set QUIET on
\\i $work/floor.sql
CALL run(4);
SELECT pg_backend_pid() AS pid \\gset
SELECT $ticks AS b1 \\gset
\\! $work/others.sh :pid > $work/others1
CALL run($batches);
SELECT $ticks AS b2 \\gset
\\! $work/others.sh :pid > $work/others2
\\echo backend :b1 :b2
X
read -r _ b1 b2 <<< "$(su postgres -c "psql -X -p $port -h $work -f $work/session.sql postgres" | tail -1)"
python3 -c "
t = $(getconf CLK_TCK); events = $batches * 5000
backend = ($b2 - $b1) / t; others = ($(cat "$work/others2") - $(cat "$work/others1")) / t
print(f'{events:,} events: PostgreSQL CPU {backend:.2f} s (session) + {others:.2f} s (other server processes)'
      f' = {(backend + others) / events * 1e6:.1f} us per event')"
