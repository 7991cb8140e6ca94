package io.github.elbo4j.cavi.lda;

/**
 * The minibatches of an online {@link Lda} fit of {@code D} documents, draw after draw, as its
 * {@link LdaSettings#schedule()} takes them; what {@link Lda}'s online fit and a fitter whose E-step
 * runs elsewhere (elbo4j-spark's {@code SparkOnlineLda}) both iterate, so they visit the same
 * documents at the same minibatch positions. {@link LdaSchedule#IN_ORDER} and
 * {@link LdaSchedule#SHUFFLED}: {@code passes · ⌈D / B⌉} draws; {@link LdaSchedule#BERNOULLI}:
 * {@link LdaSettings#draws} of them, some possibly empty. Not thread-safe.
 *
 * <pre>{@code
 * LdaMinibatches batches = LdaMinibatches.of(settings, documents);
 * while (batches.next()) {
 *     if (batches.size() > 0) { ... E-step on batches.documents(), update with D / batches.size() ... }
 *     if (batches.endsPass()) { ... }
 * }
 * }</pre>
 */
public final class LdaMinibatches {

    private final LdaSettings settings;
    private final int documents;
    private final int batch;
    private final int perPass;
    private final long draws;
    private final double fraction;
    private long draw;
    private int pass;
    private int[] order;
    private int first;
    private int size;
    private int[] listed;
    private boolean endsPass;

    private LdaMinibatches(LdaSettings settings, int documents) {
        this.settings = settings;
        this.documents = documents;
        this.batch = Math.min(settings.batchSize(), documents);
        this.perPass = (documents + batch - 1) / batch;
        this.draws = settings.draws(documents);
        this.fraction = settings.schedule() == LdaSchedule.BERNOULLI ? settings.sampleFraction(documents) : 1;
    }

    /**
     * The minibatches of a fit of {@code documents} documents with {@code settings} (any method: the
     * schedule is read as if online).
     */
    public static LdaMinibatches of(LdaSettings settings, int documents) {
        java.util.Objects.requireNonNull(settings, "LdaMinibatches settings must not be null");
        if (documents < 1) {
            throw new IllegalArgumentException("LdaMinibatches documents must be >= 1, got " + documents);
        }
        return new LdaMinibatches(settings, documents);
    }

    /** The number of draws of the fit. */
    public long draws() {
        return draws;
    }

    /** Moves to the next draw; false (and no move) after the last. */
    public boolean next() {
        if (draw >= draws) {
            return false;
        }
        draw++;
        if (settings.schedule() == LdaSchedule.BERNOULLI) {
            listed = settings.bernoulliSample(draw, documents);
            first = -1;
            size = listed.length;
            endsPass = pass < settings.passes() && draw == LdaSettings.drawsFor(pass + 1, fraction);
        } else {
            int m = (int) ((draw - 1) % perPass);
            if (m == 0 && settings.schedule() == LdaSchedule.SHUFFLED) {
                order = settings.passOrder(pass + 1, documents);
            }
            int from = m * batch;
            int to = Math.min(documents, from + batch);
            size = to - from;
            first = settings.schedule() == LdaSchedule.SHUFFLED ? -1 : from;
            listed = first < 0 ? java.util.Arrays.copyOfRange(order, from, to) : null;
            endsPass = m == perPass - 1;
        }
        if (endsPass) {
            pass++;
        }
        return true;
    }

    /** The current draw, {@code 1 … draws()}. */
    public long draw() {
        return draw;
    }

    /** |B|, the documents of the current minibatch ({@link LdaSchedule#BERNOULLI}: possibly 0). */
    public int size() {
        return size;
    }

    /**
     * The first document of the current minibatch when it is the consecutive documents
     * {@code [first, first + size())} of the corpus ({@link LdaSchedule#IN_ORDER}), else −1.
     */
    public int first() {
        return first;
    }

    /**
     * The current minibatch's document numbers in minibatch order (position {@code i} is the
     * {@code i}-th document of the minibatch, which fixes its random start): a slice of the pass's
     * permutation ({@link LdaSchedule#SHUFFLED}), ascending ({@link LdaSchedule#BERNOULLI}), or
     * {@code first … first + size − 1} ({@link LdaSchedule#IN_ORDER}). A fresh array.
     */
    public int[] documents() {
        if (listed != null) {
            return listed.clone();
        }
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = first + i;
        }
        return out;
    }

    /**
     * Whether the current draw ends a pass: the last minibatch of a pass, or for
     * {@link LdaSchedule#BERNOULLI} draw {@code ⌈p / f⌉} for {@code p = 1 … passes}
     * ({@link LdaSettings#draws}), after which {@code p D} documents were visited in expectation.
     */
    public boolean endsPass() {
        return endsPass;
    }
}
