package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Constraint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A site on its way through the handler stack: mutable while the handlers act on it, then
 * frozen into a {@link Site} by the trace. Mirrors Pyro's message dictionary with named fields.
 */
public final class Message {

    private final SiteType type;
    private final String name;
    private Distribution distribution;
    private final Tensor paramInit;
    private final Constraint constraint;
    private final List<PlateFrame> plates = new ArrayList<>();
    private Var value;
    private boolean observed;
    private double scale = 1.0;
    private Tensor mask;
    private boolean stopped;
    private RandomStream rng;
    private PlateFrame declaredPlate;
    private Var logJacobian;
    private int enumDim;
    private int markovStep = -1;

    Message(SiteType type, String name, Distribution distribution, Var value, boolean observed,
            Tensor paramInit, Constraint constraint) {
        this.type = type;
        this.name = name;
        this.distribution = distribution;
        this.value = value;
        this.observed = observed;
        this.paramInit = paramInit;
        this.constraint = constraint;
    }

    /** The kind of site. */
    public SiteType type() {
        return type;
    }

    /** The site's name, unique within one run. */
    public String name() {
        return name;
    }

    /** The distribution of a sample site (absent for params and deterministic sites). */
    public Optional<Distribution> distribution() {
        return Optional.ofNullable(distribution);
    }

    /** Replaces the distribution (a plate broadcasting it to its size). */
    void setDistribution(Distribution d) {
        this.distribution = d;
    }

    /** The value, once a handler or the default behaviour has set it. */
    public Optional<Var> value() {
        return Optional.ofNullable(value);
    }

    /** Sets the value (replay, condition, substitute, parameter stores). */
    public void setValue(Var v) {
        this.value = v;
    }

    /** True for a sample site that carries data. */
    public boolean isObserved() {
        return observed;
    }

    /** Marks the site as observed (condition). */
    public void setObserved(boolean observed) {
        this.observed = observed;
    }

    /** The initial value of a param site. */
    public Optional<Tensor> paramInit() {
        return Optional.ofNullable(paramInit);
    }

    /**
     * The initial value of a param site, checked to lie in its {@link #constraint()}: what uses the
     * init (the context's default behaviour, a parameter store registering a new name) calls this, so
     * the check runs once per use of the init rather than once per model run.
     *
     * @throws IllegalArgumentException naming the site and the constraint if an element lies outside it
     * @throws IllegalStateException if this is not a param site
     */
    public Tensor checkedParamInit() {
        if (paramInit == null) {
            throw new IllegalStateException("site '" + name + "' is a " + type + " site, not a param site with an init");
        }
        if (constraint.check(paramInit).min().item() != 1.0) {
            throw new IllegalArgumentException("param '" + name + "' init must lie in " + constraint + ", got " + paramInit);
        }
        return paramInit;
    }

    /** The constraint of a param site (real by default). */
    public Constraint constraint() {
        return constraint;
    }

    /** The factor the site's log-density is multiplied by (plates with subsampling, scale handlers). */
    public double scale() {
        return scale;
    }

    /** Multiplies the scale. */
    public void scaleBy(double factor) {
        this.scale *= factor;
    }

    /** The 0/1 mask applied to the site's log-density, if any. */
    public Optional<Tensor> mask() {
        return Optional.ofNullable(mask);
    }

    /** Combines {@code m} with the current mask (element-wise product). */
    public void applyMask(Tensor m) {
        this.mask = mask == null ? m : mask.mul(m);
    }

    /** True when a handler stopped the message: handlers further out do not see it. */
    public boolean isStopped() {
        return stopped;
    }

    /** Stops the message (block). */
    public void stop() {
        this.stopped = true;
    }

    /** The random stream the default behaviour samples from. */
    public Optional<RandomStream> rng() {
        return Optional.ofNullable(rng);
    }

    /** Supplies the random stream (seed handler). */
    public void setRng(RandomStream rng) {
        this.rng = rng;
    }

    /** The plates enclosing the site, outermost first. */
    public List<PlateFrame> plates() {
        return List.copyOf(plates);
    }

    /**
     * {@code log |det ∂T/∂u|} of the map that gave the value from unconstrained coordinates
     * (a replayed {@code Unconstrained} guide site), summed to the site's batch shape: part of the
     * site's log-density.
     */
    public Optional<Var> logJacobian() {
        return Optional.ofNullable(logJacobian);
    }

    void setLogJacobian(Var ladj) {
        this.logJacobian = ladj;
    }

    /**
     * For a site enumerated by {@link EnumerateHandler}: the batch dim (negative, counted from the
     * right of the batch shape) along which its value holds its whole support.
     */
    public java.util.OptionalInt enumDim() {
        return enumDim == 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(enumDim);
    }

    void setEnumDim(int dim) {
        this.enumDim = dim;
    }

    /** For a site inside {@link ModelContext#markov}: the step of the chain it belongs to. */
    public java.util.OptionalInt markovStep() {
        return markovStep < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(markovStep);
    }

    void setMarkovStep(int step) {
        this.markovStep = step;
    }

    /** For a {@link SiteType#PLATE} site: the plate it declares. */
    public Optional<PlateFrame> declaredPlate() {
        return Optional.ofNullable(declaredPlate);
    }

    void declarePlate(PlateFrame frame) {
        this.declaredPlate = frame;
    }

    void addPlate(PlateFrame frame) {
        plates.add(0, frame);
    }
}
