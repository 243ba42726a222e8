package io.keliu.analytics.forecast.holidays;

import io.keliu.analytics.io.CsvTable;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Holiday breaks, make-up working days and how far each holiday's effect reaches. The Mainland China calendar is
 * data (a resource file transcribed from the State Council notices), not computed, because the breaks and make-up
 * days are decided each year by decree.
 */
public final class HolidayCalendar {
    private static final String CHINA_RESOURCE = "cn-mainland.csv";
    private static final HolidayWindow DEFAULT_WINDOW = new HolidayWindow(1, 1);
    /** Spring Festival shopping starts a week ahead and migrant workers return over the following week. */
    private static final Map<String, HolidayWindow> CHINA_WINDOWS = Map.of(
            "Spring Festival", new HolidayWindow(7, 7),
            "National Day", new HolidayWindow(3, 3));

    private final List<HolidayPeriod> periods;
    private final Map<String, HolidayWindow> windows;
    private final Set<LocalDate> makeupWorkdays = new HashSet<>();
    private final Set<LocalDate> breakDays = new HashSet<>();
    /** Every date's positions, precomputed because models ask for each day of every fit. */
    private final Map<LocalDate, List<HolidayDay>> positionsByDate = new HashMap<>();

    private HolidayCalendar(List<HolidayPeriod> periods, Map<String, HolidayWindow> windows) {
        this.periods = periods.stream().sorted(Comparator.comparing(HolidayPeriod::first)).toList();
        this.windows = Map.copyOf(windows);
        for (HolidayPeriod period : this.periods) {
            makeupWorkdays.addAll(period.makeupWorkdays());
            period.first().datesUntil(period.last().plusDays(1)).forEach(breakDays::add);
            for (HolidayDay position : windowPositions(period)) {
                positionsByDate.computeIfAbsent(dateAt(period, position), date -> new ArrayList<>()).add(position);
            }
        }
    }

    public static HolidayCalendar empty() {
        return new HolidayCalendar(List.of(), Map.of());
    }

