package io.keliu.analytics.churn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A telecom customer table shaped like the public IBM Telco churn data (which no reachable package registry ships),
 * with churn drawn from a known logistic model, so tests can compare a fitted model with the truth: month-to-month
 * contracts, fibre internet, electronic cheques, high charges, support calls and seniority raise churn, tenure lowers
 * it, gender does nothing. TotalCharges is blank for customers in their first month, as in the real data, and
 * SupportCalls is blank for 5 % of customers.
 *
 * <p>Regenerate the CLI test fixtures with {@code java ... SimulatedTelcoCustomers DIR}.
 */
public final class SimulatedTelcoCustomers {

    static final String HEADER = "customerID,gender,SeniorCitizen,tenure,Contract,InternetService,PaymentMethod,"
            + "MonthlyCharges,TotalCharges,SupportCalls,Churn";
    private static final String[] CONTRACTS = {"Month-to-month", "One year", "Two year"};
    private static final String[] INTERNET = {"DSL", "Fiber optic", "No"};
    private static final String[] PAYMENTS = {"Electronic check", "Mailed check", "Bank transfer", "Credit card"};

    private SimulatedTelcoCustomers() {
    }

    /** The table as CSV text, and in {@code trueProbabilities} (if not null) each customer's real churn chance. */
    public static String csv(int customers, long seed, double[] trueProbabilities) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < customers; i++) {
            String gender = random.nextBoolean() ? "Female" : "Male";
            int senior = random.nextDouble() < 0.16 ? 1 : 0;
            int contract = pick(random, 0.55, 0.21);
            int tenure = contract == 0 ? random.nextInt(0, 40) : random.nextInt(0, 73);
            int internet = pick(random, 0.34, 0.44);
            int payment = pick(random, 0.34, 0.23, 0.22);
            double monthly = 20 + (internet == 1 ? 55 : internet == 0 ? 30 : 0) + 15 * random.nextDouble();
            int calls = (int) Math.floor(-Math.log(1 - random.nextDouble()) * 1.5);
            double logit = -2.2 + 1.3 * (contract == 0 ? 1 : 0) - 1.2 * (contract == 2 ? 1 : 0) - 0.035 * tenure
                    + 0.7 * (internet == 1 ? 1 : 0) + 0.6 * (payment == 0 ? 1 : 0) + 0.015 * (monthly - 60)
                    + 0.35 * senior + 0.3 * calls;
            double probability = 1 / (1 + Math.exp(-logit));
            if (trueProbabilities != null) {
                trueProbabilities[i] = probability;
            }
            boolean churned = random.nextDouble() < probability;
            String total = tenure == 0 ? " " : String.format(Locale.ROOT, "%.2f", monthly * tenure);
            String supportCalls = random.nextDouble() < 0.05 ? "" : Integer.toString(calls);
            csv.append(String.format(Locale.ROOT, "C%05d,%s,%d,%d,%s,%s,%s,%.2f,%s,%s,%s%n", i, gender, senior,
                    tenure, CONTRACTS[contract], INTERNET[internet], PAYMENTS[payment], monthly, total, supportCalls,
                    churned ? "Yes" : "No"));
        }
        return csv.toString();
    }

    /** Writes churn_train.csv (3,000 labelled customers) and churn_score.csv (20 unlabelled) into a folder. */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        Files.writeString(folder.resolve("churn_train.csv"), csv(3000, 1, null));
        String scoring = csv(20, 2, null).lines().map(line -> line.substring(0, line.lastIndexOf(',')))
                .reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        Files.writeString(folder.resolve("churn_score.csv"), scoring);
    }

    /** Index drawn with the given probabilities; the last index takes the rest. */
    private static int pick(SplittableRandom random, double... probabilities) {
        double u = random.nextDouble();
        for (int i = 0; i < probabilities.length; i++) {
            u -= probabilities[i];
            if (u < 0) {
                return i;
            }
        }
        return probabilities.length;
    }
}
