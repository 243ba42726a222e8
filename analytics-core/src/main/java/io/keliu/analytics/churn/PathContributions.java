package io.keliu.analytics.churn;

import smile.data.Tuple;
import smile.model.cart.CART;
import smile.model.cart.DecisionNode;
import smile.model.cart.InternalNode;
import smile.model.cart.Node;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Each feature's part in a tree ensemble's churn probability for one customer, by the path the customer takes
 * through each tree (Saabas's method, as treeinterpreter computes it): at every split on the path, the change of the
 * churn share from the node to the child taken is credited to the split's feature; an ensemble averages its trees.
 * A customer's contributions plus the trees' mean churn share add up to the mean churn share of the leaves the
 * customer reaches. Exact Shapley values (TreeSHAP) cost every leaf of every tree per customer — hours for a million
 * customers and a forest of 200 deep trees — where a path costs its depth.
 */
final class PathContributions {
    private final CART[] trees;
    private final int features;
    private final Map<Node, Double> churnShare = new IdentityHashMap<>();

    /** @param churnClass the class index of "churned" in the trees' leaf counts */
    PathContributions(CART[] trees, int features, int churnClass) {
        this.trees = trees.clone();
        this.features = features;
        for (CART tree : trees) {
            countBelow(tree.root(), churnClass);
        }
    }

    double[] of(Tuple customer) {
        double[] contributions = new double[features];
        for (CART tree : trees) {
            Node node = tree.root();
            while (node instanceof InternalNode split) {
                Node next = split.branch(customer) ? split.trueChild() : split.falseChild();
                contributions[split.feature()] += churnShare.get(next) - churnShare.get(node);
                node = next;
            }
        }
        for (int j = 0; j < features; j++) {
            contributions[j] /= trees.length;
        }
        return contributions;
    }

    /** The mean over the trees of their roots' churn share: what the contributions start from. */
    double base() {
        double sum = 0;
        for (CART tree : trees) {
            sum += churnShare.get(tree.root());
        }
        return sum / trees.length;
    }

    /** The mean over the trees of the churn share of the leaf the customer reaches. */
    double leafShare(Tuple customer) {
        double sum = 0;
        for (CART tree : trees) {
            sum += churnShare.get(tree.root().predict(customer));
        }
        return sum / trees.length;
    }

    /** {churned, all} training customers in the node's leaves; records the node's churn share on the way. */
    private long[] countBelow(Node node, int churnClass) {
        long[] counts;
        if (node instanceof InternalNode split) {
            long[] left = countBelow(split.trueChild(), churnClass);
            long[] right = countBelow(split.falseChild(), churnClass);
            counts = new long[] {left[0] + right[0], left[1] + right[1]};
        } else {
            int[] classes = ((DecisionNode) node).count();
            long all = 0;
            for (int c : classes) {
                all += c;
            }
            counts = new long[] {churnClass < classes.length ? classes[churnClass] : 0, all};
        }
        churnShare.put(node, counts[1] == 0 ? 0 : (double) counts[0] / counts[1]);
        return counts;
    }
}
