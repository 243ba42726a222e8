package io.keliu.local.simulator;

import io.keliu.contracts.v1.Gender;
import io.keliu.contracts.v1.MaritalStatus;
import io.keliu.contracts.v1.Topics;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The shop's registered customers. A few buy often and many rarely (the draw favours low indexes), so analytics see
 * repeat customers. A customer's profile goes to the profiles topic the first time they order in a run.
 *
 * <p>Customers lapse, and a bad experience makes it likelier ({@link Lapsing}): after each order a customer may lapse;
 * a customer who complained or rated a case 1–2 since their last order may leave instead of ordering again. A lapsed
 * customer's place in the draw goes to a newcomer, so the order rate and the share of heavy buyers stay as they were.
 */
final class CustomerPool {
    private static final int SIZE = 3000;
    private static final double ANONYMOUS_SHARE = 0.08;
    private static final double PROFILE_REFRESH_SHARE = 0.05;
    private static final List<String> OCCUPATIONS = List.of(
            "工程师", "教师", "医生", "销售", "学生", "公务员", "自由职业", "设计师", "会计", "个体经营", "程序员", "护士");
    private static final List<String> INDUSTRIES = List.of(
            "互联网", "教育", "医疗", "金融", "制造业", "零售", "政府机关", "餐饮", "物流", "房地产");

    record Customer(String userId, Region region, String address) {
    }

    private final Lapsing lapsing;
    private final Map<Integer, Customer> known = new HashMap<>();
    private final Set<String> buyersThisRun = new HashSet<>();
    private final Set<String> lapsed = new HashSet<>();
    private final Set<String> badExperiences = new HashSet<>();
    private int newcomers;

    CustomerPool(Lapsing lapsing) {
        this.lapsing = lapsing;
    }

    /** The buyer of a new order; empty for an anonymous (guest) order. */
    Optional<Customer> drawBuyer(RandomGenerator random) {
        if (random.nextDouble() < ANONYMOUS_SHARE) {
            return Optional.empty();
        }
        // squaring a uniform draw makes low indexes more likely: a long tail of occasional buyers
        double u = random.nextDouble();
        int index = (int) (u * u * SIZE);
        Customer customer = known.computeIfAbsent(index, i -> newCustomer("U" + (100000 + i), random));
        boolean leaves = lapsed.remove(customer.userId()) || badExperiences.remove(customer.userId())
                && random.nextDouble() < lapsing.afterBadExperience();
        if (leaves) {
            customer = newCustomer("U" + (100000 + SIZE + newcomers++), random);
            known.put(index, customer);
        }
        return Optional.of(customer);
    }

    /** Whether the customer's order just drawn is their last: they lapse after it. */
    boolean lapsesAfterThisOrder(Customer customer, RandomGenerator random) {
        boolean last = random.nextDouble() < lapsing.afterOrder();
        if (last) {
            lapsed.add(customer.userId());
        }
        return last;
    }

    /** The customer complained or gave a rating of 1–2: it weighs on their next order. */
    void badExperience(String userId) {
        badExperiences.add(userId);
    }

    /** The profile record when this order is the customer's first in this run, or (rarely) after a new login. */
    Optional<Draft> profileIfDue(Customer customer, LocalDateTime time, RandomGenerator random) {
        boolean firstOrder = buyersThisRun.add(customer.userId());
        if (!firstOrder && random.nextDouble() >= PROFILE_REFRESH_SHARE) {
            return Optional.empty();
        }
        return Optional.of(profile(customer, time, random));
    }

    private static Customer newCustomer(String userId, RandomGenerator random) {
        Region region = Regions.draw(random);
        return new Customer(userId, region, region.address(random));
    }

    private static Draft profile(Customer customer, LocalDateTime time, RandomGenerator random) {
        LocalDateTime registered = time.minusDays(30 + random.nextInt(1000)).minusMinutes(random.nextInt(1440));
        LocalDateTime activated = random.nextDouble() < 0.1 ? null : registered.plusHours(random.nextInt(72));
        return Draft.of(Topics.RAW_PROFILES, customer.userId())
                .put("user_id", customer.userId())
                .put("registered_at", Timestamps.write(registered, random))
                .put("activated_at", activated == null ? "" : Timestamps.write(activated, random))
                .put("last_login_at", Timestamps.write(time.minusMinutes(random.nextInt(60 * 72)), random))
                .put("age", age(random))
                .put("gender", SourceWords.write(random.nextDouble() < 0.55 ? Gender.FEMALE : Gender.MALE, random))
                .put("marital_status", SourceWords.write(maritalStatus(random), random))
                .put("occupation", OCCUPATIONS.get(random.nextInt(OCCUPATIONS.size())))
                .put("city", customer.region().city())
                .put("province", customer.region().province())
                .put("industry", INDUSTRIES.get(random.nextInt(INDUSTRIES.size())));
    }

    /** Online shoppers cluster around their late twenties and thirties. */
    private static int age(RandomGenerator random) {
        int age = (int) Math.round(31 + 9 * random.nextGaussian());
        return Math.clamp(age, 16, 75);
    }

    private static MaritalStatus maritalStatus(RandomGenerator random) {
        double draw = random.nextDouble();
        if (draw < 0.40) {
            return MaritalStatus.SINGLE;
        }
        if (draw < 0.92) {
            return MaritalStatus.MARRIED;
        }
        return draw < 0.98 ? MaritalStatus.DIVORCED : MaritalStatus.WIDOWED;
    }
}