    /** Mainland China public holidays and make-up working days, 2015-2026. */
    public static HolidayCalendar chinaMainland() {
        try (Reader reader = new InputStreamReader(Objects.requireNonNull(
                HolidayCalendar.class.getResourceAsStream(CHINA_RESOURCE)), StandardCharsets.UTF_8)) {
            return new HolidayCalendar(parseBreaks(CsvTable.parse(reader, CHINA_RESOURCE, CsvTable.Comments.HASH_LINES)), CHINA_WINDOWS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<HolidayPeriod> parseBreaks(CsvTable table) {
        int name = table.column("name");
        int first = table.column("first");
        int last = table.column("last");
        int makeup = table.column("makeup");
        return IntStream.range(0, table.size()).mapToObj(row -> new HolidayPeriod(table.requiredText(row, name),
                table.date(row, first), table.date(row, last), makeupDays(table.text(row, makeup)))).toList();
    }

    private static List<LocalDate> makeupDays(String field) {
        return field.isBlank() ? List.of() : Arrays.stream(field.split(";")).map(LocalDate::parse).toList();
    }

    /**
     * A user file with columns {@code date,name} (other markets, promotions such as 618 or Double 11). Consecutive
     * dates with the same name form one break, so "day 2" of a three-day promotion lines up across years.
     */
    public static HolidayCalendar fromDateNameCsv(Reader reader, String source) {
        CsvTable table = CsvTable.parse(reader, source, CsvTable.Comments.HASH_LINES).requireRows();
        int dateColumn = table.column("date");
        int nameColumn = table.column("name");
        Map<String, TreeSet<LocalDate>> datesByName = new HashMap<>();
        for (int row = 0; row < table.size(); row++) {
            datesByName.computeIfAbsent(table.requiredText(row, nameColumn), n -> new TreeSet<>())
                    .add(table.date(row, dateColumn));
        }
        List<HolidayPeriod> periods = new ArrayList<>();
        datesByName.forEach((name, dates) -> periods.addAll(consecutiveRuns(name, dates)));
        return new HolidayCalendar(periods, Map.of());
    }

    private static List<HolidayPeriod> consecutiveRuns(String name, TreeSet<LocalDate> dates) {
        List<HolidayPeriod> runs = new ArrayList<>();
        LocalDate runStart = null;
        LocalDate previous = null;
        for (LocalDate date : dates) {
            if (previous == null || !date.equals(previous.plusDays(1))) {
                if (previous != null) {
                    runs.add(new HolidayPeriod(name, runStart, previous, List.of()));
                }
                runStart = date;
            }
            previous = date;
        }
        runs.add(new HolidayPeriod(name, runStart, previous, List.of()));
        return runs;
    }

    /** Both calendars' breaks; this calendar's windows win where both define one. */
    public HolidayCalendar merge(HolidayCalendar other) {
        List<HolidayPeriod> all = new ArrayList<>(periods);
        all.addAll(other.periods);
        Map<String, HolidayWindow> allWindows = new HashMap<>(other.windows);
        allWindows.putAll(windows);
        return new HolidayCalendar(all, allWindows);
    }

    public HolidayCalendar withWindow(String holiday, HolidayWindow window) {
        Map<String, HolidayWindow> allWindows = new HashMap<>(windows);
        allWindows.put(holiday, window);
        return new HolidayCalendar(periods, allWindows);
    }

    public List<HolidayPeriod> periods() {
        return periods;
    }

    public boolean isEmpty() {
        return periods.isEmpty();
    }

    public HolidayWindow window(String holiday) {
        return windows.getOrDefault(holiday, DEFAULT_WINDOW);
    }

    public Optional<HolidayPeriod> occurrence(String holiday, int year) {
        return periods.stream().filter(p -> p.name().equals(holiday) && p.year() == year).findFirst();
    }

    public boolean isMakeupWorkday(LocalDate date) {
        return makeupWorkdays.contains(date);
    }

    /** Off on a holiday break, or on a weekend that is not a make-up working day. */
    public boolean isDayOff(LocalDate date) {
        if (breakDays.contains(date)) {
            return true;
        }
        boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
        return weekend && !isMakeupWorkday(date);
    }

    /** Every holiday whose break or lead-in/after window covers the date, with the date's position in it. */
    public List<HolidayDay> positionsOn(LocalDate date) {
        return positionsByDate.getOrDefault(date, List.of());
    }

    /** The date at a position of a break, e.g. "day 1" or "lead-in -2". */
    public LocalDate dateAt(HolidayPeriod period, HolidayDay position) {
        return switch (position.phase()) {
            case LEAD_IN -> period.first().plusDays(position.offset());
            case DAY -> period.first().plusDays(position.offset() - 1L);
            case AFTER -> period.last().plusDays(position.offset());
        };
    }

    /** Positions from the first lead-in day to the last after-effect day of a break, in date order. */
    public List<HolidayDay> windowPositions(HolidayPeriod period) {
        HolidayWindow window = window(period.name());
        List<HolidayDay> positions = new ArrayList<>();
        for (int lead = window.leadInDays(); lead >= 1; lead--) {
            positions.add(new HolidayDay(period.name(), HolidayDay.Phase.LEAD_IN, -lead));
        }
        for (int day = 1; day <= period.length(); day++) {
            positions.add(new HolidayDay(period.name(), HolidayDay.Phase.DAY, day));
        }
        for (int after = 1; after <= window.afterDays(); after++) {
            positions.add(new HolidayDay(period.name(), HolidayDay.Phase.AFTER, after));
        }
        return positions;
    }

    public int firstYear() {
        return periods.stream().mapToInt(HolidayPeriod::year).min().orElseThrow();
    }

    public int lastYear() {
        return periods.stream().mapToInt(HolidayPeriod::year).max().orElseThrow();
    }
}
