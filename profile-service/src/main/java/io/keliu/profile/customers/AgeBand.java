package io.keliu.profile.customers;

/** Age bands of the profile view and the distribution API: under 18, 18-24, 25-34, … 55-64, 65+. */
public final class AgeBand {
    private AgeBand() {
    }

    public static String of(Integer age) {
        if (age == null) {
            return null;
        }
        if (age < 18) {
            return "<18";
        }
        if (age < 25) {
            return "18-24";
        }
        if (age >= 65) {
            return "65+";
        }
        int low = age / 10 * 10 + (age % 10 >= 5 ? 5 : -5);
        return low + "-" + (low + 9);
    }

    /** The same bands in SQL, for grouping. */
    public static final String SQL = "CASE WHEN age IS NULL THEN NULL WHEN age < 18 THEN '<18' WHEN age < 25"
            + " THEN '18-24' WHEN age >= 65 THEN '65+' ELSE ((age - 5) / 10 * 10 + 5)::text || '-'"
            + " || ((age - 5) / 10 * 10 + 14)::text END";
}
