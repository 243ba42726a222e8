package io.keliu.analytics.baskets;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Frequent itemsets by FP-growth (Han, Pei &amp; Yin 2000): the baskets are compressed into a prefix tree, and the
 * itemsets ending in each item are mined from that item's conditional tree, without generating candidates.
 */
public final class FpGrowth {

    private final int minCount;
    private final int maxLength;
    private final int maxItemsets;
    private final List<FrequentItemset> found = new ArrayList<>();

    private FpGrowth(int minCount, int maxLength, int maxItemsets) {
        this.minCount = minCount;
        this.maxLength = maxLength;
        this.maxItemsets = maxItemsets;
    }

    /**
     * Thrown as soon as mining finds more itemsets than allowed: the number of itemsets grows exponentially with the
     * items baskets share (one basket of 600,000 items holds 10^26 of at most five), so the search stops instead of
     * running out of memory.
     */
    public static final class TooManyItemsets extends RuntimeException {
        TooManyItemsets(int limit) {
            super("more than " + limit + " frequent itemsets");
        }
    }

    /** All itemsets of at most {@code maxLength} items contained in at least {@code minCount} baskets. */
    public static List<FrequentItemset> mine(Baskets baskets, int minCount, int maxLength) {
        return mine(baskets, minCount, maxLength, Integer.MAX_VALUE);
    }

    /** As {@link #mine(Baskets, int, int)}, or {@link TooManyItemsets} when there are more than {@code maxItemsets}. */
    public static List<FrequentItemset> mine(Baskets baskets, int minCount, int maxLength, int maxItemsets) {
        if (minCount < 1 || maxLength < 1) {
            throw new IllegalArgumentException("minimum count and maximum length must be at least 1");
        }
        int itemCount = baskets.items().size();
        List<WeightedPath> paths = new ArrayList<>(baskets.size());
        for (int[] transaction : baskets.transactions()) {
            paths.add(new WeightedPath(transaction, 1));
        }
        FpGrowth growth = new FpGrowth(minCount, maxLength, maxItemsets);
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
            if (found.size() == maxItemsets) {
                throw new TooManyItemsets(maxItemsets);
            }
            found.add(new FrequentItemset(itemset, support));
            if (itemset.length < maxLength) {
                FpTree conditional = FpTree.build(tree.prefixPaths(item), item, minCount);
                if (!conditional.isEmpty()) {
                    grow(conditional, itemset);
                }
            }
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
