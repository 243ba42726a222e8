package io.keliu.analytics.churn;

import smile.classification.DataFrameClassifier;
import smile.classification.DecisionTree;
import smile.classification.RandomForest;
import smile.data.DataFrame;
import smile.data.Tuple;
import smile.data.formula.Formula;
import smile.data.type.StructType;
import smile.data.vector.ValueVector;
import smile.model.cart.CART;
import smile.model.cart.SplitRule;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/** A decision tree or a random forest (Smile's CART), with per-customer reasons from the paths through the trees. */
final class TreeChurnClassifier implements ChurnClassifier {

    private static final String LABEL = "churned";
    /** The label's class of churned customers (labels are 0 and 1). */
    private static final int CHURNED = 1;

    private final String name;
    private final DataFrameClassifier model;
    private final PathContributions explainer;
    private final double[] importance;
    private final StructType schema;

    private TreeChurnClassifier(String name, DataFrameClassifier model, CART[] trees, double[] importance,
                                StructType schema, int features) {
        this.name = name;
        this.model = model;
        this.explainer = new PathContributions(trees, features, CHURNED);
        this.importance = importance;
        this.schema = schema;
    }

    /** A single shallow tree: its probabilities are leaf frequencies, so leaves must hold enough customers. */
    static TreeChurnClassifier decisionTree(double[][] x, int[] y, List<String> names) {
        DataFrame data = frame(x, y);
        DecisionTree tree = DecisionTree.fit(Formula.lhs(LABEL), data, new DecisionTree.Options(SplitRule.GINI, 6, 0,
                20));
        return new TreeChurnClassifier("decision tree", tree, new CART[] {tree}, tree.importance(), predictorSchema(x),
                names.size());
    }

    /** 200 trees on bootstrap samples, √p features tried per split, seeded for reproducible forests. */
    static TreeChurnClassifier randomForest(double[][] x, int[] y, List<String> names, long seed) {
        int trees = 200;
        long[] seeds = new SplittableRandom(seed).longs(trees).toArray();
        RandomForest forest = RandomForest.fit(Formula.lhs(LABEL), frame(x, y), new RandomForest.Options(trees, 0,
                SplitRule.GINI, 12, 0, 10, 1.0, null, seeds, null));
        return new TreeChurnClassifier("random forest", forest, forest.trees(), forest.importance(), predictorSchema(x),
                names.size());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double probability(double[] features) {
        double[] posterior = new double[2];
        model.predict(tuple(features), posterior);
        return posterior[1];
    }

    /** Each feature's part in the churn probability along the customer's paths through the trees. */
    @Override
    public double[] contributions(double[] values) {
        return explainer.of(tuple(values));
    }

    @Override
    public double[] importance() {
        return importance.clone();
    }

    private Tuple tuple(double[] features) {
        return Tuple.of(schema, features);
    }

    private static DataFrame frame(double[][] x, int[] y) {
        return DataFrame.of(x, names(x[0].length)).add(ValueVector.of(LABEL, y));
    }

    private static StructType predictorSchema(double[][] x) {
        return DataFrame.of(new double[][] {x[0]}, names(x[0].length)).schema();
    }

    /** Smile's column names; neutral ones, because encoded names may contain characters formulas reject. */
    private static String[] names(int p) {
        return IntStream.range(0, p).mapToObj(j -> "f" + j).toArray(String[]::new);
    }
}
