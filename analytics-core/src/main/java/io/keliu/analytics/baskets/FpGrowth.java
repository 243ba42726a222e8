package io.keliu.analytics.baskets;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Frequent itemsets by FP-growth (Han, Pei &amp; Yin 2000): the baskets are compressed into a prefix tree, and the
 * itemsets ending in each item are mined from that item's conditional tree, without generating candidates.
 */
public final class FpGrowth {

    private final int minCount;
    private final int maxLength;
    private final Limits limits;
    private final SearchClock clock;
    private final List<FrequentItemset> found = new ArrayList<>();

    private FpGrowth(int minCount, int maxLength, Limits limits) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.limits = limits;
        this.clock = new SearchClock(limits.maxTime());
    }

    /**
     * How far a search may go: the number of itemsets grows exponentially with the items baskets share (one basket
     * of 600,000 items holds 10^26 itemsets of at most five items), and a dense input can take hours to reach any
     * count limit, so both the itemsets kept and the time spent are bounded (as arules bounds time with maxtime).
     *
     * @param maxTime CPU time of the mining thread (a busy machine does not shorten the search); zero for no limit
     */
    public record Limits(int maxItemsets, Duration maxTime) {
        public static final Limits NONE = new Limits(Integer.MAX_VALUE, Duration.ZERO);
    }

    /** Thrown as soon as the search goes past its {@link Limits}; the message says which. */
    public static final class TooManyItemsets extends RuntimeException {
        TooManyItemsets(String message) {
            super(message);
        }
    }

    /** All itemsets of at most {@code maxLength} items contained in at least {@code minCount} baskets. */
    public static List<FrequentItemset> mine(Baskets baskets, int minCount, int maxLength) {
        return mine(baskets, minCount, maxLength, Limits.NONE);
    }

    /** As {@link #mine(Baskets, int, int)}, or {@link TooManyItemsets} as soon as the search goes past its limits. */
    public static List<FrequentItemset> mine(Baskets baskets, int minCount, int maxLength, Limits limits) {
        if (minCount < 1 || maxLength < 1) {
            throw new IllegalArgumentException("minimum count and maximum length must be at least 1");
        }
        refuseAtOnce(baskets, minCount, maxLength, limits.maxItemsets());
        int itemCount = baskets.items().size();
        List<WeightedPath> paths = new ArrayList<>(baskets.size());
        for (int[] transaction : baskets.transactions()) {
            paths.add(new WeightedPath(transaction, 1));
        }
        FpGrowth growth = new FpGrowth(minCount, maxLength, limits);
        growth.grow(FpTree.build(paths, itemCount, minCount), new int[0]);
        return growth.found;
    }

    private void grow(FpTree tree, int[] suffix) {
        for (int item = tree.itemCount() - 1; item >= 0; item--) {
            int support = tree.support(item);
            if (support < minCount) {
                continue;
            }
            int[] itemset = with(suffix, item);
            if (found.size() == limits.maxItemsets()) {
                throw new TooManyItemsets("more than " + limits.maxItemsets() + " frequent itemsets");
            }
            found.add(new FrequentItemset(itemset, support));
            if (itemset.length < maxLength) {
                if (clock.expired()) {
                    throw new TooManyItemsets("the search for frequent itemsets took more than "
                            + limits.maxTime().toMillis() / 1000.0 + " s of CPU (" + found.size() + " found so far)");
                }
                FpTree conditional = FpTree.build(tree.prefixPaths(item), item, minCount);
                if (!conditional.isEmpty()) {
                    grow(conditional, itemset);
                }
            }
        }
    }

    /**
     * The CPU time the search has used, read at most every 10 ms of wall time (reading it costs a system call); wall
     * time where the JVM cannot tell a thread's CPU time.
     */
    private static final class SearchClock {
        private static final long CHECK_EVERY_NANOS = 10_000_000;
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        private final long budget;
        private final boolean cpu = THREADS.isCurrentThreadCpuTimeSupported();
        private final long start;
        private long nextCheck;

        SearchClock(Duration budget) {
            this.budget = budget.isZero() ? Long.MAX_VALUE : budget.toNanos();
            this.start = now();
            this.nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
        }

        boolean expired() {
            if (budget == Long.MAX_VALUE || System.nanoTime() < nextCheck) {
                return false;
            }
            nextCheck = System.nanoTime() + CHECK_EVERY_NANOS;
            return now() - start > budget;
        }

        private long now() {
            return cpu ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
        }
    }

    /**
     * When one basket is enough (a count of 1), every combination of a basket's items is frequent: the count of those
     * in the largest basket is known before any search, and too many are refused before any memory is spent.
     */
    private static void refuseAtOnce(Baskets baskets, int minCount, int maxLength, int maxItemsets) {
        if (minCount > 1) {
            return;
        }
        int largest = Arrays.stream(baskets.transactions()).mapToInt(basket -> basket.length).max().orElse(0);
        double combinations = 0;
        double term = 1;
        for (int k = 1; k <= Math.min(maxLength, largest); k++) {
            term = term * (largest - k + 1) / k;
            combinations += term;
        }
        if (combinations > maxItemsets) {
            throw new TooManyItemsets(String.format(Locale.ROOT, "a basket of %,d items holds %.3g itemsets of at most "
                    + "%d items, all frequent when a single basket is enough", largest, combinations, maxLength));
        }
    }

    private static int[] with(int[] suffix, int item) {
        int[] itemset = Arrays.copyOf(suffix, suffix.length + 1);
        itemset[suffix.length] = item;
        Arrays.sort(itemset);
        return itemset;
    }

    /** A basket, or a prefix path of a conditional pattern base, counted {@code weight} times. */
    record WeightedPath(int[] items, int weight) {
    }

    /**
     * The prefix tree. Items are codes whose order is fixed globally (by descending frequency), so every path lists
     * items ascending; only codes below {@code itemCount} can occur, which for a conditional tree of item i are the
     * items before i.
     */
    static final class FpTree {
        private final Node root = new Node(-1, null);
        private final Node[] heads;
        private final int[] supports;
        private boolean empty = true;

        private FpTree(int itemCount) {
            heads = new Node[itemCount];
            supports = new int[itemCount];
        }

        static FpTree build(List<WeightedPath> paths, int itemCount, int minCount) {
            FpTree tree = new FpTree(itemCount);
            int[] counts = new int[itemCount];
            for (WeightedPath path : paths) {
                for (int item : path.items()) {
                    counts[item] += path.weight();
                }
            }
            int[] buffer = new int[itemCount];
            for (WeightedPath path : paths) {
                int length = 0;
                for (int item : path.items()) {
                    if (counts[item] >= minCount) {
                        buffer[length++] = item;
                    }
                }
                if (length > 0) {
                    tree.insert(buffer, length, path.weight());
                }
            }
            return tree;
        }

        int itemCount() {
            return heads.length;
        }

        int support(int item) {
            return supports[item];
        }

        boolean isEmpty() {
            return empty;
        }

        /** The conditional pattern base of {@code item}: each path from the root to a node of it, with its count. */
        List<WeightedPath> prefixPaths(int item) {
            List<WeightedPath> paths = new ArrayList<>();
            for (Node node = heads[item]; node != null; node = node.nextOfItem) {
                int depth = 0;
                for (Node up = node.parent; up != root; up = up.parent) {
                    depth++;
                }
                if (depth == 0) {
                    continue;
                }
                int[] prefix = new int[depth];
                for (Node up = node.parent; up != root; up = up.parent) {
                    prefix[--depth] = up.item;
                }
                paths.add(new WeightedPath(prefix, node.count));
            }
            return paths;
        }

        private void insert(int[] items, int length, int weight) {
            empty = false;
            Node node = root;
            for (int i = 0; i < length; i++) {
                int item = items[i];
                Node child = node.child(item);
                if (child == null) {
                    child = node.addChild(item);
                    child.nextOfItem = heads[item];
                    heads[item] = child;
                }
                child.count += weight;
                supports[item] += weight;
                node = child;
            }
        }
    }

    private static final class Node {
        final int item;
        final Node parent;
        int count;
        Node nextOfItem;
        private Node[] children = new Node[0];

        Node(int item, Node parent) {
            this.item = item;
            this.parent = parent;
        }

        Node child(int item) {
            for (Node child : children) {
                if (child.item == item) {
                    return child;
                }
            }
            return null;
        }

        Node addChild(int item) {
            Node child = new Node(item, this);
            children = Arrays.copyOf(children, children.length + 1);
            children[children.length - 1] = child;
            return child;
        }
    }
}
